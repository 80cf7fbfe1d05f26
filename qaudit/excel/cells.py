"""Cell values that are always text: never a formula, never an illegal character."""

from __future__ import annotations

from copy import copy
from datetime import date, datetime, time

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from qaudit.i18n import _

MAX_CELL_TEXT = 32767
"""Excel's limit on the length of one cell's text."""

FORMULA_STARTS = ("=", "+", "-", "@")


def clean(text: str) -> str:
    """Text a spreadsheet can hold: no control characters, not longer than a cell allows."""
    if len(text) > MAX_CELL_TEXT or ILLEGAL_CHARACTERS_RE.search(text):
        return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]
    return text


def plain(sheet: WriteOnlyWorksheet, value: object) -> object:
    """A value for a cell without a style: text only becomes a cell object when it must."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) or value is not clean(value):
        return text_cell(sheet, value)
    return value or None


def text_cell(sheet: WriteOnlyWorksheet, value: str) -> WriteOnlyCell:
    """A cell that holds ``value`` as text, even when it looks like a formula."""
    cell = WriteOnlyCell(sheet, clean(value) or None)
    _keep_text(cell, value)
    return cell


def _keep_text(cell: WriteOnlyCell, value: str) -> None:
    if value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True


class StyledCells:
    """Text cells with a named style, for one workbook.

    Assigning a named style by name looks it up every time (about 6 µs a cell); copying
    the style array it produced is four times faster, which is most of the export's
    overhead over bare openpyxl for 250+ points (see benchmarks/bench_50_excel.py).
    """

    def __init__(self) -> None:
        self._arrays: dict[str, object] = {}

    def __call__(self, sheet: WriteOnlyWorksheet, value: object, style: str) -> WriteOnlyCell:
        if not isinstance(value, str):
            cell = WriteOnlyCell(sheet, value)
            self._apply(cell, style)
            return cell
        cell = WriteOnlyCell(sheet, clean(value) or None)
        self._apply(cell, style)
        _keep_text(cell, value)
        return cell

    def _apply(self, cell: WriteOnlyCell, style: str) -> None:
        array = self._arrays.get(style)
        if array is None:
            cell.style = style
            self._arrays[style] = copy(cell._style)
        else:
            cell._style = copy(array)


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


SHOWN_LENGTH = 40


def is_plain(value: object) -> bool:
    """A value a person typed: text, a number, a date or a truth value (not a formula object)."""
    return value is None or isinstance(value, str | int | float | bool | date | datetime | time)


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """A cell value for a message: one short line, never an object's repr."""
    if not is_plain(value):
        return _("(a formula, not a value)")
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, date | datetime | time):
        text = value.isoformat()
    else:
        text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
