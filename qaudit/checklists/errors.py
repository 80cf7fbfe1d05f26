"""Validation problems that name the file, the line and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qaudit.errors import QauditError


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class ChecklistError(QauditError):
    """One or more problems in checklist files."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
