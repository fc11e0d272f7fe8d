"""Reports may load only the project's own static and media files."""

import pytest
from django.template import Context, Template

from reporting.pdf import REPORT_BASE_URL, PortalURLFetcher, ResourceRefused, html_to_pdf
from tests.pdf_text import pdf_image_count, pdf_text


def test_fetcher_serves_the_shared_print_stylesheet():
    response = PortalURLFetcher().fetch(REPORT_BASE_URL + "static/css/print.css")
    assert b"@page" in response.read()
    assert response.content_type == "text/css"


def test_fetcher_serves_collected_static_files_under_their_hashed_names(settings, tmp_path):
    """With DEBUG off templates link css/print.<hash>.css, which only STATIC_ROOT holds."""
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "print.0123456789ab.css").write_text("@page { size: A4; }")
    response = PortalURLFetcher().fetch(REPORT_BASE_URL + "static/css/print.0123456789ab.css")
    assert response.read() == b"@page { size: A4; }"


def test_static_finders_answer_no_match_for_an_unknown_file():
    """The plotly finder once answered None, which finders.find() turned into [None]."""
    from django.contrib.staticfiles import finders

    assert not finders.find("css/print.0123456789ab.css")
    assert finders.find("css/print.0123456789ab.css", find_all=True) == []


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/tracker.png",
        "http://127.0.0.1:8000/static/css/print.css",
        "file:///etc/passwd",
        REPORT_BASE_URL + "static/../../etc/passwd",
        REPORT_BASE_URL + "media/../rucphen_portal/settings.py",
        REPORT_BASE_URL + "beheer/",
    ],
)
def test_fetcher_refuses_everything_else(url):
    with pytest.raises((ResourceRefused, ValueError)):
        PortalURLFetcher().fetch(url)


def test_fetcher_serves_media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logos").mkdir()
    (tmp_path / "logos" / "logo.png").write_bytes(b"\x89PNG fake")
    response = PortalURLFetcher().fetch(REPORT_BASE_URL + "media/logos/logo.png")
    assert response.read() == b"\x89PNG fake"


def test_a_report_with_outside_resources_renders_without_them(tmp_path):
    from PIL import Image

    secret = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), "red").save(secret)  # a real image: it would show if fetched
    html = (
        '<html><head><link rel="stylesheet" href="/static/css/print.css"></head><body>'
        "<h1>Bijlage</h1>"
        '<img src="https://example.org/tracker.png" alt="x">'
        f'<img src="file://{secret}" alt="y">'
        "</body></html>"
    )
    pdf = html_to_pdf(html)
    assert "Bijlage" in pdf_text(pdf)
    assert pdf_image_count(pdf) == 0


def test_pdf_chart_tag_falls_back_to_a_table_without_chromium(settings):
    import plotly.graph_objects as go

    from reporting import charts
    from reporting.charts import Chart, ChartTable

    settings.CHROMIUM_PATH = "/nonexistent/chromium"
    chart = Chart(
        key="t",
        title="Antwoorden per stelling",
        figure=go.Figure(go.Bar(x=[1, 2], y=[3, 4])),
        table=ChartTable(columns=["Stelling", "Aantal"], rows=[["Eens", 3], ["Oneens", 4]]),
    )
    fresh = charts._KaleidoServer()
    original = charts._kaleido
    charts._kaleido = fresh
    try:
        html = Template("{% load reporting %}{% pdf_chart chart %}").render(
            Context({"chart": chart})
        )
    finally:
        charts._kaleido = original
    assert "Chromium ontbreekt" in html
    assert '<th scope="row">Eens</th>' in html and "<td>4</td>" in html
    assert "<img" not in html


def test_check_warns_when_chromium_is_missing(settings):
    from reporting.checks import chromium_for_charts

    settings.CHROMIUM_PATH = "/nonexistent/chromium"
    assert [message.id for message in chromium_for_charts(None)] == ["reporting.W001"]
    settings.CHROMIUM_PATH = ""
    assert chromium_for_charts(None) == []


def test_a_markdown_slide_linking_an_outside_image_and_a_local_file_loads_neither(tmp_path):
    """A consultant's slide is sanitised (no images), and even its raw Markdown HTML,
    rendered straight into a report, makes WeasyPrint fetch nothing outside the project."""
    import markdown as markdown_lib
    from PIL import Image

    from workshops.markdown import render_markdown

    secret = tmp_path / "secret.png"
    Image.new("RGB", (8, 8), "red").save(secret)
    slide = (
        "## Datagedreven werken\n\n"
        "![logo](https://example.org/tracker.png)\n\n"
        f"![geheim](file://{secret})\n\n"
        "Een gewone alinea."
    )
    sanitised = str(render_markdown(slide))
    assert "<img" not in sanitised and "Een gewone alinea." in sanitised
    raw = markdown_lib.markdown(slide)
    assert raw.count("<img") == 2
    for body in (sanitised, raw):
        pdf = html_to_pdf(f"<html><body>{body}</body></html>")
        assert "Een gewone alinea." in pdf_text(pdf)
        assert pdf_image_count(pdf) == 0


def test_a_report_freezes_the_older_objects_for_the_cycle_collector_and_unfreezes_them():
    """While a report is made the collector skips the objects that existed before; after
    it (also after a failure, and after nested reports) every object is collected again."""
    import gc

    from reporting.pdf import older_objects_frozen

    before = gc.get_freeze_count()  # the interpreter freezes a few hundred at its start
    with older_objects_frozen():
        frozen = gc.get_freeze_count()
        assert frozen > before + 10_000
        with older_objects_frozen():
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), older_objects_frozen():
        raise RuntimeError
    assert gc.get_freeze_count() == 0
    html_to_pdf("<html><body><p>Een alinea.</p></body></html>")
    assert gc.get_freeze_count() == 0
