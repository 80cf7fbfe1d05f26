"""Read a returned workbook into plain rows, refusing it with every problem named.

Rows are matched by the point id, never by position; columns are found by their header
(Dutch or English) in the first rows of the sheet, so sorted, filtered, hidden or moved
rows and extra columns or sheets are fine. openpyxl reads in read-only mode.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from qaudit.domain.enums import Result
from qaudit.excel import answers, layout
from qaudit.excel.cells import is_plain, normalise_text, shown
from qaudit.excel.files import read_checked
from qaudit.excel.header import (
    Header,
    points_sheet,
    report_clashes,
    unread_columns,
    unread_sheets,
    values,
)
from qaudit.excel.meta_reader import cell_text, find_meta_sheet, read_meta
from qaudit.excel.metadata import ExportMeta
from qaudit.excel.problems import Problems
from qaudit.i18n import _


@dataclass(frozen=True)
class FileRow:
    point_id: str
    cell: str
    """The answer cell, e.g. ``H12``."""
    result: Result
    note: str | None
    """None when the workbook has no note column (then notes are left as they are)."""
    evidence: str | None


@dataclass(frozen=True)
class ParsedWorkbook:
    file: Path
    meta: ExportMeta
    sheet: str
    rows: tuple[FileRow, ...]
    notices: tuple[str, ...] = ()
    """Sheets and columns that hold something but are not read."""


def read_workbook(path: Path) -> ParsedWorkbook:
    path = Path(path)
    return read_checked(path, lambda workbook: _read(path, workbook), data_only=False)


def _read(path: Path, workbook: Any) -> ParsedWorkbook:
    problems = Problems(path)
    meta_sheet = find_meta_sheet(workbook)
    if meta_sheet is None:
        problems.add(
            _(
                "the hidden sheet “{sheet}” with the metadata is missing: was this "
                "workbook exported by qaudit?"
            ).format(sheet=layout.META_SHEET)
        )
        problems.raise_if_any()
    meta = read_meta(values(meta_sheet), problems)
    problems.raise_if_any()
    assert meta is not None
    sheet, header = points_sheet(workbook, problems)
    problems.raise_if_any()
    assert header is not None
    report_clashes(header, sheet.title, problems)
    problems.raise_if_any()
    rows, filled = _rows(sheet, header, meta, problems)
    problems.raise_if_any()
    notices = [*unread_columns(header, filled, sheet.title), *unread_sheets(workbook, sheet.title)]
    return ParsedWorkbook(path, meta, sheet.title, rows, tuple(notices))


def _rows(
    sheet: Any, header: Header, meta: ExportMeta, problems: Problems
) -> tuple[tuple[FileRow, ...], dict[int, int]]:
    """The rows with a point id, and the number of filled cells of each unread column."""
    columns = header.columns
    unread = header.unread()
    filled: dict[int, int] = {}
    seen: dict[str, str] = {}
    rows: list[FileRow] = []
    width = max([*columns.values(), *unread]) + 1
    all_rows = sheet.iter_rows(min_row=header.row + 1, values_only=True)
    for number, raw in enumerate(all_rows, start=header.row + 1):
        values = (*raw, *([None] * width))[:width]
        for index in unread:
            if shown(values[index]):
                filled[index] = filled.get(index, 0) + 1
        row = _row(values, number, columns, sheet.title, problems)
        if row is None:
            continue
        id_cell = f"{get_column_letter(columns['id'] + 1)}{number}"
        if row.point_id not in meta.base:
            problems.add(
                _("unknown point id “{id}”: it is not in checklist “{checklist}” {version}").format(
                    id=shown(row.point_id),
                    checklist=meta.checklist_id,
                    version=meta.checklist_version,
                ),
                sheet.title,
                id_cell,
            )
        elif row.point_id in seen:
            problems.add(
                _("point id “{id}” appears twice (also in cell {other})").format(
                    id=row.point_id, other=seen[row.point_id]
                ),
                sheet.title,
                id_cell,
            )
        else:
            seen[row.point_id] = id_cell
            rows.append(row)
    return tuple(rows), filled


def _row(
    values: Sequence[object], number: int, columns: dict[str, int], sheet: str, problems: Problems
) -> FileRow | None:
    def value(key: str) -> object:
        return values[columns[key]] if key in columns else None

    def cell(key: str) -> str:
        return f"{get_column_letter(columns[key] + 1)}{number}"

    not_text = [key for key in ("id", "note", "evidence") if not is_plain(value(key))]
    for key in not_text:
        problems.add(
            _("the “{field}” cell holds a formula, not text; type the text itself").format(
                field=layout.COLUMN[key].header
            ),
            sheet,
            cell(key),
        )
    if not_text:
        return None

    def text(key: str) -> str | None:
        return normalise_text(value(key)) if key in columns else None

    point_id = cell_text(value("id"))
    result = answers.parse(value("answer"))
    if not point_id:
        if result not in (None, Result.NOT_ASSESSED) or text("note") or text("evidence"):
            problems.add(_("this row has an answer or a note but no point id"), sheet, cell("id"))
        return None
    if result is None:
        problems.add(answers.refusal(value("answer")), sheet, cell("answer"))
        return None
    return FileRow(point_id, cell("answer"), result, text("note"), text("evidence"))
