"""The PDF's chart tag remembers an exported SVG per figure and exports changed ones anew."""

import plotly.graph_objects as go

from reporting.charts import Chart, ChartTable
from roadmap.templatetags import roadmap_report


def _chart(values):
    return Chart(key="t", title="T", figure=go.Figure(go.Bar(y=values)), table=ChartTable([], []))


def test_same_figure_is_exported_once_and_a_changed_one_again(monkeypatch):
    calls = []

    def fake_export(chart):
        calls.append(chart.figure_json())
        return f"data:image/svg+xml;base64,{len(calls)}"

    monkeypatch.setattr(roadmap_report, "chart_svg_data_uri", fake_export)
    monkeypatch.setattr(roadmap_report, "_cache", type(roadmap_report._cache)())
    first = roadmap_report.cached_svg_data_uri(_chart([1, 2]))
    again = roadmap_report.cached_svg_data_uri(_chart([1, 2]))
    changed = roadmap_report.cached_svg_data_uri(_chart([1, 3]))
    assert first == again != changed
    assert len(calls) == 2


def test_a_failed_export_is_not_remembered(monkeypatch):
    results = iter([None, "data:image/svg+xml;base64,ok"])
    monkeypatch.setattr(roadmap_report, "chart_svg_data_uri", lambda chart: next(results))
    monkeypatch.setattr(roadmap_report, "_cache", type(roadmap_report._cache)())
    assert roadmap_report.cached_svg_data_uri(_chart([5])) is None
    assert roadmap_report.cached_svg_data_uri(_chart([5])) == "data:image/svg+xml;base64,ok"
