"""The workbook lists each point's evidence files; the import reads around the column."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.services import evidence
from qaudit.services.excel import apply_import, export_assessment, preview_import
from tests.evidence.support import PDF, jpeg, write
from tests.excel.support import (
    Setup,
    column_of,
    db_answers,
    fill,
    make_assessment,
    points_sheet,
    rows_by_id,
)


@pytest.fixture
def setup(engine: Engine, mini_catalogue: Catalogue) -> Setup:
    assessment_id, location_id = make_assessment(engine, mini_catalogue)
    return Setup(engine, assessment_id, location_id, mini_catalogue)


def test_evidence_names_exported_and_ignored_on_import(setup: Setup, tmp_path: Path) -> None:
    photo = write(tmp_path, "keuken.jpg", jpeg())
    evidence.attach_file(setup.engine, setup.assessment_id, "A.01", photo)
    evidence.attach_file(
        setup.engine, setup.assessment_id, "A.01", write(tmp_path, "beleid.pdf", PDF)
    )
    out = export_assessment(setup.engine, setup.assessment_id, tmp_path / "zelfevaluatie.xlsx")
    workbook = openpyxl.load_workbook(out)
    sheet = points_sheet(workbook)
    files, rows = column_of(sheet, "files"), rows_by_id(sheet)
    assert sheet.cell(1, files).value == "Bewijsstukken"
    assert sheet.cell(rows["A.01"], files).value == "keuken.jpg\nbeleid.pdf"
    assert sheet.cell(rows["B.01"], files).value in (None, "")

    unchanged = preview_import(setup.engine, out)  # a workbook left alone changes nothing
    assert not unchanged.has_changes and not unchanged.not_read

    sheet.cell(rows["B.01"], files).value = "foto-van-de-locatie.jpg"  # typed there: not read
    workbook.save(out)
    fill(out, {"B.01": ("voldoet", "Gemeld en besproken", None)})
    preview = preview_import(setup.engine, out)
    assert [c.point_id for c in preview.new] == ["B.01"] and not preview.not_read
    apply_import(setup.engine, preview)
    assert db_answers(setup.engine, setup.assessment_id)["B.01"][0] == "voldoet"
    assert list(evidence_by_point(setup)) == ["A.01"]  # no file came from the workbook


def evidence_by_point(setup: Setup) -> dict[str, list[str]]:
    from qaudit.storage import transaction

    with transaction(setup.engine) as session:
        return evidence.names_by_point(session, setup.assessment_id)
