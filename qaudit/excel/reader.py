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

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from qaudit.domain.enums import Result
from qaudit.errors import QauditError
from qaudit.excel import answers, layout
from qaudit.excel.cells import normalise_text
from qaudit.excel.files import check_workbook_file
from qaudit.excel.meta_reader import cell_text, find_meta_sheet, read_meta
from qaudit.excel.metadata import ExportMeta
from qaudit.excel.problems import Problems
from qaudit.i18n import _

HEADER_SEARCH_ROWS = 20


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


def read_workbook(path: Path) -> ParsedWorkbook:
    path = Path(path)
    check_workbook_file(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise _damaged(path) from exc
    try:
        return _read(path, workbook)
    except QauditError:
        raise
    except Exception as exc:  # read-only mode parses lazily: damage shows up here
        raise _damaged(path) from exc
    finally:
        workbook.close()


def _damaged(path: Path) -> QauditError:
    return QauditError(
        _("{file}: the workbook is damaged or not an Excel workbook").format(file=path.name)
    )


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
    meta = read_meta(_values(meta_sheet), problems)
    problems.raise_if_any()
    assert meta is not None
    sheet, header_row, columns = _find_points_sheet(workbook, meta.points_sheet, problems)
    problems.raise_if_any()
    rows = _rows(sheet, header_row, columns, meta, problems)
    problems.raise_if_any()
    return ParsedWorkbook(path, meta, sheet.title, rows)


def _values(sheet: Any, max_row: int | None = None) -> list[tuple[object, ...]]:
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # a re-saved file may state wrong dimensions
    return list(sheet.iter_rows(max_row=max_row, values_only=True))


def _find_points_sheet(
    workbook: Any, preferred: str, problems: Problems
) -> tuple[Any, int, dict[str, int]]:
    sheets = sorted(
        (s for s in workbook.worksheets if s.title.casefold() != layout.META_SHEET),
        key=lambda s: s.title != preferred,
    )
    for sheet in sheets:
        found = _header(_values(sheet, HEADER_SEARCH_ROWS))
        if found:
            return sheet, found[0], found[1]
    problems.add(
        _("no sheet has the columns “{id}” and “{answer}” in its first {n} rows").format(
            id=layout.COLUMN["id"].header,
            answer=layout.COLUMN["answer"].header,
            n=HEADER_SEARCH_ROWS,
        )
    )
    return None, 0, {}


def _header(rows: Sequence[tuple[object, ...]]) -> tuple[int, dict[str, int]] | None:
    """The header row number and the column index (0-based) of each known column."""
    for number, row in enumerate(rows, start=1):
        columns: dict[str, int] = {}
        for index, value in enumerate(row):
            for column in layout.POINT_COLUMNS:
                if column.key not in columns and column.matches(value):
                    columns[column.key] = index
        if all(key in columns for key in layout.REQUIRED):
            return number, columns
    return None


def _rows(
    sheet: Any, header_row: int, columns: dict[str, int], meta: ExportMeta, problems: Problems
) -> tuple[FileRow, ...]:
    seen: dict[str, str] = {}
    rows: list[FileRow] = []
    width = max(columns.values()) + 1
    all_rows = sheet.iter_rows(min_row=header_row + 1, values_only=True)
    for number, raw in enumerate(all_rows, start=header_row + 1):
        values = (*raw, *([None] * width))[:width]
        row = _row(values, number, columns, sheet.title, problems)
        if row is None:
            continue
        id_cell = f"{get_column_letter(columns['id'] + 1)}{number}"
        if row.point_id not in meta.base:
            problems.add(
                _("unknown point id “{id}”: it is not in checklist “{checklist}” {version}").format(
                    id=row.point_id, checklist=meta.checklist_id, version=meta.checklist_version
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
    return tuple(rows)


def _row(
    values: Sequence[object], number: int, columns: dict[str, int], sheet: str, problems: Problems
) -> FileRow | None:
    def value(key: str) -> object:
        return values[columns[key]] if key in columns else None

    def text(key: str) -> str | None:
        return normalise_text(value(key)) if key in columns else None

    point_id = cell_text(value("id"))
    answer_cell = f"{get_column_letter(columns['answer'] + 1)}{number}"
    result = answers.parse(value("answer"))
    if not point_id:
        if result not in (None, Result.NOT_ASSESSED) or text("note") or text("evidence"):
            problems.add(
                _("this row has an answer or a note but no point id"),
                sheet,
                f"{get_column_letter(columns['id'] + 1)}{number}",
            )
        return None
    if result is None:
        problems.add(
            _("“{value}” is not an answer; use one of: {options} (or leave it empty)").format(
                value=cell_text(value("answer")), options=", ".join(answers.choices())
            ),
            sheet,
            answer_cell,
        )
        return None
    return FileRow(point_id, answer_cell, result, text("note"), text("evidence"))
