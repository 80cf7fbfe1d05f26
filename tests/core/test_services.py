"""Services: assessments pin their checklist, answers are committed at once, closing locks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, func, select

from qaudit.checklists import Catalogue
from qaudit.domain.enums import AssessmentKind, MtDecision, Result, Step, StepStatus
from qaudit.domain.models import (
    Answer,
    AuditLog,
    ChecklistVersion,
    Location,
    Membership,
    Organisation,
)
from qaudit.domain.verdict import Outcome
from qaudit.errors import NotFound, Refused
from qaudit.services import assessments, audit, checklists, locations
from qaudit.storage import transaction


@pytest.fixture
def location_id(engine: Engine) -> int:
    with transaction(engine) as session:
        org = Organisation(name="Stichting Test", region="Midden")
        session.add(org)
        session.flush()
        location = Location(organisation_id=org.id, code="T01", name="Huize Test")
        session.add(location)
        session.add(
            Membership(organisation_id=org.id, member_number="K@-1", start_date=date(2020, 1, 1))
        )
        session.flush()
        assert location.id is not None
        return location.id


def start(
    engine: Engine,
    location_id: int,
    catalogue: Catalogue,
    kind: AssessmentKind = AssessmentKind.SELF_EVALUATION,
) -> int:
    with transaction(engine) as session:
        assessment = assessments.start(
            session, location_id, kind, started_on=date(2026, 1, 5), catalogue=catalogue
        )
        assert assessment.id is not None
        return assessment.id


def test_an_answer_is_committed_when_give_answer_returns(
    engine: Engine, location_id: int, mini_catalogue: Catalogue
) -> None:
    assessment_id = start(engine, location_id, mini_catalogue)
    assessments.give_answer(engine, assessment_id, "A.01", Result.PARTLY, note="Twee van vijf")
    with Session(engine) as other:  # a separate connection sees it: it is committed
        answer = other.exec(select(Answer)).one()
        assert (answer.point_id, answer.result, answer.note) == (
            "A.01",
            Result.PARTLY,
            "Twee van vijf",
        )
        assert answer.answered_at.tzinfo is not None


def test_answering_again_replaces_the_answer_and_keeps_the_note(
    engine: Engine, location_id: int, mini_catalogue: Catalogue
) -> None:
    assessment_id = start(engine, location_id, mini_catalogue)
    assessments.give_answer(engine, assessment_id, "A.01", Result.PARTLY, note="Eerste indruk")
    assessments.give_answer(engine, assessment_id, "A.01", Result.COMPLIANT)
    with transaction(engine) as session:
        answers = assessments.answers(session, assessment_id)
        assert answers["A.01"].result is Result.COMPLIANT
        assert answers["A.01"].note == "Eerste indruk"
        logged = session.exec(select(AuditLog).where(AuditLog.action == "answer")).all()
        me = audit.current_actor(session)  # QAUDIT_ACTOR on SQLite, the login on PostgreSQL
    assert [(e.detail["before"], e.detail["after"]) for e in logged] == [
        (None, "voldoet_deels"),
        ("voldoet_deels", "voldoet"),
    ]
    assert (me == "tester") is (engine.dialect.name == "sqlite")
    assert {e.actor for e in logged} == {me}


def test_an_unknown_point_is_refused_and_nothing_is_written(
    engine: Engine, location_id: int, mini_catalogue: Catalogue
) -> None:
    assessment_id = start(engine, location_id, mini_catalogue)
    with pytest.raises(NotFound, match=r"Z\.99"):
        assessments.give_answer(engine, assessment_id, "Z.99", Result.COMPLIANT)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Answer)).one() == 0


def test_closing_locks_the_answers(
    engine: Engine, location_id: int, mini_catalogue: Catalogue
) -> None:
    assessment_id = start(engine, location_id, mini_catalogue)
    assessments.give_answer(engine, assessment_id, "A.01", Result.COMPLIANT)
    assessments.close(engine, assessment_id)
    with pytest.raises(Refused, match="afgesloten"):
        assessments.give_answer(engine, assessment_id, "A.01", Result.NOT_COMPLIANT)
    with pytest.raises(Refused):
        assessments.close(engine, assessment_id)
    with transaction(engine) as session:
        assert assessments.results(session, assessment_id) == {"A.01": Result.COMPLIANT}


def test_an_assessment_pins_the_exact_checklist_version(
    engine: Engine, location_id: int, mini_catalogue: Catalogue
) -> None:
    first = start(engine, location_id, mini_catalogue)
    second = start(engine, location_id, mini_catalogue)
    with transaction(engine) as session:
        versions = session.exec(select(ChecklistVersion)).all()
        assert len(versions) == 1  # registered once, shared
        a = assessments.get(session, first)
        assert a.checklist_version_id == assessments.get(session, second).checklist_version_id
        spec = checklists.spec_of_assessment(session, a)
    assert spec.content_hash == mini_catalogue.checklist("basis-op-orde").content_hash


def test_same_version_with_other_content_is_refused(
    engine: Engine, location_id: int, mini_catalogue: Catalogue
) -> None:
    start(engine, location_id, mini_catalogue)
    basis = mini_catalogue.checklist("basis-op-orde")
    changed = basis.model_copy(update={"title": "Anders"})
    with pytest.raises(Refused, match="nieuwe versie"), transaction(engine) as session:
        checklists.register(session, changed)


def test_the_verdict_of_a_closed_audit_opens_the_rollout_gate(
    engine: Engine, location_id: int, mini_catalogue: Catalogue
) -> None:
    with transaction(engine) as session:
        for step in (Step.INTAKE, Step.MT_SESSION, Step.MEMBERSHIP, Step.BASIS):
            locations.set_step(
                session,
                location_id,
                step,
                StepStatus.DONE,
                decision=MtDecision.GO if step is Step.MT_SESSION else None,
            )
    with pytest.raises(Refused, match="nog geen oordeel"), transaction(engine) as session:
        locations.set_step(session, location_id, Step.TRANSLATE_PROMISES, StepStatus.IN_PROGRESS)
    visit = start(engine, location_id, mini_catalogue, AssessmentKind.AUDIT_VISIT)
    for point in ("A.01", "A.02", "B.01", "B.02"):
        assessments.give_answer(engine, visit, point, Result.COMPLIANT)
    assessments.close(engine, visit)
    with transaction(engine) as session:
        assert locations.cycle_state(session, location_id).basis_outcome is Outcome.SUFFICIENT
        row = locations.set_step(
            session, location_id, Step.TRANSLATE_PROMISES, StepStatus.IN_PROGRESS
        )
        assert row.started_on is not None


def test_a_refused_step_leaves_the_database_as_it_was(engine: Engine, location_id: int) -> None:
    with pytest.raises(Refused, match="stap 1"), transaction(engine) as session:
        locations.set_step(session, location_id, Step.MT_SESSION, StepStatus.DONE)
    with transaction(engine) as session:
        assert locations.cycle_state(session, location_id).steps == {}
        assert session.exec(select(func.count()).select_from(AuditLog)).one() == 0
