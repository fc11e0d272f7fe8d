"""Reports: a Django template rendered to PDF by WeasyPrint.

Every report extends ``reporting/base_report.html`` (cover, running headers and
footers, page numbers, the shared print stylesheet). WeasyPrint may fetch only the
project's own static and media files and ``data:`` URIs; anything else (another
host, ``file://``, a path outside those folders) is refused.
"""

import gc
import mimetypes
import os
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from weasyprint import HTML
from weasyprint.images import SVGImage
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reporting.charts import (
    chart_export_available,
    charts_export_in_background,
    render_with_chart_placeholders,
    svg_data_uri,
)
from reporting.hyphenation import hyphenate_running_text, soft_hyphens_in_text_layer
from reporting.responses import attachment_response

# A reserved, never-resolving host: relative URLs in reports resolve against it.
REPORT_BASE_URL = "https://report.invalid/"


class ResourceRefused(ValueError):
    pass


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _static_file(relative: str) -> Path | None:
    """A static file by its URL path: the source file (development) or the collected one.

    With DEBUG off templates name the collected copy with a content hash in its name
    (``css/print.3f2a….css``), which only STATIC_ROOT has; the finders know the source names.
    """
    found = finders.find(relative)
    if isinstance(found, list | tuple):  # a finder may answer [None] or a list
        found = next((match for match in found if match), None)
    if found:
        return Path(found)
    if settings.STATIC_ROOT:
        root = Path(settings.STATIC_ROOT)
        candidate = root / relative
        if _inside(candidate, root) and candidate.is_file():
            return candidate
    return None


def resolve_report_url(url: str) -> Path:
    """The local file a report URL stands for, or ResourceRefused."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != REPORT_BASE_URL:
        raise ResourceRefused(f"Reports may not load {url}")
    path = unquote(parts.path)
    if path.startswith(settings.STATIC_URL):
        relative = path[len(settings.STATIC_URL) :]
        if ".." in Path(relative).parts:
            raise ResourceRefused(f"Reports may not load {url}")
        found = _static_file(relative)
        if found:
            return found
    elif path.startswith(settings.MEDIA_URL):
        relative = path[len(settings.MEDIA_URL) :]
        candidate = Path(settings.MEDIA_ROOT) / relative
        if _inside(candidate, Path(settings.MEDIA_ROOT)) and candidate.is_file():
            return candidate
    raise ResourceRefused(f"Reports may not load {url}")


class PortalURLFetcher(URLFetcher):
    """Serves only the project's own static and media files, and data: URIs."""

    def __init__(self, **kwargs):
        # HTTPS is never allowed; an empty context spares loading the system's certificates
        # for every report (urllib's default context does that each time).
        kwargs.setdefault("ssl_context", ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
        super().__init__(allowed_protocols={"data"}, allow_redirects=False, **kwargs)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        path = resolve_report_url(url)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime_type})


_frozen_lock = threading.Lock()
_frozen_depth = 0


@contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Python's cycle collector leaves alone the objects that existed before (``gc.freeze``).

    A report allocates hundreds of thousands of short-lived objects (boxes, styles, the
    charts' figures), so the collector runs often, and its older generations walk every
    object of the process as well: Django's, plotly's validators', some 250,000. For
    "Visie en routeplan" that was 0.4 s of collecting in a 1.4 s document, 0.1 s frozen.
    Frozen objects are skipped; what the report makes is collected as before. Nested and
    concurrent reports freeze once; the last one to finish unfreezes, which also hands back
    the few hundred objects the interpreter froze at its start (nothing in the project
    freezes objects otherwise).
    """
    global _frozen_depth
    with _frozen_lock:
        if _frozen_depth == 0:
            gc.freeze()
        _frozen_depth += 1
    try:
        yield
    finally:
        with _frozen_lock:
            _frozen_depth -= 1
            if _frozen_depth == 0:
                gc.unfreeze()


def _after_fork_in_child() -> None:
    # The report that froze the objects does not go on in a forked child.
    global _frozen_lock, _frozen_depth
    if _frozen_depth:
        gc.unfreeze()
    _frozen_lock, _frozen_depth = threading.Lock(), 0


os.register_at_fork(after_in_child=_after_fork_in_child)


# Tagged PDF (PDF/UA-1): headings, lists, tables and figures with their alternative text
# form the structure tree a screen reader reads; the viewer shows the title.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def _html(html: str) -> HTML:
    return HTML(string=html, base_url=REPORT_BASE_URL, url_fetcher=PortalURLFetcher())


def html_to_pdf(html: str) -> bytes:
    """A report's HTML as a tagged PDF (PDF/UA-1); a line break at a soft hyphen of the
    HTML reads as a soft hyphen in its text layer (see reporting.hyphenation)."""
    with older_objects_frozen():
        return _html(html).write_pdf(finisher=soft_hyphens_in_text_layer, **PDF_OPTIONS)


def render_pdf(*, template_name: str, context: dict) -> bytes:
    """A report template as PDF; its charts are exported together, in one batch.

    While the charts are exported (and for the first document of a process, while the
    chart browser starts), WeasyPrint lays the pages out already, each chart standing in
    as an empty image of its size; the charts are drawn into those images when they are
    there. The pages are the same as when laid out after the export (a test compares the
    two); a chart that could not be exported makes the document again with its table.
    The Dutch running text is hyphenated once, before the charts are filled in.
    """
    with older_objects_frozen():
        return _render_pdf(template_name, context)


def _render_pdf(template_name: str, context: dict) -> bytes:
    html, charts = render_with_chart_placeholders(template_name, context)
    html = hyphenate_running_text(html)
    if not charts.charts or not chart_export_available():
        return html_to_pdf(charts.fill(html))
    exported = charts_export_in_background(charts.charts)
    if exported.done():  # every chart exported before
        return html_to_pdf(charts.fill(html, exported.result()))
    stand_ins = charts.stand_ins()
    images: dict = {}  # WeasyPrint's image cache: what it loaded, by URL
    document = _html(charts.fill(html, stand_ins)).render(cache=images, **PDF_OPTIONS)
    svgs = exported.result()
    if _draw_charts_into_stand_ins(images, stand_ins, svgs):
        return document.write_pdf(cache=images, finisher=soft_hyphens_in_text_layer, **PDF_OPTIONS)
    return html_to_pdf(charts.fill(html, svgs))


def _draw_charts_into_stand_ins(
    images: dict, stand_ins: list[bytes], svgs: list[bytes | None]
) -> bool:
    """Each laid-out stand-in made into its chart; False (nothing changed) when a chart is
    missing, of another size, or a stand-in is not where WeasyPrint keeps it."""
    charts = []
    for stand_in_svg, svg in zip(stand_ins, svgs, strict=True):
        stand_in = images.get(svg_data_uri(stand_in_svg))
        if svg is None or not isinstance(stand_in, SVGImage):
            return False
        try:
            chart = SVGImage(
                # kaleido's SVG, parsed as WeasyPrint parses any SVG image
                ElementTree.fromstring(svg),  # noqa: S314
                svg_data_uri(svg),
                stand_in._url_fetcher,
                stand_in._context,
            )
        except ElementTree.ParseError:
            return False
        if chart.get_intrinsic_size(1, 16) != stand_in.get_intrinsic_size(1, 16):
            return False
        charts.append((stand_in, chart))
    for stand_in, chart in charts:
        stand_in.__dict__.update(chart.__dict__)
    return True


def pdf_response(pdf: bytes, *, filename: str, inline: bool = False) -> HttpResponse:
    return attachment_response(
        pdf, filename=filename, content_type="application/pdf", inline=inline
    )
