"""Every CSV that Wijkmarkt writes goes through here, so that no cell can become a spreadsheet formula."""

import csv
import re

# A cell starting with one of these is a formula to Excel and LibreOffice: `=HYPERLINK(...)` as a wijk name would
# become a link in the coordinator's spreadsheet, `=cmd|...` worse. Tab and carriage return also start formulas
# after some importers strip them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def neutralised(value) -> str:
    """The cell as text, with a leading apostrophe when it would start a formula; negative numbers stay numbers."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_START) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def write_rows(stream, rows, *, delimiter: str = ";") -> None:
    csv.writer(stream, delimiter=delimiter).writerows([neutralised(cell) for cell in row] for row in rows)
