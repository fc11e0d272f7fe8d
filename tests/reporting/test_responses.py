"""Every download gets its file name from one helper: safe whatever the user typed."""

import io

import pytest
from openpyxl import load_workbook

from reporting.responses import attachment_response, csv_response, safe_filename, xlsx_response


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ('Gemeente "Rucphen"\r\nSet-Cookie: x=1.pdf', "gemeente-rucphen-set-cookie-x1.pdf"),
        ("../../etc/passwd", "etcpasswd"),
        ("rapport.pdf\r\n", "rapportpdf"),
        ("enquête-één.csv", "enquête-één.csv"),
        ("\x00\x00.xlsx", "download.xlsx"),
        ("x" * 500 + ".pdf", "x" * 100 + ".pdf"),
    ],
)
def test_safe_filename_keeps_no_quote_newline_or_path(typed, expected):
    assert safe_filename(typed) == expected


def test_a_header_breaking_name_becomes_a_plain_attachment_header():
    response = attachment_response(
        b"%PDF", filename='Gemeente "X"\r\nX-Evil: 1.pdf', content_type="application/pdf"
    )
    assert response["Content-Disposition"] == 'attachment; filename="gemeente-x-x-evil-1.pdf"'


def test_non_ascii_names_use_the_rfc_6266_extended_form():
    response = attachment_response(b"", filename="Sessie één.csv", content_type="text/csv")
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''sessie-%C3%A9%C3%A9n.csv"
    )


def test_inline_pdf():
    response = attachment_response(
        b"", filename="a.pdf", content_type="application/pdf", inline=True
    )
    assert response["Content-Disposition"] == 'inline; filename="a.pdf"'


def test_csv_response_opens_in_dutch_excel_and_runs_no_formula():
    response = csv_response(
        header=["Vraag", "Antwoord"], rows=[["1", "=SUM(A1)"]], filename="x.csv"
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffVraag;Antwoord")
    assert "'=SUM(A1)" in text
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_xlsx_response_has_a_frozen_bold_header_and_safe_cells():
    response = xlsx_response(
        header=["Stelling", "Stemmen"],
        rows=[["@cmd", 3]],
        filename="stemmen.xlsx",
        sheet_title="Stemmen per stelling, een lange titel die te lang is",
        column_widths={"A": 60},
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Stemmen per stelling, een lange"[:31]
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet["A2"].value == "'@cmd" and sheet["B2"].value == 3
    assert sheet.column_dimensions["A"].width == 60
