import datetime

import pytest

from reporting.spreadsheets import spreadsheet_safe


@pytest.mark.parametrize("text", ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_would_run_as_a_formula_is_neutralised(text):
    assert spreadsheet_safe(text) == "'" + text


@pytest.mark.parametrize(
    "value", ["Gewoon antwoord", "", 42, -3, 1.5, None, datetime.date(2026, 1, 1)]
)
def test_other_values_pass_unchanged(value):
    assert spreadsheet_safe(value) == value
