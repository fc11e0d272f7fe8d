import pytest


@pytest.fixture(autouse=True)
def _no_chart_export_in_the_test_process(monkeypatch):
    """PDFs rendered in this process show charts as tables (the pipeline's fallback).

    kaleido's server runs in threads of the process that starts it; the browser tests'
    server is forked from this process later in the session and would inherit a
    started-but-dead kaleido and hang on its first chart. The browser tests check the
    charts in the PDF (SVG) through their own server instead.
    """
    monkeypatch.setattr("reporting.templatetags.reporting.chart_svg_data_uri", lambda chart: None)
