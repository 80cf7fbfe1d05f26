"""Helpers for the Excel tests: a location with an open self-evaluation, filling workbooks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import Catalogue
from qaudit.domain.enums import AssessmentKind, Result
from qaudit.domain.models import AuditLog, Location, Organisation
from qaudit.excel import layout
from qaudit.services import assessments
from qaudit.services.excel import export_assessment
from qaudit.storage import transaction


@dataclass(frozen=True)
class Setup:
    engine: Engine
    assessment_id: int
    location_id: int
    catalogue: Catalogue


def make_assessment(engine: Engine, catalogue: Catalogue, code: str = "L01") -> tuple[int, int]:
    with transaction(engine) as session:
        organisation = Organisation(name=f"Zorggroep {code}")
        session.add(organisation)
        session.flush()
        assert organisation.id is not None
        location = Location(organisation_id=organisation.id, code=code, name=f"Huize {code}")
        session.add(location)
        session.flush()
        assert location.id is not None
        assessment = assessments.start(
            session,
            location.id,
            AssessmentKind.SELF_EVALUATION,
            started_on=date(2026, 3, 1),
            catalogue=catalogue,
        )
        assert assessment.id is not None
        return assessment.id, location.id


@pytest.fixture
def setup(engine: Engine, mini_catalogue: Catalogue) -> Setup:
    assessment_id, location_id = make_assessment(engine, mini_catalogue)
    return Setup(engine, assessment_id, location_id, mini_catalogue)


@pytest.fixture
def exported(setup: Setup, tmp_path: Path) -> Path:
    """An export of the assessment with one answer already given in qaudit (A.01)."""
    assessments.give_answer(
        setup.engine, setup.assessment_id, "A.01", Result.COMPLIANT, note="Dossiers op orde"
    )
    return export_assessment(setup.engine, setup.assessment_id, tmp_path / "zelfevaluatie.xlsx")


def points_sheet(workbook: Any) -> Any:
    """The visible sheet whose first row has the answer column."""
    return next(
        s for s in workbook.worksheets if s.sheet_state == "visible" and column_of(s, "answer")
    )


def column_of(sheet: Any, key: str, header_row: int = 1) -> int:
    """The column number of a known column, found by its header (0 when absent)."""
    for cell in sheet[header_row]:
        if layout.COLUMN[key].matches(cell.value):
            return int(cell.column)
    return 0


def rows_by_id(sheet: Any) -> dict[str, int]:
    """Point id -> row number in a points sheet."""
    id_col = column_of(sheet, "id")
    return {
        sheet.cell(row, id_col).value: row
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, id_col).value
    }


def fill(
    path: Path,
    answers: dict[str, tuple[str | None, str | None, str | None]],
    out: Path | None = None,
) -> Path:
    """Fill answers (label, note, evidence) into an exported workbook, as a location would."""
    workbook = openpyxl.load_workbook(path)
    sheet = points_sheet(workbook)
    rows = rows_by_id(sheet)
    columns = [column_of(sheet, key) for key in ("answer", "note", "evidence")]
    for point_id, values in answers.items():
        for column, value in zip(columns, values, strict=True):
            sheet.cell(rows[point_id], column).value = value
    target = out or path
    workbook.save(target)
    return target


def db_answers(engine: Engine, assessment_id: int) -> dict[str, tuple[str, str, str]]:
    with transaction(engine) as session:
        return {
            pid: (a.result.value, a.note, a.evidence)
            for pid, a in assessments.answers(session, assessment_id).items()
        }


def audit_count(engine: Engine) -> int:
    with transaction(engine) as session:
        return len(session.exec(select(AuditLog)).all())


def rewrite_meta(path: Path, *, reseal: bool = True, **changes: str) -> Path:
    """Change metadata values; ``reseal`` recomputes the integrity digest as a tool could."""
    from qaudit.excel.metadata import KEYS, integrity_of

    workbook = openpyxl.load_workbook(path)
    meta = workbook[layout.META_SHEET]
    values: dict[str, str] = {}
    base: dict[str, str] = {}
    for row in meta.iter_rows():
        key = row[0].value
        if key in changes:
            row[1].value = changes[key]
        if key:
            values[key] = row[1].value
        if len(row) > 4 and row[3].value and row[3].value != "point":
            base[row[3].value] = row[4].value
    if reseal:
        integrity = integrity_of({k: values[k] for k in KEYS}, base)
        next(r for r in meta.iter_rows() if r[0].value == "integrity")[1].value = integrity
    workbook.save(path)
    return path
