"""Problems found in a workbook, each naming its sheet, row and cell; refused all at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qaudit.errors import QauditError
from qaudit.i18n import _, ngettext

MAX_SHOWN = 20


@dataclass(frozen=True)
class Problem:
    message: str
    sheet: str = ""
    cell: str = ""

    def __str__(self) -> str:
        if not self.sheet:
            return self.message
        if not self.cell:
            return _("sheet “{sheet}”: {message}").format(sheet=self.sheet, message=self.message)
        row = "".join(ch for ch in self.cell if ch.isdigit())
        return _("sheet “{sheet}”, row {row}, cell {cell}: {message}").format(
            sheet=self.sheet, row=row, cell=self.cell, message=self.message
        )


@dataclass
class Problems:
    file: Path
    found: list[Problem] = field(default_factory=list)

    def add(self, message: str, sheet: str = "", cell: str = "") -> None:
        self.found.append(Problem(message, sheet, cell))

    def raise_if_any(self) -> None:
        if self.found:
            raise refusal(self.file, self.found)


def refusal(file: Path, found: list[Problem]) -> QauditError:
    lines = [str(p) for p in found[:MAX_SHOWN]]
    hidden = len(found) - len(lines)
    if hidden:
        lines.append(
            ngettext("… and {n} more problem", "… and {n} more problems", hidden).format(n=hidden)
        )
    head = ngettext(
        "{file}: not imported, {n} problem:", "{file}: not imported, {n} problems:", len(found)
    ).format(file=Path(file).name, n=len(found))
    return QauditError("\n".join([head, *(f"  - {line}" for line in lines)]))
