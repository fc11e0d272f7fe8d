"""Reports: a Django template rendered to PDF by WeasyPrint.

Every report extends ``reporting/base_report.html`` (cover, running headers and
footers, page numbers, the shared print stylesheet). WeasyPrint may fetch only the
project's own static and media files and ``data:`` URIs; anything else (another
host, ``file://``, a path outside those folders) is refused.
"""

import mimetypes
import ssl
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from reporting.charts import render_with_charts
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


def html_to_pdf(html: str) -> bytes:
    """A tagged PDF (PDF/UA-1): headings, lists, tables and figures with their alternative
    text form the structure tree a screen reader reads; the viewer shows the title."""
    document = HTML(string=html, base_url=REPORT_BASE_URL, url_fetcher=PortalURLFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(*, template_name: str, context: dict) -> bytes:
    """A report template as PDF; its charts are exported together, in one batch."""
    return html_to_pdf(render_with_charts(template_name, context))


def pdf_response(pdf: bytes, *, filename: str, inline: bool = False) -> HttpResponse:
    return attachment_response(
        pdf, filename=filename, content_type="application/pdf", inline=inline
    )
