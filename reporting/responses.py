"""Downloads: every file the portal hands out is answered here, with one file-name rule.

A file name is built from text users typed (an organisation's name, a survey's title), so
it is made safe in one place: a slug (no quotes, CR/LF or path separators can reach the
header), at most ``MAX_STEM`` characters, and Django's ``content_disposition_header`` writes
the RFC 6266 form (``filename*=utf-8''…`` when the slug keeps non-ASCII letters).
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify

from reporting.spreadsheets import csv_value, spreadsheet_safe

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_STEM = 100


def safe_filename(filename: str, *, fallback: str = "download") -> str:
    """``filename`` as a slug, extension kept: 'Gemeente "X"\\r\\n.pdf' -> 'gemeente-x.pdf'."""
    stem, _dot, extension = filename.rpartition(".")
    if not re.fullmatch(r"[A-Za-z0-9]{1,10}", extension):
        stem, extension = filename, ""
    stem = slugify(stem, allow_unicode=True)[:MAX_STEM].strip("-_") or fallback
    return f"{stem}.{extension}" if extension else stem


def attachment_response(
    content: bytes | str, *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse:
    """A download (or, with ``inline``, a file the browser shows) under a safe file name."""
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(
        as_attachment=not inline, filename=safe_filename(filename)
    )
    if disposition:  # always, with a file name; None only for inline without one
        response["Content-Disposition"] = disposition
    return response


def csv_response(
    *, header: Sequence[Any], rows: Iterable[Sequence[Any]], filename: str
) -> HttpResponse:
    """CSV that Excel with Dutch settings opens as columns: semicolons and a byte-order mark.

    Numbers get a decimal comma; text that a spreadsheet would run as a formula gets an
    apostrophe in front (reporting.spreadsheets.csv_value)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows([csv_value(value) for value in row] for row in rows)
    return attachment_response(
        "\ufeff" + buffer.getvalue(), filename=filename, content_type=CSV_CONTENT_TYPE
    )


def xlsx_response(
    *,
    header: Sequence[Any],
    rows: Iterable[Sequence[Any]],
    filename: str,
    sheet_title: str,
    column_widths: dict[str, float] | None = None,
    default_width: float | None = None,
    wrap_header: bool = False,
) -> HttpResponse:
    """One worksheet: a bold, frozen header row, then the rows (formula-safe)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = sheet_title[:31]  # Excel's limit
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        if wrap_header:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    if default_width is not None:
        for index in range(1, sheet.max_column + 1):
            sheet.column_dimensions[get_column_letter(index)].width = default_width
    for letter, width in (column_widths or {}).items():
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment_response(buffer.getvalue(), filename=filename, content_type=XLSX_CONTENT_TYPE)
