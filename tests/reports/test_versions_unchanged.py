"""Issue 17: the 2027.1 files change no report of an assessment closed on 2026.1."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

import qaudit.checklists.catalogue as catalogue_module
from qaudit.checklists import shipped_catalogue
from qaudit.domain.enums import AssessmentKind, AssessmentStatus
from qaudit.domain.models import Assessment, ChecklistVersion
from qaudit.paths import checklists_dir
from qaudit.services.reports import write_report
from qaudit.storage import transaction
from reports.support import read_docx

REPORTS = {"basis-op-orde": AssessmentKind.AUDIT_VISIT, "visitatie": AssessmentKind.VISITATION}


def _only_2026(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists-2026"
    folder.mkdir()
    for file in checklists_dir().glob("*.yaml"):
        if "2027" not in file.name:
            shutil.copy(file, folder / file.name)
    shutil.copy(checklists_dir() / "versions.lock", folder / "versions.lock")
    return folder


def _closed(engine: Engine, kind: AssessmentKind) -> int:
    with transaction(engine) as session:
        row = session.exec(
            select(Assessment.id, ChecklistVersion.version)
            .join(ChecklistVersion)
            .where(Assessment.kind == kind, Assessment.status == AssessmentStatus.CLOSED)
            .order_by(Assessment.id)
        ).first()
    assert row is not None and row[1] == "2026.1"
    return int(row[0])


def _render(engine: Engine, out: Path) -> dict[str, str]:
    texts = {}
    for report, kind in REPORTS.items():
        path = write_report(engine, report, _closed(engine, kind), out / f"{report}.docx")
        texts[report] = read_docx(path).everything
    return texts


def test_a_closed_2026_report_is_the_same_before_and_after_2027(
    demo: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "before").mkdir()
    (tmp_path / "after").mkdir()
    with monkeypatch.context() as patch:
        patch.setattr(catalogue_module, "checklists_dir", lambda: _only_2026(tmp_path))
        shipped_catalogue.cache_clear()
        assert {s.version for s in shipped_catalogue().releases.values()} == {"2026.1"}
        before = _render(demo, tmp_path / "before")
    shipped_catalogue.cache_clear()
    assert shipped_catalogue().checklist("basis-op-orde").version == "2027.1"
    after = _render(demo, tmp_path / "after")
    assert after == before
    assert "Nooit alleen in de huiskamer" in before["visitatie"]  # the 2026.1 promise title
