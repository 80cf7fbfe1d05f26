"""Write the client-experience template: instructions, a responses sheet with drop-downs.

Like the self-evaluation workbook (write-only openpyxl, the same named styles, text never a
formula), but nothing is locked: locations paste rows from their own survey tools.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.datavalidation import DataValidation

from qaudit.excel import feedback_layout as fl
from qaudit.excel import styles
from qaudit.excel.cells import StyledCells, plain, text_cell
from qaudit.excel.files import atomic_save, check_target
from qaudit.excel.layout import Column
from qaudit.i18n import _


@dataclass(frozen=True)
class FeedbackTemplate:
    location_id: int | None
    location_code: str
    units: Sequence[str]
    promises: Sequence[tuple[str, str]]
    """(id, title) of every client promise, one column each."""
    heading: Sequence[tuple[str, str]]


def write_template(out: Path, data: FeedbackTemplate) -> Path:
    check_target(out)
    workbook = Workbook(write_only=True)
    styles.add_named_styles(workbook)
    _instructions(workbook.create_sheet(fl.instructions_title()), data)
    _responses(workbook.create_sheet(fl.responses_title()), data, StyledCells())
    _lists(workbook.create_sheet(fl.LISTS_SHEET), data.units)
    _meta(workbook.create_sheet(fl.META_SHEET), data)
    workbook.active = 1
    return atomic_save(workbook, out)


def _columns(data: FeedbackTemplate) -> list[tuple[Column, str]]:
    """Every column with its header text, in order."""
    columns = [(c, c.header) for c in fl.COLUMNS]
    for promise_id, title in data.promises:
        column = Column(f"promise:{promise_id}", promise_id, 16)
        columns.append((column, fl.promise_header(promise_id, title)))
    columns.append((fl.FREE_TEXT, fl.FREE_TEXT.header))
    return columns


def _responses(sheet: WriteOnlyWorksheet, data: FeedbackTemplate, styled: StyledCells) -> None:
    columns = _columns(data)
    for index, (column, _header) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "B2"
    last = fl.FIRST_ROW + fl.TEMPLATE_ROWS - 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    for index, (column, _header) in enumerate(columns, start=1):
        validation = _validation(column, data)
        if validation is not None:
            letter = get_column_letter(index)
            validation.add(f"{letter}{fl.FIRST_ROW}:{letter}{last}")
            sheet.data_validations.append(validation)
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.append([styled(sheet, header, styles.HEADER) for _column, header in columns])


def _validation(column: Column, data: FeedbackTemplate) -> DataValidation | None:
    key = column.key
    if key == "group":
        return _list(",".join(fl.group_choices()), _("Choose the respondent group."))
    if key == "unit" and data.units:
        return _list(f"{fl.LISTS_SHEET}!$A$1:$A${len(data.units)}", _("Choose the unit."))
    if key.startswith("promise:"):
        return _list(",".join(fl.perceived_choices()), _("Did you notice this promise kept?"))
    if key == "recommend":
        return _whole(0, 10)
    if key in {c.key for c in fl.PARAMETER_COLUMNS.values()}:
        return _whole(1, 5)
    if key == "date":
        return DataValidation(
            type="date", operator="greaterThan", formula1="36526", allow_blank=True
        )
    return None


def _list(formula: str, prompt: str) -> DataValidation:
    quoted = formula if "!" in formula else f'"{formula}"'
    return DataValidation(
        type="list",
        formula1=quoted,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="warning",
        showInputMessage=True,
        prompt=prompt,
    )


def _whole(low: int, high: int) -> DataValidation:
    return DataValidation(
        type="whole",
        operator="between",
        formula1=str(low),
        formula2=str(high),
        allow_blank=True,
        showErrorMessage=True,
        error=_("A whole number from {low} to {high}.").format(low=low, high=high),
    )


def _lists(sheet: WriteOnlyWorksheet, units: Sequence[str]) -> None:
    sheet.sheet_state = "hidden"
    for unit in units:
        sheet.append([plain(sheet, unit)])


def _meta(sheet: WriteOnlyWorksheet, data: FeedbackTemplate) -> None:
    sheet.sheet_state = "hidden"
    pairs = (
        ("format", fl.FORMAT),
        ("location_id", str(data.location_id or "")),
        ("location_code", data.location_code),
    )
    for key, value in pairs:
        sheet.append([plain(sheet, key), plain(sheet, value)])


def _steps() -> list[str]:
    return [
        _(
            "Fill in one row per respondent on the sheet “{sheet}”, or paste the rows from "
            "your survey tool under the header row."
        ).format(sheet=fl.responses_title()),
        _(
            "The respondent reference is your own code for the questionnaire (e.g. R-2026-0012), "
            "never a name. It must be unique: importing the workbook again changes nothing, and "
            "a row with a known reference replaces the earlier answers of that respondent."
        ),
        _(
            "Date of the answers; unit (afdeling) as known in qaudit; respondent group: "
            "resident, family or representative."
        ),
        _(
            "Would recommend: 0 (not at all) to 10 (certainly). Six parameters from 1 (very "
            "poor) to 5 (very good): overall satisfaction, influence on one's own care, the same "
            "staff, care at the agreed time, becoming more self-reliant, care with dignity."
        ),
        _(
            "Per client promise: did the respondent notice that it was kept? ja, deels, nee or "
            "n.v.t. Leave a cell empty for a question that was not answered."
        ),
        _(
            "Comments: the respondent's own words, without names or dates of birth of anyone; "
            "the import refuses a comment that looks like it names a person."
        ),
        _(
            "Every problem is reported at once with its sheet, row and cell, and nothing is "
            "imported until all are solved. Save as an Excel workbook (.xlsx)."
        ),
    ]


def _instructions(sheet: WriteOnlyWorksheet, data: FeedbackTemplate) -> None:
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 100
    title = text_cell(sheet, _("Client experience in Excel"))
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    sheet.append([])
    for label, value in data.heading:
        key = text_cell(sheet, label)
        key.font = Font(bold=True)
        sheet.append([key, text_cell(sheet, value)])
    sheet.append([])
    header = text_cell(sheet, _("How to fill in this workbook"))
    header.font = Font(bold=True, size=12)
    sheet.append([header])
    for number, step in enumerate(_steps(), start=1):
        cell = text_cell(sheet, step)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.append([text_cell(sheet, f"{number}."), cell])
