"""One way to write numbers: rounded (never truncated), Dutch decimals, real numbers in
spreadsheet cells and whole-number ticks on count axes."""

import itertools
from decimal import Decimal

from django.utils import translation

from reporting.charts import count_axis
from reporting.formatting import format_euros, format_number, spreadsheet_number
from reporting.spreadsheets import csv_value


def test_means_are_rounded_not_truncated_with_a_dutch_comma():
    with translation.override("nl"):
        assert format_number((4 + 4 + 3) / 3) == "3,7"  # number_format wrote "3,6"
        assert format_number(3.65) == "3,7"
        assert format_number(2.25, 1) == "2,3"
        assert format_number(4.0, 1, trim=True) == "4"
        assert format_number(1234.56) == "1.234,6"
        assert format_number(None) == "–"
        assert format_euros(12500) == "€ 12.500"


def test_english_keeps_its_own_separators():
    with translation.override("en"):
        assert format_number(11 / 3) == "3.7"


def test_csv_cells_get_dutch_decimals_and_xlsx_cells_real_numbers():
    assert csv_value(3.7) == "3,7"
    assert csv_value(Decimal("0.25")) == "0,25"
    assert csv_value(4) == 4
    assert csv_value("=SUM(A1)") == "'=SUM(A1)"
    assert spreadsheet_number(11 / 3) == 3.7


def test_a_count_axis_has_whole_ticks_and_no_zero_label():
    axis = count_axis(3)
    assert axis["tickvals"] == [1, 2, 3]
    assert all(isinstance(tick, int) for tick in axis["tickvals"])
    assert 0 not in count_axis(0)["tickvals"]
    big = count_axis(40)["tickvals"]
    assert big[0] > 0 and len({b - a for a, b in itertools.pairwise(big)}) == 1
