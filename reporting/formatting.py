"""One way to write numbers in every report, page and export.

Means and shares are *rounded* (half away from zero, as people round: 3.65 → "3,7"),
never truncated, and written with the decimal separator of the active language (a comma
in Dutch). The results page, the projector, the survey PDF, the session report and the
"Visie en routeplan" all use these helpers, so the same mean reads the same everywhere.
Spreadsheets get real numbers in cells (``spreadsheet_number``) and Dutch text where a
number is written inside text (CSV, ``format_number``).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format


def round_half_up(value: float | int | Decimal, decimals: int = 1) -> Decimal:
    """The value rounded as people round (0.25 → 0.3), as an exact Decimal."""
    exponent = Decimal(1).scaleb(-decimals)
    return Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)


def format_number(
    value: float | int | Decimal | None,
    decimals: int = 1,
    *,
    empty: str = "–",
    trim: bool = False,
) -> str:
    """``value`` rounded to ``decimals`` places in the active language ("3,7" in Dutch).

    With ``trim`` a whole number is written without decimals ("4" instead of "4,0").
    ``None`` (no value) is written as ``empty``.
    """
    if value is None:
        return empty
    try:
        rounded = round_half_up(value, decimals)
    except (InvalidOperation, ValueError):
        return empty
    if trim and rounded == rounded.to_integral_value():
        return number_format(int(rounded), 0, use_l10n=True, force_grouping=True)
    return number_format(rounded, decimals, use_l10n=True, force_grouping=True)


def format_euros(value: int | Decimal | None, *, empty: str = "–") -> str:
    """An amount in whole euros: "€ 12.500"."""
    if value is None:
        return empty
    return "€ " + format_number(value, 0)


def spreadsheet_number(value: float | int | Decimal | None, decimals: int = 1) -> float | None:
    """A real number for a spreadsheet cell, rounded like ``format_number``."""
    if value is None:
        return None
    return float(round_half_up(value, decimals))
