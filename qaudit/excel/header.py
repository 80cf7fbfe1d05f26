"""Find the points sheet and its columns, refusing every doubt about which one is meant.

A column is found by its header. The exported header (Dutch or English) wins over another
name for the same field ("Notitie" over "Opmerking"), so a column a location adds for its
own remarks never replaces the notes. Two columns of the same rank for one field, or two
sheets that both look like the points sheet, are refused naming both: the import never
picks one silently. Columns and sheets that are not read are listed, so an answer typed
into a copy is never ignored without a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from qaudit.excel import layout
from qaudit.excel.cells import shown
from qaudit.excel.problems import Problems
from qaudit.i18n import _, ngettext

HEADER_SEARCH_ROWS = 20


@dataclass(frozen=True)
class Header:
    row: int
    """The header's row number (1-based)."""
    columns: dict[str, int]
    """Field key -> the 0-based index of the column that is read."""
    titles: tuple[object, ...]
    clashes: dict[str, list[int]] = field(default_factory=dict)
    """Field key -> two or more equally good columns (refused)."""

    def unread(self) -> list[int]:
        """Indices of the columns with a header that are not read."""
        read = set(self.columns.values())
        return [i for i, title in enumerate(self.titles) if i not in read and shown(title)]

    def describe(self, index: int) -> str:
        return _("column {letter} “{title}”").format(
            letter=get_column_letter(index + 1), title=shown(self.titles[index])
        )


def find_header(rows: Sequence[tuple[object, ...]]) -> Header | None:
    """The first row that names the id and the answer column, with the columns it holds."""
    for number, row in enumerate(rows, start=1):
        candidates: dict[str, dict[int, list[int]]] = {}
        for index, value in enumerate(row):
            for column in layout.POINT_COLUMNS:
                rank = column.rank(value)
                if rank:
                    candidates.setdefault(column.key, {}).setdefault(rank, []).append(index)
        if all(key in candidates for key in layout.REQUIRED):
            columns: dict[str, int] = {}
            clashes: dict[str, list[int]] = {}
            for key, by_rank in candidates.items():
                best = by_rank[max(by_rank)]
                if len(best) > 1:
                    clashes[key] = best
                columns[key] = best[0]
            return Header(number, columns, tuple(row), clashes)
    return None


def report_clashes(header: Header, sheet: str, problems: Problems) -> None:
    for key, indices in header.clashes.items():
        problems.add(
            _(
                "{columns} could each be “{field}”: it is not clear which one to import; "
                "delete the copy or give it another header"
            ).format(
                columns=_(" and ").join(header.describe(i) for i in indices),
                field=layout.COLUMN[key].header,
            ),
            sheet,
        )


def points_sheet(workbook: Any, problems: Problems) -> tuple[Any, Header | None]:
    """The one sheet with the point columns; two such sheets are refused, naming both."""
    found = []
    for sheet in workbook.worksheets:
        if sheet.title.casefold() == layout.META_SHEET:
            continue
        header = find_header(values(sheet, HEADER_SEARCH_ROWS))
        if header is not None:
            found.append((sheet, header))
    if not found:
        problems.add(
            _("no sheet has the columns “{id}” and “{answer}” in its first {n} rows").format(
                id=layout.COLUMN["id"].header,
                answer=layout.COLUMN["answer"].header,
                n=HEADER_SEARCH_ROWS,
            )
        )
        return None, None
    if len(found) > 1:
        problems.add(
            _(
                "the sheets {sheets} all have the columns “{id}” and “{answer}”: it is not "
                "clear which one to import; delete the copies or rename their “{answer}” column"
            ).format(
                sheets=_(" and ").join(f"“{sheet.title}”" for sheet, _header in found),
                id=layout.COLUMN["id"].header,
                answer=layout.COLUMN["answer"].header,
            )
        )
        return None, None
    return found[0]


def values(sheet: Any, max_row: int | None = None) -> list[tuple[object, ...]]:
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # a re-saved file may state wrong dimensions
    return list(sheet.iter_rows(max_row=max_row, values_only=True))


def unread_sheets(workbook: Any, points: str) -> list[str]:
    """Notices for the sheets other than the points sheet that hold anything."""
    skipped = layout.instructions_titles()
    notices = []
    for sheet in workbook.worksheets:
        title = sheet.title
        if title == points or title.casefold() == layout.META_SHEET:
            continue
        if layout.header_key(title) in skipped:
            continue
        filled = sum(1 for row in values(sheet) for value in row if shown(value))
        if filled:
            notices.append(
                ngettext(
                    "sheet “{sheet}” is not read: its {n} filled cell is not imported",
                    "sheet “{sheet}” is not read: its {n} filled cells are not imported",
                    filled,
                ).format(sheet=title, n=filled)
            )
    return notices


def unread_columns(header: Header, filled: dict[int, int], sheet: str) -> list[str]:
    """Notices for the columns that are not read but hold something below the header."""
    notices = []
    for index in header.unread():
        count = filled.get(index, 0)
        if not count:
            continue
        shadowed = [key for key in header.columns if layout.COLUMN[key].rank(header.titles[index])]
        line = ngettext(
            "sheet “{sheet}”: {column} is not read; its {n} filled cell is not imported",
            "sheet “{sheet}”: {column} is not read; its {n} filled cells are not imported",
            count,
        ).format(sheet=sheet, column=header.describe(index), n=count)
        if shadowed:
            key = shadowed[0]
            line += " " + _("(“{field}” is read from {column})").format(
                field=layout.COLUMN[key].header, column=header.describe(header.columns[key])
            )
        notices.append(line)
    return notices
