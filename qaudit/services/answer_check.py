"""The one check every answer passes: the n.v.t. and note rules of the checklist file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from sqlmodel import Session

from qaudit.domain.answer_rules import answer_problem
from qaudit.domain.enums import Result
from qaudit.domain.models import Assessment
from qaudit.errors import Refused
from qaudit.services.profiles import profile_of

if TYPE_CHECKING:
    from qaudit.checklists import ChecklistSpec
    from qaudit.checklists.spec import Point
    from qaudit.excel.reader import FileRow, ParsedWorkbook


def ensure_allowed(
    session: Session, assessment: Assessment, point: Point, result: Result, note: str
) -> None:
    """Refuse the answer when the checklist's rules do not allow it (the message says why)."""
    by_profile = result is Result.NOT_APPLICABLE and point.nvt == "by_profile"
    profile = profile_of(session, assessment.location_id) if by_profile else None
    problem = answer_problem(point, result, note, profile)  # the profile only matters there
    if problem:
        raise Refused(problem)


def refuse_workbook(
    session: Session, assessment: Assessment, spec: ChecklistSpec, parsed: ParsedWorkbook
) -> None:
    """Refuse a returned workbook whose answers break the rules, naming sheet, row and cell."""
    from qaudit.excel.problems import Problem, refusal
    from qaudit.services.assessments import answers

    assert assessment.id is not None
    notes = {k: a.note for k, a in answers(session, assessment.id).items()}
    found = workbook_problems(session, assessment, spec, parsed.rows, notes)
    if found:
        raise refusal(
            parsed.file, [Problem(message, parsed.sheet, cell) for cell, message in found]
        )


def workbook_problems(
    session: Session,
    assessment: Assessment,
    spec: ChecklistSpec,
    rows: Iterable[FileRow],
    notes: Mapping[str, str],
) -> list[tuple[str, str]]:
    """``(cell, message)`` for every row of a returned workbook the rules refuse.

    ``notes`` are the notes qaudit holds, used where the workbook has no note column.
    """
    profile = profile_of(session, assessment.location_id)
    found = []
    for row in rows:
        point = spec.point_index.get(row.point_id)
        if point is None or row.result is Result.NOT_ASSESSED:
            continue
        note = row.note if row.note is not None else notes.get(row.point_id, "")
        problem = answer_problem(point, row.result, note, profile)
        if problem:
            found.append((row.cell, problem))
    return found
