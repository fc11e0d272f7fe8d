"""Exports that open in the client's spreadsheet program (CSV and XLSX)."""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """Text a spreadsheet would run as a formula gets an apostrophe in front (CSV/formula
    injection, OWASP); numbers, dates and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value
