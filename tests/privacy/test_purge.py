"""``qaudit privacy purge``: interview notes past the retention period are removed, personal
data left in closed assessments is blanked out, the reports still render and say so."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from qaudit.config import load_settings
from qaudit.domain.enums import AssessmentKind
from qaudit.domain.models import Answer, AuditLog, Finding, Interview
from qaudit.errors import QauditError, Refused
from qaudit.services import assessments, audit, reports
from qaudit.services.privacy import PURGE_ACTION, purge, retention_cutoff
from qaudit.storage import make_engine, transaction
from tests.privacy import corpus
from tests.privacy.world import build
from tests.reports.support import read_docx

LATER = date(2029, 1, 15)  # more than 24 months after the interviews of 2026-10-01


def snapshot(engine) -> tuple[list[str], list[str], list[str]]:
    with transaction(engine) as s:
        return (
            sorted(i.notes for i in s.exec(select(Interview))),
            sorted(a.note for a in s.exec(select(Answer))),
            sorted(f.text for f in s.exec(select(Finding))),
        )


def test_retention_cutoff() -> None:
    assert retention_cutoff(date(2029, 1, 15), 24) == date(2027, 1, 15)
    assert retention_cutoff(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert retention_cutoff(date(2026, 1, 10), 13) == date(2024, 12, 10)


def test_dry_run_counts_and_changes_nothing(engine) -> None:
    world = build(engine, corpus.sentences()[:4])
    assessments.close(engine, world.ids[AssessmentKind.AUDIT_VISIT])
    before = snapshot(engine)
    result = purge(engine, None, retention_months=24, today=LATER, dry_run=True)
    assert result.before == date(2027, 1, 15)
    assert result.interviews == 4 * len(world.ids)
    assert result.redactions > 0  # the closed audit visit's other free text
    assert snapshot(engine) == before
    with transaction(engine) as s:
        assert s.exec(select(AuditLog).where(AuditLog.action == PURGE_ACTION)).all() == []


def test_purge_removes_notes_logs_and_reports_still_render(engine, tmp_path: Path) -> None:
    world = build(engine, corpus.sentences()[:4])
    visit = world.ids[AssessmentKind.AUDIT_VISIT]
    assessments.close(engine, visit)
    result = purge(engine, None, retention_months=24, today=LATER)
    assert result.interviews == 4 * len(world.ids)
    interviews = snapshot(engine)[0]
    assert set(interviews) == {""}
    with transaction(engine) as s:
        closed_notes = [a.note for a in assessments.answers(s, visit).values()]
        logged = s.exec(select(AuditLog).where(AuditLog.action == PURGE_ACTION)).all()
        me = audit.current_actor(s)  # the login on PostgreSQL, QAUDIT_ACTOR on SQLite
    assert closed_notes and all("[…]" in n for n in closed_notes)
    assert not [i for i in corpus.PERSONAL[:4] for n in closed_notes if corpus.core(i) in n]
    assert {e.entity_id for e in logged} == set(world.ids.values())
    assert all(e.detail["retention_months"] == 24 and e.actor == me for e in logged)
    written = reports.write_one(engine, "basis-op-orde", visit, tmp_path / "r.docx")
    text = read_docx(written.path).everything
    assert "De interviewnotities zijn op" in text and "bewaartermijn" in text
    # the open self-evaluation keeps its answer notes (only closed assessments are touched)
    own = world.ids[AssessmentKind.SELF_EVALUATION]
    with transaction(engine) as s:
        assert any(
            "Gesprek over" in a.note and "[…]" not in a.note
            for a in assessments.answers(s, own).values()
        )


def test_a_day_inside_the_retention_period_is_refused(engine) -> None:
    build(engine, corpus.sentences()[:2])
    before = snapshot(engine)
    with pytest.raises(Refused, match="retention_months"):
        purge(engine, date(2028, 6, 1), retention_months=24, today=LATER)
    assert snapshot(engine) == before


def test_privacy_setting_is_typed(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text("[privacy]\nretention_months = 36\n")
    assert load_settings(file, environ={}).privacy.retention_months == 36
    for content, message in [
        ('[privacy]\nretention_months = "x"\n', "privacy.retention_months: verwacht een tabel"),
        ("[privacy]\nretention_months = 0\n", "privacy.retention_months"),
        ("[privacy]\nretention_month = 3\n", "retention_months?"),
    ]:
        file.write_text(content)
        with pytest.raises(QauditError, match=message.replace("?", r"\?")):
            load_settings(file, environ={})


def qaudit(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qaudit", "--database", db_url, *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli(db_url: str, isolated_user: Path) -> None:
    engine = make_engine(db_url)
    build(engine, corpus.sentences()[:2])
    before = snapshot(engine)
    refused = qaudit(db_url, "privacy", "purge", "--before", "2999-01-01")
    assert refused.returncode == 1 and "retention_months" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert snapshot(engine) == before
    dry = qaudit(db_url, "privacy", "purge", "--before", "2024-01-01", "--dry-run")
    assert dry.returncode == 0 and "Proefdraai" in dry.stdout, dry.stdout + dry.stderr
    config = isolated_user / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[privacy]\nretention_months = 1\n")
    done = qaudit(db_url, "privacy", "purge", "--json")
    assert done.returncode == 0, done.stderr
    assert '"interviews": 8' in done.stdout and '"retention_months": 1' in done.stdout
    assert set(snapshot(engine)[0]) == {""}
    engine.dispose()
