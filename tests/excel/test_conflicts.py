"""Answers changed in qaudit after the export are never overwritten silently; writes are atomic."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import col, select

from excel.support import Setup, audit_count, db_answers, fill
from qaudit.domain.enums import Result
from qaudit.domain.models import AuditLog
from qaudit.errors import QauditError, Refused
from qaudit.services import assessments
from qaudit.services.audit import current_actor
from qaudit.services.excel import apply_import, preview_import
from qaudit.storage import transaction


def _changed_in_qaudit(setup: Setup, point_id: str, result: Result, note: str = "") -> None:
    assessments.give_answer(setup.engine, setup.assessment_id, point_id, result, note=note)


def test_conflict_when_both_sides_changed(setup: Setup, exported: Path) -> None:
    _changed_in_qaudit(setup, "A.01", Result.NOT_COMPLIANT, "auditor: nee")
    fill(exported, {"A.01": ("voldoet deels", "team: deels", ""), "A.02": ("voldoet", "", "")})
    preview = preview_import(setup.engine, exported)
    (conflict,) = preview.conflicts
    assert conflict.point_id == "A.01"
    assert conflict.before.result is Result.NOT_COMPLIANT
    assert conflict.after.result is Result.PARTLY
    assert conflict.changed_in_qaudit_at is not None
    assert [c.point_id for c in preview.new] == ["A.02"]
    assert "CONFLICTEN" in str(preview) and "[in qaudit gewijzigd op" in str(preview)


def test_keep_ours_by_default(setup: Setup, exported: Path) -> None:
    _changed_in_qaudit(setup, "A.01", Result.NOT_COMPLIANT)
    fill(exported, {"A.01": ("voldoet deels", "", ""), "A.02": ("voldoet", "", "")})
    result = apply_import(setup.engine, preview_import(setup.engine, exported))
    stored = db_answers(setup.engine, setup.assessment_id)
    assert stored["A.01"][0] == "voldoet_niet" and stored["A.02"][0] == "voldoet"
    assert result.conflicts_kept == ("A.01",) and result.written == ("A.02",)


def test_take_theirs_per_point_or_all(setup: Setup, exported: Path) -> None:
    _changed_in_qaudit(setup, "A.01", Result.NOT_COMPLIANT)
    _changed_in_qaudit(setup, "B.01", Result.NOT_COMPLIANT)
    fill(exported, {"A.01": ("voldoet", "", ""), "B.01": ("voldoet", "", "")})
    preview = preview_import(setup.engine, exported)
    result = apply_import(setup.engine, preview, take_theirs={"B.01"})
    stored = db_answers(setup.engine, setup.assessment_id)
    assert (stored["A.01"][0], stored["B.01"][0]) == ("voldoet_niet", "voldoet")
    assert result.conflicts_taken == ("B.01",) and result.conflicts_kept == ("A.01",)
    fresh = preview_import(setup.engine, exported)
    apply_import(setup.engine, fresh, take_theirs=True)
    assert db_answers(setup.engine, setup.assessment_id)["A.01"][0] == "voldoet"


def test_untouched_rows_never_overwrite_newer_answers(setup: Setup, exported: Path) -> None:
    _changed_in_qaudit(setup, "A.01", Result.NOT_COMPLIANT)
    _changed_in_qaudit(setup, "B.02", Result.NOT_APPLICABLE)
    fill(exported, {"A.02": ("voldoet", "", "")})
    preview = preview_import(setup.engine, exported)
    assert preview.conflicts == [] and sorted(preview.kept) == ["A.01", "B.02"]
    apply_import(setup.engine, preview, take_theirs=True)
    stored = db_answers(setup.engine, setup.assessment_id)
    assert stored["A.01"][0] == "voldoet_niet" and stored["B.02"][0] == "nvt"


def test_same_answer_on_both_sides_is_no_conflict(setup: Setup, exported: Path) -> None:
    _changed_in_qaudit(setup, "B.01", Result.PARTLY)
    fill(exported, {"B.01": ("voldoet deels", "", "")})
    preview = preview_import(setup.engine, exported)
    assert not preview.has_changes


def test_refused_when_qaudit_changed_after_the_preview(setup: Setup, exported: Path) -> None:
    fill(exported, {"A.02": ("voldoet", "", ""), "B.01": ("voldoet", "", "")})
    preview = preview_import(setup.engine, exported)
    _changed_in_qaudit(setup, "B.01", Result.NOT_COMPLIANT)
    before = db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)
    with pytest.raises(Refused, match=r"B\.01"):
        apply_import(setup.engine, preview)
    assert (db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)) == before


def test_unknown_conflict_choice_is_refused(setup: Setup, exported: Path) -> None:
    fill(exported, {"A.02": ("voldoet", "", "")})
    with pytest.raises(Refused, match=r"A\.02"):
        apply_import(setup.engine, preview_import(setup.engine, exported), take_theirs={"A.02"})


def test_closed_between_preview_and_apply(setup: Setup, exported: Path) -> None:
    fill(exported, {"A.02": ("voldoet", "", "")})
    preview = preview_import(setup.engine, exported)
    assessments.close(setup.engine, setup.assessment_id)
    with pytest.raises(Refused):
        apply_import(setup.engine, preview)
    assert "A.02" not in db_answers(setup.engine, setup.assessment_id)


def test_one_import_entry_in_the_audit_log(setup: Setup, exported: Path) -> None:
    fill(exported, {"A.02": ("voldoet", "", ""), "B.01": ("voldoet", "", "")})
    apply_import(setup.engine, preview_import(setup.engine, exported), actor="team-oost")
    with transaction(setup.engine) as session:
        entries = session.exec(
            select(AuditLog).where(AuditLog.action == "excel_import").order_by(col(AuditLog.id))
        ).all()
        login = current_actor(session)
    (entry,) = entries
    # --actor names the actor on SQLite; on PostgreSQL the authenticated login always is
    expected = "team-oost" if setup.engine.dialect.name == "sqlite" else login
    assert entry.actor == expected and entry.entity_id == setup.assessment_id
    assert entry.detail["file"] == "zelfevaluatie.xlsx" and entry.detail["new"] == 2


def test_nothing_is_written_when_one_write_fails(
    setup: Setup, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(exported, {p: ("voldoet niet", "", "") for p in ("A.01", "A.02", "B.01", "B.02")})
    preview = preview_import(setup.engine, exported)
    before = db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)
    real = assessments.record_answer
    calls = []

    def failing(*args: object, **kwargs: object) -> object:
        calls.append(args)
        if len(calls) == 3:
            raise QauditError("disk full")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(assessments, "record_answer", failing)
    with pytest.raises(QauditError, match="disk full"):
        apply_import(setup.engine, preview)
    assert (db_answers(setup.engine, setup.assessment_id), audit_count(setup.engine)) == before
