"""Exports that open in the client's spreadsheet program (CSV and XLSX)."""

from decimal import Decimal

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula gets an apostrophe in front (CSV/formula
    injection, OWASP); numbers, dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_value(value):
    """A CSV cell for Dutch spreadsheet programs: a number with a decimal comma ("3,7";
    "3.7" is read as a date) and text made formula-safe. XLSX cells keep real numbers."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    return spreadsheet_safe(value)
