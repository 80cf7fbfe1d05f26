"""Issue 17: moving an open assessment from 2026.1 to 2027.1, never silently."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue, load_catalogue, shipped_catalogue
from qaudit.domain.enums import AssessmentKind, Result
from qaudit.domain.models import Location, Organisation
from qaudit.errors import Refused
from qaudit.i18n import set_language
from qaudit.paths import checklists_dir
from qaudit.services import assessments, checklists, migrate
from qaudit.storage import transaction

V, D, N, X = Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


@pytest.fixture(scope="module")
def only_2026(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    folder = tmp_path_factory.mktemp("checklists-2026")
    for file in checklists_dir().glob("*.yaml"):
        if "2027" not in file.name:
            shutil.copy(file, folder / file.name)
    return load_catalogue(folder)


def open_2026(
    engine: Engine, catalogue: Catalogue, kind: AssessmentKind = AssessmentKind.SELF_EVALUATION
) -> int:
    with transaction(engine) as session:
        org = Organisation(name="Stichting Versie")
        session.add(org)
        session.flush()
        location = Location(organisation_id=org.id, code="V01", name="Huize Versie")
        session.add(location)
        session.flush()
        assert location.id is not None
        assessment = assessments.start(
            session,
            location.id,
            kind,
            started_on=date(2026, 11, 2),
            catalogue=catalogue,
        )
        assert assessment.id is not None
        return assessment.id


def test_migrate_keeps_unchanged_answers_and_flags_changed_ones(
    engine: Engine, only_2026: Catalogue
) -> None:
    assessment_id = open_2026(engine, only_2026)
    given = {
        "T01.05": (V, "Levensverhaal in alle dossiers."),  # only the grondslag changed: kept
        "T03.12": (D, "Eén kamer zonder bereik."),  # now critical, same statement: kept
        "T05.09": (V, ""),  # split in two: both halves to answer again
        "T07.08": (N, "Geen vastlegging."),  # text corrected: answer again
        "T01.01": (X, ""),  # n.v.t. is never allowed in 2027.1: answer again
    }
    for point, (result, note) in given.items():
        assessments.give_answer(engine, assessment_id, point, result, note=note)
    with transaction(engine) as session:
        plan = migrate.migrate(session, assessment_id, "2027.1", dry_run=True)
    assert sorted(plan.kept) == [("T01.05", "T01.05"), ("T03.12", "T03.12")]
    flagged = {(old, new): why for old, new, why in plan.flagged}
    assert flagged[("T05.09", "T05.09")] == flagged[("T05.09", "T05.19")] == "split"
    assert flagged[("T07.08", "T07.08")] == "changed"
    assert "not allowed" in flagged[("T01.01", "T01.01")]
    assert plan.dropped == [] and "T01.21" in plan.added
    with transaction(engine) as session:  # the dry run wrote nothing
        assert set(assessments.answers(session, assessment_id)) == set(given)
        migrate.migrate(session, assessment_id, "2027.1")
    with transaction(engine) as session:
        assessment = assessments.get(session, assessment_id)
        assert checklists.spec_of_assessment(session, assessment).version == "2027.1"
        answers = assessments.answers(session, assessment_id)
        assert (
            answers["T03.12"].result is D and answers["T03.12"].note == "Eén kamer zonder bereik."
        )
        reopened = answers["T05.19"]
        assert reopened.result is Result.NOT_ASSESSED
        assert reopened.note.startswith("Answer again (split). Before, in 2026.1: T05.09:")
        assert answers["T07.08"].note.endswith("not compliant (Geen vastlegging.)")
        with pytest.raises(Refused, match="already uses"):
            migrate.migrate(session, assessment_id, "2027.1")


def test_a_closed_assessment_is_not_migrated(engine: Engine, only_2026: Catalogue) -> None:
    assessment_id = open_2026(engine, only_2026)
    assessments.close(engine, assessment_id)
    with transaction(engine) as session, pytest.raises(Refused, match="closed"):
        migrate.migrate(session, assessment_id, "2027.1")
    assert shipped_catalogue().checklist("basis-op-orde").version == "2027.1"


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


def test_migrate_dry_run_on_a_demo_assessment(tmp_path: Path) -> None:
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    url = f"sqlite:///{tmp_path / 'demo.db'}"
    build_demo(open_database(url))

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "qaudit", "--database", url, "--language", "en", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120)

    before = _dump(tmp_path / "demo.db")
    result = run("assessment", "migrate", "3", "--to", "2027.1", "--dry-run", "--json")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["from"] == "2026.1" and plan["to"] == "2027.1" and plan["dry_run"]
    flagged = {(f["old"], f["new"]) for f in plan["flagged"]}
    assert {("T05.09", "T05.09"), ("T05.09", "T05.19"), ("T07.08", "T07.08")} <= flagged
    assert len(plan["added"]) == 10 and plan["dropped"] == []
    assert _dump(tmp_path / "demo.db") == before
    diff = run("checklist", "diff", "basis-op-orde", "2026.1", "2027.1", "--json")
    assert json.loads(diff.stdout)["removed"] == []


def test_a_cirkel_on_2027_reads_the_last_basis_on_2026_through_the_mapping(
    engine: Engine, only_2026: Catalogue
) -> None:
    from qaudit.services.report_data import assessment_report

    audit_id = open_2026(engine, only_2026, AssessmentKind.AUDIT_VISIT)
    assessments.give_answer(engine, audit_id, "T01.05", V)
    assessments.give_answer(engine, audit_id, "T05.09", V)
    assessments.close(engine, audit_id)
    with transaction(engine) as session:
        location_id = assessments.get(session, audit_id).location_id
        cirkel = assessments.start(
            session, location_id, AssessmentKind.CIRKEL, started_on=date(2027, 3, 1)
        )
        data = assessment_report(session, cirkel, date(2027, 3, 2), with_history=True)
    (earlier,) = data.history
    assert earlier.spec.version == "2027.1"
    assert set(earlier.answers) == {"T01.05"}  # T05.09 was split: no comparable answer
