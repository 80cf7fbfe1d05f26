"""The instruction sheet: what the location fills in, and what it must leave alone."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from qaudit.excel import answers
from qaudit.excel.cells import text_cell
from qaudit.i18n import _

WIDTH = 100


def _steps() -> list[str]:
    options = ", ".join(f"“{c}”" for c in answers.choices())
    return [
        _(
            "Fill in the sheet “{sheet}”: for every measurement point choose an answer "
            "({options}) and add a note and the evidence you have."
        ).format(sheet=_("Points"), options=options),
        _(
            "Leave the answer empty for a point you have not assessed yet. You may fill the "
            "workbook in over several sessions and with several people."
        ),
        _(
            "Only the tinted columns (answer, note, evidence) are read back; leave the id, "
            "theme and text columns as they are. You may sort and filter the rows, hide them, "
            "widen columns and add your own columns or sheets: the import matches each row by "
            "its id, and tells you which added columns or sheets it does not read."
        ),
        _(
            "Do not change the ids, do not copy rows of another location into this workbook and "
            "do not delete the hidden sheet “qaudit”: the import refuses the file otherwise."
        ),
        _(
            "Save the file as an Excel workbook (.xlsx), not as .xlsm, .xls or .csv. LibreOffice "
            "Calc works too."
        ),
        _(
            "Send the file back to the cooperative. Before anything is changed, qaudit shows "
            "which answers are new or changed. Answers changed in qaudit since this export are "
            "never overwritten without asking."
        ),
        _("Do not write the names or birth dates of residents in notes or evidence."),
    ]


def _read_only_steps() -> list[str]:
    return [
        _(
            "This assessment is closed: its answers are locked. This workbook is a copy for "
            "reading, printing, sorting and filtering; it cannot be filled in or imported."
        ),
        _(
            "To change answers, the cooperative starts a new assessment and exports a new "
            "workbook for it."
        ),
    ]


def write_instructions(
    sheet: WriteOnlyWorksheet, heading: Sequence[tuple[str, str]], *, read_only: bool = False
) -> None:
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = WIDTH
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", "9"  # A4
    setup.fitToWidth = setup.fitToHeight = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    title = text_cell(
        sheet,
        _("Closed assessment: read only") if read_only else _("Self-evaluation in Excel"),
    )
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    sheet.append([])
    for label, value in heading:
        key = text_cell(sheet, label)
        key.font = Font(bold=True)
        sheet.append([key, text_cell(sheet, value)])
    sheet.append([])
    header = text_cell(
        sheet, _("About this workbook") if read_only else _("How to fill in this workbook")
    )
    header.font = Font(bold=True, size=12)
    sheet.append([header])
    row = 1 + 1 + len(heading) + 1 + 1 + 1  # title, blank, heading lines, blank, header
    for number, step in enumerate(_read_only_steps() if read_only else _steps(), start=1):
        cell = text_cell(sheet, step)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        number_cell = text_cell(sheet, f"{number}.")
        number_cell.alignment = Alignment(vertical="top")
        lines = max(1, -(-len(step) // int(WIDTH * 1.05)))
        sheet.row_dimensions[row].height = 15 * lines + 3
        sheet.append([number_cell, cell])
        row += 1
