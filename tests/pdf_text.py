"""Read the text of a PDF the portal produced, for assertions on reports."""

import io

from pypdf import PdfReader


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def pdf_image_count(pdf: bytes) -> int:
    """Counts embedded images and form XObjects (kaleido's SVG charts become vector forms)."""
    reader = PdfReader(io.BytesIO(pdf))
    count = 0
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        count += len(xobjects)
    return count
