"""The look of the points sheet: named cell styles, the drop-down, colours per answer."""

from __future__ import annotations

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from qaudit.domain.enums import Result
from qaudit.excel import answers
from qaudit.i18n import _

HEADER = "qaudit header"
LOCKED = "qaudit locked"
LOCKED_WRAP = "qaudit locked wrap"
EDITABLE = "qaudit editable"
EDITABLE_WRAP = "qaudit editable wrap"

_COLOURS = {
    Result.COMPLIANT: "C6EFCE",
    Result.PARTLY: "FFEB9C",
    Result.NOT_COMPLIANT: "FFC7CE",
    Result.NOT_APPLICABLE: "D9D9D9",
}
_EDITABLE_FILL = "FFFDE7"


def add_named_styles(workbook: Workbook) -> None:
    """Locked styles for ids and texts; unlocked, lightly tinted ones for what people fill in."""
    top = {"vertical": "top"}
    workbook.add_named_style(
        NamedStyle(
            HEADER,
            font=Font(bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor="1F4E78"),
            alignment=Alignment(vertical="center", wrap_text=True),
            protection=Protection(locked=True),
        )
    )
    for name, wrap, locked in (
        (LOCKED, False, True),
        (LOCKED_WRAP, True, True),
        (EDITABLE, False, False),
        (EDITABLE_WRAP, True, False),
    ):
        fill = None if locked else PatternFill("solid", fgColor=_EDITABLE_FILL)
        style = NamedStyle(
            name, alignment=Alignment(wrap_text=wrap, **top), protection=Protection(locked=locked)
        )
        if fill is not None:
            style.fill = fill
        workbook.add_named_style(style)


def answer_validation(cells: str) -> DataValidation:
    """A drop-down of the answers; other text only warns (the import checks it properly)."""
    options = ",".join(answers.choices())
    validation = DataValidation(
        type="list",
        formula1=f'"{options}"',
        allow_blank=True,
        showDropDown=False,
        showErrorMessage=True,
        errorStyle="warning",
        errorTitle=_("Not an answer"),
        error=_("Choose one of: {options}. Leave the cell empty when not yet assessed.").format(
            options=", ".join(answers.choices())
        ),
        showInputMessage=True,
        promptTitle=_("Answer"),
        prompt=_("Choose from the list."),
    )
    validation.add(cells)
    return validation


def answer_colour_rules(first_cell: str) -> list[tuple[FormulaRule, Result]]:
    """One rule per answer, matching the Dutch and the English label in any case."""
    rules = []
    for result, colour in _COLOURS.items():
        texts = {labels[result] for labels in answers.LABELS.values()}
        tests = ",".join(f'LOWER(TRIM({first_cell}))="{text}"' for text in sorted(texts))
        fill = PatternFill("solid", start_color=colour, end_color=colour)
        rule = FormulaRule(formula=[f"OR({tests})"], fill=fill)
        rules.append((rule, result))
    return rules
