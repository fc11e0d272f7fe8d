"""Every PDF of every stage uses the print stylesheet in production.

With DEBUG off the stylesheet has a hashed name that only the collected static files have;
a report that cannot load it renders in WeasyPrint's default serif without a cover page.
"""

import io
import re
import zipfile

import pytest
from django.urls import URLResolver, get_resolver, resolve
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def pdf_fonts(pdf: bytes) -> set[str]:
    fonts = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in ((page.get("/Resources") or {}).get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont", "")).split("+")[-1])
    return fonts


def blank_pages(pdf: bytes) -> list[int]:
    """Pages with nothing but the running header and footer: no text of their own, no image,
    no drawing. (A chart is drawn as vector paths; a page holding only a chart is not blank.)"""
    blank = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        lines = [line.strip() for line in (page.extract_text() or "").splitlines()]
        own = [
            line
            for line in lines
            if line
            and not re.fullmatch(r"Pagina \d+ / \d+", line)
            and " · " not in line  # the running header: "<document> · <organisation>"
            and line != "Datagedreven werken"
        ]
        resources = page.get("/Resources") or {}
        drawn = bool(resources.get("/XObject")) or len(page.get_contents().get_data()) > 4000
        if not own and not drawn:
            blank.append(number)
    return blank


def assert_styled(pdf: bytes, name: str, organisation: str | None) -> None:
    fonts = {font.replace("-", "") for font in pdf_fonts(pdf)}  # 'DejaVu-Sans-Bold'
    assert any(font.startswith("DejaVuSans") for font in fonts), f"{name}: fonts {fonts}"
    assert not any("Serif" in font for font in fonts), f"{name}: unstyled, fonts {fonts}"
    pages = PdfReader(io.BytesIO(pdf)).pages
    cover = pages[0].extract_text()
    assert organisation is None or organisation in cover, name
    if len(pages) > 1:
        # A report's cover is a page of its own: the organisation, the title, the date. (The
        # one-page engagement summary has a header instead.) Unstyled, the content follows
        # on the same page.
        assert len(cover) < 400, f"{name}: no cover page: {cover[:400]!r}"
    assert blank_pages(pdf) == [], f"{name}: blank pages"


def _pdf_url_names(patterns=None, namespace=None) -> set[str]:
    """Every URL of the portal whose route ends in .pdf."""
    names = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.namespace])) or None
            names |= _pdf_url_names(pattern.url_patterns, inner)
        elif str(pattern.pattern).endswith(".pdf") and pattern.name:
            names.add(":".join(filter(None, [namespace, pattern.name])))
    return names


def test_every_report_pdf_uses_the_print_stylesheet(crawls):
    """Every PDF URL of the portal, reached by following the demo's links as administrator."""
    pdfs = crawls["admin"].downloads("application/pdf")
    expected = _pdf_url_names()
    assert len(expected) >= 5, expected
    found = {resolve(url).view_name for url in pdfs}
    assert expected <= found, sorted(expected - found)
    for url, pdf in pdfs.items():
        # The demo also has engagements of other (fictional) municipalities.
        assert_styled(pdf, url, None)


def test_the_engagement_archive_holds_styled_pdfs(crawls):
    archives = crawls["admin"].downloads("application/zip")
    assert archives
    for url, body in archives.items():
        archive = zipfile.ZipFile(io.BytesIO(body))
        pdfs = [name for name in archive.namelist() if name.endswith(".pdf")]
        assert pdfs, f"{url}: {archive.namelist()}"
        for name in pdfs:
            assert_styled(archive.read(name), f"{url} {name}", None)


def test_a_report_whose_stylesheet_is_missing_would_fail_these_checks():
    """The checks above can fail: the same report without its stylesheet is unstyled."""
    from reporting.pdf import html_to_pdf

    html = (
        '<html><body><section class="cover"><p>Gemeente Rucphen</p><h1>Titel</h1></section>'
        "<p>Inhoud</p></body></html>"
    )
    with pytest.raises(AssertionError):
        assert_styled(html_to_pdf(html), "unstyled", "Gemeente Rucphen")


def test_a_report_with_a_blank_page_would_fail_these_checks():
    """The blank-page check can fail: a page break before and after nothing leaves a page
    holding only the running header and the page number."""
    from django.contrib.staticfiles.storage import staticfiles_storage

    from reporting.pdf import html_to_pdf

    stylesheet = staticfiles_storage.url("css/print.css")
    head = f'<html lang="nl"><head><link rel="stylesheet" href="{stylesheet}"></head><body>'
    page = '<section class="cover"><p>Gemeente Rucphen</p><h1>Titel</h1></section>'
    fine = html_to_pdf(f"{head}{page}<p>Inhoud</p></body></html>")
    assert blank_pages(fine) == []
    gap = '<div style="break-before: page; break-after: page"></div>'
    blank = html_to_pdf(f"{head}{page}{gap}<p>Inhoud</p></body></html>")
    assert blank_pages(blank) != []
