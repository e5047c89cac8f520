"""Cells a spreadsheet would run as a formula, made plain text (CSV injection, OWASP's advice).

Spreadsheet programs evaluate a cell that starts with =, +, - or @, and some skip a leading tab or carriage
return first, so such a text gets a single quote in front: shown as text, never run. Numbers are left alone
(-5 is a number, not a formula). Plain Python: used by the API's CSV and by the spreadsheet resources.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def escape_formula(value):
    """The value, with a quote in front if it is a text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return QUOTE + value
    return value


def unescape_formula(value):
    """The value escape_formula was given: what an import reads back from an exported file."""
    if isinstance(value, str) and value.startswith(QUOTE) and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
