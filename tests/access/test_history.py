"""``qaudit history``: who changed what in an assessment, on both databases."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.cli import main
from qaudit.domain.enums import AssessmentKind, Result
from qaudit.domain.models import Location, Organisation, Person
from qaudit.domain.models.access import Login
from qaudit.errors import NotFound
from qaudit.services import assessments, audit
from qaudit.services.history import describe, history_of
from qaudit.storage import transaction


@pytest.fixture
def assessment_id(engine: Engine, mini_catalogue: Catalogue) -> int:
    with transaction(engine) as session:
        org = Organisation(name="Stichting Test")
        session.add(org)
        session.flush()
        location = Location(organisation_id=org.id, code="T01", name="Huize Test")
        person = Person(name="Anouk Verbeek")
        session.add_all([location, person])
        session.flush()
        session.add(Login(name=audit.current_actor(session), person_id=person.id))
        assert location.id is not None
        created = assessments.start(
            session,
            location.id,
            AssessmentKind.SELF_EVALUATION,
            started_on=date(2026, 1, 5),
            catalogue=mini_catalogue,
        )
        assert created.id is not None
        return created.id


def test_the_history_of_a_point_says_who_when_and_what(engine: Engine, assessment_id: int) -> None:
    assessments.give_answer(engine, assessment_id, "A.01", Result.PARTLY)
    assessments.give_answer(engine, assessment_id, "A.01", Result.COMPLIANT)
    assessments.give_answer(engine, assessment_id, "A.02", Result.NOT_COMPLIANT)
    entries = history_of(engine, assessment_id, "A.01")
    assert [e.changes for e in entries] == ["– → voldoet deels", "voldoet deels → voldoet"]
    assert {e.person for e in entries} == {"Anouk Verbeek"}
    everything = history_of(engine, assessment_id)
    assert [e.action for e in everything] == ["start", "answer", "answer", "answer"]


def test_history_command(
    db_url: str, assessment_id: int, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assessments.give_answer(engine, assessment_id, "A.01", Result.PARTLY)
    capsys.readouterr()
    argv = ["--database", db_url, "history", "--assessment", str(assessment_id)]
    assert main([*argv, "--point", "A.01", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)
    assert entry["point"] == "A.01" and entry["changes"] == "– → voldoet deels"
    assert main(argv) == 0
    assert "Anouk Verbeek" in capsys.readouterr().out
    assert main(["--database", db_url, "history", "--assessment", "999"]) == 1
    assert "999" in capsys.readouterr().err
    with pytest.raises(NotFound):
        history_of(engine, 999)


def test_describe_pairs_before_and_after() -> None:
    detail = {
        "point": "A.01",
        "before": None,
        "after": "voldoet",
        "note_before": "a",
        "note_after": "b",
    }
    assert describe(detail) == "– → voldoet; note: a → b"
    assert describe({"file": "x.xlsx", "new": 2}) == "file=x.xlsx; new=2"
