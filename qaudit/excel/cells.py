"""Cell values that are always text: never a formula, never an illegal character."""

from __future__ import annotations

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

MAX_CELL_TEXT = 32767
"""Excel's limit on the length of one cell's text."""

FORMULA_STARTS = ("=", "+", "-", "@")


def clean(text: str) -> str:
    """Text a spreadsheet can hold: no control characters, not longer than a cell allows."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]


def text_cell(sheet: WriteOnlyWorksheet, value: str, style: str | None = None) -> WriteOnlyCell:
    """A cell that holds ``value`` as text, even when it looks like a formula."""
    cell = WriteOnlyCell(sheet, clean(value) or None)
    if style:
        cell.style = style
    if value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def as_written(text: str) -> str:
    """What a text becomes in a cell and comes back as when the cell is read unchanged."""
    return normalise_text(clean(text))


def normalise_text(value: object) -> str:
    """What a note or evidence cell means: text with plain newlines, trimmed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = text.replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()
