"""The cooperative-wide results workbook: one long table and a per-theme summary.

Made for analysis in Excel (pivot tables, filters): one row per point per assessment, and
one row per theme per assessment with the weighted score. No notes: they may name people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from qaudit.domain.enums import Result
from qaudit.domain.scoring import POINT_VALUE
from qaudit.excel import answers
from qaudit.excel.cells import text_cell
from qaudit.excel.files import atomic_save, check_target
from qaudit.i18n import N_, _, get_language


@dataclass(frozen=True)
class AssessmentInfo:
    location_code: str
    location: str
    organisation: str
    assessment_id: int
    kind: str
    status: str
    """In the reader's language ("afgesloten")."""
    started_on: date
    checklist: str
    verdict: str = ""
    """The outcome in words, or why there is none yet."""


@dataclass(frozen=True)
class ResultRow:
    info: AssessmentInfo
    theme: str
    point_id: str
    point: str
    critical: bool
    weight: int
    result: Result


@dataclass(frozen=True)
class SummaryRow:
    info: AssessmentInfo
    theme: str
    points: int
    answered: int
    not_applicable: int
    percent: float | None


@dataclass(frozen=True)
class ResultsData:
    rows: Sequence[ResultRow]
    summary: Sequence[SummaryRow]


_INFO = (
    N_("Location code"),
    N_("Location"),
    N_("Organisation"),
    N_("Assessment"),
    N_("Kind"),
    N_("Status"),
    N_("Started"),
    N_("Checklist"),
    N_("Verdict"),
)
_ROW = (
    N_("Theme"),
    N_("Point id"),
    N_("Measurement point"),
    N_("Critical"),
    N_("Weight"),
    N_("Answer"),
    N_("Score"),
)
_SUMMARY = (N_("Theme"), N_("Points"), N_("Answered"), N_("Not applicable"), N_("Score %"))


def write_results(out: Path, data: ResultsData) -> Path:
    check_target(out)
    workbook = Workbook(write_only=True)
    rows = workbook.create_sheet(_("Results"))
    _table(rows, (*_INFO, *_ROW), [[*_info(r.info), *_row(r)] for r in data.rows])
    summary = workbook.create_sheet(_("Summary per theme"))
    _table(summary, (*_INFO, *_SUMMARY), [[*_info(s.info), *_summary(s)] for s in data.summary])
    return atomic_save(workbook, out)


def _info(info: AssessmentInfo) -> list[object]:
    return [
        info.location_code,
        info.location,
        info.organisation,
        info.assessment_id,
        info.kind,
        info.status,
        info.started_on,
        info.checklist,
        info.verdict,
    ]


def _row(row: ResultRow) -> list[object]:
    value = POINT_VALUE.get(row.result)
    return [
        row.theme,
        row.point_id,
        row.point,
        _("yes") if row.critical else "",
        row.weight,
        answers.label(row.result),
        value,
    ]


def _summary(row: SummaryRow) -> list[object]:
    percent = None if row.percent is None else round(row.percent, 1)
    return [row.theme, row.points, row.answered, row.not_applicable, percent]


MAX_WIDTH = 60


def widths(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> list[float]:
    """Column widths that fit the header and the longest value (at most ``MAX_WIDTH``)."""
    found = [len(header) + 2 for header in headers]
    for values in rows:
        for index, value in enumerate(values):
            size = 11 if isinstance(value, date) else len(str(value)) if value is not None else 0
            if size + 2 > found[index]:
                found[index] = size + 2
    return [float(min(max(width, 8), MAX_WIDTH)) for width in found]


def _table(
    sheet: WriteOnlyWorksheet, headers: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    titles = [_(header) for header in headers]
    for index, width in enumerate(widths(titles, rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(len(rows), 1) + 1}"
    header_cells = []
    for header in titles:
        cell = text_cell(sheet, header)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for values in rows:
        sheet.append([_cell(sheet, v) for v in values])


def _cell(sheet: WriteOnlyWorksheet, value: object) -> object:
    if isinstance(value, str):
        return text_cell(sheet, value)
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = "dd-mm-yyyy" if get_language() == "nl" else "yyyy-mm-dd"
        return cell
    return value
