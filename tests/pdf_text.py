"""Read the text of a PDF the portal produced, for assertions on reports."""

import io
import re

from pypdf import PdfReader

# ISO 32000-1, 14.8.2.2.3: in a tagged PDF a word broken at the end of a line ends the line
# with a soft hyphen; a reader reads the word whole.
LINE_BREAK_IN_A_WORD = re.compile("\u00ad[ \t]*\n[ \t]*")


def pdf_text(pdf: bytes) -> str:
    """The text as a reader of a tagged PDF reads it: hyphenated words whole."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return LINE_BREAK_IN_A_WORD.sub("", text)


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
