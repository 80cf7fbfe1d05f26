"""Issue 17 in the services: one check for every answer, the location profile, the re-check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import Catalogue, load_catalogue
from qaudit.domain.cycle import gate
from qaudit.domain.enums import AssessmentKind, Result, Step
from qaudit.domain.models import Answer, Location, Membership, Organisation
from qaudit.domain.recheck import repair_due
from qaudit.domain.verdict import Outcome
from qaudit.errors import NotFound, Refused
from qaudit.i18n import set_language
from qaudit.services import assessments, locations, profiles, rechecks
from qaudit.storage import transaction

RULES = Path(__file__).parent.parent / "fixtures" / "rules"
V, D, N, X = Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


@pytest.fixture(scope="module")
def rules() -> Catalogue:
    return load_catalogue(RULES)


@pytest.fixture
def location_id(engine: Engine) -> int:
    with transaction(engine) as session:
        org = Organisation(name="Stichting Regels", region="Midden")
        session.add(org)
        session.flush()
        location = Location(organisation_id=org.id, code="R01", name="Huize Regel")
        session.add(location)
        session.add(
            Membership(organisation_id=org.id, member_number="K@-9", start_date=date(2020, 1, 1))
        )
        session.flush()
        assert location.id is not None
        return location.id


def start(
    engine: Engine, location_id: int, catalogue: Catalogue, kind=AssessmentKind.AUDIT_VISIT
) -> int:
    with transaction(engine) as session:
        assessment = assessments.start(
            session, location_id, kind, started_on=date(2027, 1, 5), catalogue=catalogue
        )
        assert assessment.id is not None
        return assessment.id


def test_answers_break_no_rule_and_a_refusal_writes_nothing(
    engine: Engine, location_id: int, rules: Catalogue
) -> None:
    assessment_id = start(engine, location_id, rules)
    with pytest.raises(Refused, match=r"A\.01: 'not applicable' is not allowed"):
        assessments.give_answer(engine, assessment_id, "A.01", X, note="reden")
    with pytest.raises(Refused, match="needs a note"):
        assessments.give_answer(engine, assessment_id, "A.01", N)
    with pytest.raises(Refused, match="needs a reason"):
        assessments.give_answer(engine, assessment_id, "A.02", X)
    with pytest.raises(Refused, match="location profile"):
        assessments.give_answer(engine, assessment_id, "B.01", X, note="geen arts")
    with transaction(engine) as session:
        assert assessments.answers(session, assessment_id) == {}
    assessments.give_answer(engine, assessment_id, "A.01", N, note="Twee plannen verouderd.")
    assessments.give_answer(engine, assessment_id, "A.02", X, note="Nieuwe locatie.")
    with pytest.raises(Refused, match="needs a note"):  # the note may not be wiped either
        assessments.give_answer(engine, assessment_id, "A.01", N, note="")


def test_the_profile_makes_inapplicable_points_nvt_with_itself_as_reason(
    engine: Engine, location_id: int, rules: Catalogue
) -> None:
    open_before = start(engine, location_id, rules)
    with transaction(engine) as session:
        profiles.set_profile(session, location_id, behandeling=False, verblijf=True)
    later = start(engine, location_id, rules)
    with transaction(engine) as session:
        for assessment_id in (open_before, later):
            answer = assessments.answers(session, assessment_id)["B.01"]
            assert answer.result is X
            assert answer.note == "n.v.t. by the location profile: no behandeling"
        assert set(assessments.answers(session, later)) == {"B.01"}
    # With behandeling the point applies: n.v.t. is refused there.
    with transaction(engine) as session:
        profiles.set_profile(session, location_id, behandeling=True)
    third = start(engine, location_id, rules)
    with pytest.raises(Refused, match="applies to this location"):
        assessments.give_answer(engine, third, "B.01", X, note="toch niet")


def test_a_conditional_verdict_gets_a_recheck_of_only_the_failed_points(
    engine: Engine, location_id: int, rules: Catalogue
) -> None:
    audit_id = start(engine, location_id, rules)
    for point, result in {"A.01": N, "A.02": V, "B.01": V, "B.02": V}.items():
        note = "Twee plannen verouderd." if result is N else None
        assessments.give_answer(engine, audit_id, point, result, note=note)
    closed = assessments.close(engine, audit_id)
    assert closed.outcome is Outcome.CONDITIONAL
    with transaction(engine) as session:
        state = locations.cycle_state(session, location_id)
        assert "re-check" in gate(Step.TRANSLATE_PROMISES, state).reason
        recheck = rechecks.start_recheck(session, audit_id, started_on=date(2027, 3, 1))
        recheck_id = recheck.id
        row = rechecks.recheck_of(session, recheck.id)
        assert row is not None and row.point_ids == ["A.01"]
        assert closed.closed_at is not None
        assert row.due_on == repair_due(closed.closed_at.date(), 13)
    assert recheck_id is not None
    with pytest.raises(NotFound, match=r"has no point 'B\.01'"):
        assessments.give_answer(engine, recheck_id, "B.01", V)
    assessments.give_answer(engine, recheck_id, "A.01", V)
    assert assessments.close(engine, recheck_id).outcome is Outcome.SUFFICIENT
    with transaction(engine) as session:
        assert locations.cycle_state(session, location_id).basis_outcome is Outcome.SUFFICIENT
        assert gate(Step.TRANSLATE_PROMISES, locations.cycle_state(session, location_id)).allowed
        with pytest.raises(Refused, match="already has its re-check"):
            rechecks.start_recheck(session, audit_id, started_on=date(2027, 3, 2))
        assert session.exec(select(Answer).where(Answer.assessment_id == recheck_id)).all()


def test_the_leervraag_is_recorded_before_the_visit_and_reaches_the_report(
    engine: Engine, location_id: int
) -> None:
    from qaudit.checklists import shipped_catalogue
    from qaudit.reports.kinds import build_context
    from qaudit.services.report_data import assessment_report

    visitation_id = start(engine, location_id, shipped_catalogue(), AssessmentKind.VISITATION)
    with transaction(engine) as session:
        rechecks.set_learning_question(
            session, visitation_id, question="Hoe houden we de avond rustig?"
        )
    assessments.give_answer(engine, visitation_id, "KB01.1", V)
    with transaction(engine) as session:
        with pytest.raises(Refused, match="recorded before the visit"):
            rechecks.set_learning_question(session, visitation_id, question="Een andere vraag")
        rechecks.set_learning_question(session, visitation_id, answer="Met vaste gezichten.")
    with transaction(engine) as session:
        visitation = assessments.get(session, visitation_id)
        data = assessment_report(session, visitation, date(2027, 2, 1))
        assert assessments.verdict_of(session, visitation).outcome is Outcome.NOT_JUDGED
    context = build_context("visitatie", data, "nl")
    assert context["learning_question"] == {
        "question": "Hoe houden we de avond rustig?",
        "answer": "Met vaste gezichten.",
    }
