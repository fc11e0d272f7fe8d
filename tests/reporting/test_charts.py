"""A chart is defined once: drawn in the page by plotly.js, exported as SVG for PDFs."""

import json

import plotly.graph_objects as go
from django.template import Context, Template

from reporting.charts import Chart, ChartTable, chart_svg


def _chart() -> Chart:
    return Chart(
        key="votes",
        title="Stemmen </script><b>",
        figure=go.Figure(go.Bar(x=["Eens", "Oneens"], y=[7, 2])),
        table=ChartTable(columns=["Antwoord", "Aantal"], rows=[["Eens", 7], ["Oneens", 2]]),
    )


def test_render_chart_embeds_the_figure_as_json_and_the_numbers_as_a_table():
    html = Template("{% load reporting %}{% render_chart chart %}").render(
        Context({"chart": _chart()})
    )
    assert 'data-chart="chart-votes-data"' in html
    start = html.index('<script id="chart-votes-data" type="application/json">') + len(
        '<script id="chart-votes-data" type="application/json">'
    )
    figure = json.loads(html[start : html.index("</script>", start)])
    assert figure["data"][0]["y"] == [7, 2]
    assert '<th scope="row">Eens</th>' in html
    assert "</script><b>" not in html  # the title is escaped


def test_chart_svg_exports_a_vector_image_through_chromium():
    svg = chart_svg(_chart())
    assert svg is not None, (
        "Chromium must be installed for the test suite (apt-get install chromium)"
    )
    assert svg.lstrip().startswith(b"<svg")
    assert b"Oneens" in svg


def test_engagement_summary_pdf_contains_the_chart_as_a_vector_image(world):
    from engagements.reports import engagement_summary_pdf_bytes
    from tests.pdf_text import pdf_image_count

    pdf = engagement_summary_pdf_bytes(
        engagement=world.engagement, user=world.users["consultant_on"]
    )
    assert pdf_image_count(pdf) >= 1


def test_the_same_chart_is_exported_once_per_process(monkeypatch):
    from reporting import charts

    calls = []
    original = charts._kaleido.to_svg

    def counting(figure, **kwargs):
        calls.append(1)
        return original(figure, **kwargs)

    monkeypatch.setattr(charts._kaleido, "to_svg", counting)
    chart = _chart()
    chart.key = "cached"
    chart.figure.update_layout(title={"text": "uniek voor deze test"})
    first, second = chart_svg(chart), chart_svg(chart)
    assert first == second and first is not None
    assert len(calls) == 1


def _count_batches(monkeypatch) -> list[int]:
    """The size of every batch the chart browser is asked to export from now on."""
    from reporting import charts as charts_module

    batches: list[int] = []
    export_batch = charts_module._kaleido.export_batch

    def counting(jobs):
        batches.append(len(jobs))
        return export_batch(jobs)

    monkeypatch.setattr(charts_module._kaleido, "export_batch", counting)
    return batches


def test_a_report_exports_all_its_charts_in_one_batch_and_reuses_them(monkeypatch):
    from reporting import charts as charts_module

    batches = _count_batches(monkeypatch)
    figures = [
        Chart(
            key=f"batch-{n}",
            title=f"Grafiek {n}",
            figure=go.Figure(go.Bar(x=["Eens", "Oneens"], y=[n, 9 - n])),
            table=ChartTable(columns=[], rows=[]),
        )
        for n in range(1, 4)
    ]
    svgs = charts_module.charts_export(figures)
    assert batches == [3]
    assert all(svg is not None and svg.lstrip().startswith(b"<svg") for svg in svgs)
    # The template's own export then finds each chart in the cache.
    assert [chart_svg(chart) for chart in figures] == svgs
    assert charts_module.charts_export(figures) == svgs
    assert batches == [3]
    pngs = charts_module.charts_export(figures[:1], fmt="png", scale=2)
    assert pngs[0] is not None and pngs[0].startswith(b"\x89PNG")


def test_the_browser_keeps_its_page_between_figures_and_reloads_it_after_a_failure():
    """kaleido reloads plotly.js after every figure unless told otherwise: ours does not,
    except after a figure that failed (and then before the next one)."""
    from reporting import charts as charts_module

    server = charts_module._kaleido
    figures = [
        (go.Figure(go.Bar(x=["a", "b"], y=[n, 1])), {"format": "svg", "width": 300, "height": 200})
        for n in range(3)
    ]
    assert all(server.export_batch(figures))  # starts the browser if needed
    browser = server._browser
    reloads = browser.reloads
    assert all(server.export_batch(figures))
    assert browser.reloads == reloads

    broken = ({"data": [{"type": "bar"}], "layout": {}}, {"format": "no-such-format"})
    assert server.export_batch([broken]) == [None]
    assert all(server.export_batch(figures[:1]))
    assert browser.reloads == reloads + 1


def test_render_pdf_exports_every_chart_of_a_template_in_one_batch(monkeypatch):
    from django.template import engines
    from django.template.loader import render_to_string as original

    from reporting import charts as charts_module

    batches = _count_batches(monkeypatch)
    template = engines["django"].from_string(
        "{% load reporting %}{% for chart in charts %}{% pdf_chart chart %}{% endfor %}"
    )
    monkeypatch.setattr(
        charts_module,
        "render_to_string",
        lambda name, context: (
            template.render(context) if name == "report.html" else original(name, context)
        ),
    )
    charts = [
        Chart(
            key=f"placeholder-{n}",
            title=f"Eén batch {n}",
            figure=go.Figure(go.Bar(x=["Eens", "Oneens"], y=[n, 17 - n])),
            table=ChartTable(columns=[], rows=[]),
        )
        for n in range(4)
    ]
    html = charts_module.render_with_charts("report.html", {"charts": charts})
    assert batches == [4]
    assert html.count("data:image/svg+xml;base64,") == 4
    assert "pdf-chart-" not in html.replace('class="pdf-chart', "")


def _report_template(monkeypatch, source: str) -> None:
    """``report.html`` rendered from ``source`` by the report functions."""
    from django.template import engines
    from django.template.loader import render_to_string as original

    from reporting import charts as charts_module

    template = engines["django"].from_string(source)
    monkeypatch.setattr(
        charts_module,
        "render_to_string",
        lambda name, context: (
            template.render(context) if name == "report.html" else original(name, context)
        ),
    )


REPORT_WITH_CHARTS = (
    "{% load reporting %}<html lang='nl'><head><title>Rapport</title></head><body>"
    "<h1>Rapport</h1>{% for chart in charts %}<p>Alinea {{ forloop.counter }}</p>"
    "{% pdf_chart chart %}{% endfor %}</body></html>"
)


def _new_charts(prefix: str, sizes: list[tuple[int, int]]) -> list[Chart]:
    """Charts this process has not exported yet (the figure's title is new)."""
    import secrets

    unique = secrets.token_hex(4)
    return [
        Chart(
            key=f"{prefix}-{n}",
            title=f"Grafiek {n}",
            figure=go.Figure(
                go.Bar(x=["Eens", "Oneens"], y=[n + 1, 5]),
                layout={"title": {"text": f"{prefix} {unique} {n}"}},
            ),
            table=ChartTable(columns=["Antwoord", "Aantal"], rows=[["Eens", n + 1], ["Oneens", 5]]),
            width=width,
            height=height,
        )
        for n, (width, height) in enumerate(sizes)
    ]


def _export_still_running(monkeypatch) -> list[bool]:
    """The export of a report's charts answers only after the pages are laid out (as for the
    first report of a process, which waits for Chromium to start); returns what each
    drawing of the charts into the laid-out pages answered."""
    import threading
    from concurrent.futures import Future

    from reporting import pdf as pdf_module

    laid_out = threading.Event()
    original_render = pdf_module.HTML.render

    def render(self, *args, **kwargs):
        document = original_render(self, *args, **kwargs)
        laid_out.set()
        return document

    def in_background(charts):
        future: Future = Future()

        def export():
            svgs = charts_module.charts_export(charts)
            laid_out.wait(timeout=60)
            future.set_result(svgs)

        threading.Thread(target=export, daemon=True).start()
        return future

    from reporting import charts as charts_module

    drawn: list[bool] = []
    draw = pdf_module._draw_charts_into_stand_ins
    monkeypatch.setattr(pdf_module.HTML, "render", render)
    monkeypatch.setattr(pdf_module, "charts_export_in_background", in_background)
    monkeypatch.setattr(
        pdf_module,
        "_draw_charts_into_stand_ins",
        lambda *args: drawn.append(draw(*args)) or drawn[-1],
    )
    return drawn


def test_a_report_laid_out_while_its_charts_are_exported_is_the_same_document(monkeypatch):
    """The pages are laid out with an empty stand-in of each chart's size while the charts
    are exported; the PDF is byte for byte the one laid out after the export."""
    from reporting.charts import render_with_charts
    from reporting.pdf import html_to_pdf, render_pdf
    from tests.pdf_text import pdf_text

    _report_template(monkeypatch, REPORT_WITH_CHARTS)
    charts = _new_charts("stand-in", [(720, 360), (720, 440), (500, 300)])
    drawn = _export_still_running(monkeypatch)
    pdf = render_pdf(template_name="report.html", context={"charts": charts})
    assert drawn == [True]
    expected = html_to_pdf(render_with_charts("report.html", {"charts": charts}))
    assert pdf == expected
    assert "Grafiek 2" in pdf_text(pdf) and "Chromium" not in pdf_text(pdf)


def test_a_chart_that_fails_to_export_while_the_pages_are_laid_out_becomes_its_table(
    monkeypatch,
):
    from reporting import charts as charts_module
    from reporting.pdf import render_pdf
    from tests.pdf_text import pdf_text

    _report_template(monkeypatch, REPORT_WITH_CHARTS)
    charts = _new_charts("failing", [(720, 360), (720, 360)])
    export = charts_module.charts_export
    monkeypatch.setattr(charts_module, "charts_export", lambda charts: [*export(charts[:1]), None])
    drawn = _export_still_running(monkeypatch)
    pdf = render_pdf(template_name="report.html", context={"charts": charts})
    assert drawn == [False]
    text = pdf_text(pdf)
    assert text.count("Chromium") == 1 and "Oneens" in text
