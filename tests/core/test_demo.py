"""The demo cooperative: deterministic, and every stage of the cycle is present."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Engine
from sqlmodel import select

from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Step
from qaudit.domain.models import Answer, Assessment, Interview
from qaudit.domain.verdict import Outcome
from qaudit.services import assessments, locations, overview
from qaudit.services.demo import build_demo
from qaudit.storage import transaction


def snapshot(engine: Engine) -> list[tuple]:
    with transaction(engine) as session:
        rows = session.exec(select(Answer.assessment_id, Answer.point_id, Answer.result)).all()
    return sorted((a, p, r.value) for a, p, r in rows)


def test_demo_covers_every_stage_of_the_cycle(engine: Engine) -> None:
    assert build_demo(engine)
    with transaction(engine) as session:
        rows = locations.list_locations(session)
        steps = Counter(row.step for row in rows)
        assert len(rows) == 26  # twelve at every stage, fourteen network members with history
        assert steps[Step.INTAKE] == 1
        assert steps[Step.BASIS] >= 3
        outcomes = {row.code: locations.basis_outcome(session, row.id) for row in rows}
        assert outcomes["L06"] is Outcome.INSUFFICIENT
        assert sum(o is Outcome.SUFFICIENT for o in outcomes.values()) >= 5
        kinds = Counter(a.kind for a in session.exec(select(Assessment)))
        assert kinds[AssessmentKind.VISITATION] >= 2 and kinds[AssessmentKind.CIRKEL] >= 2
        open_self_evaluations = session.exec(
            select(Assessment).where(
                Assessment.kind == AssessmentKind.SELF_EVALUATION,
                Assessment.status == AssessmentStatus.OPEN,
            )
        ).all()
        assert len(open_self_evaluations) >= 3
        progress = [len(assessments.results(session, a.id or 0)) for a in open_self_evaluations]
        assert len(set(progress)) == len(progress)  # at different points of their work
        assert overview.assessment_rows(session)


def test_demo_is_deterministic_and_not_duplicated(engine: Engine, sqlite_engine: Engine) -> None:
    assert build_demo(engine)
    assert build_demo(sqlite_engine)
    assert snapshot(engine) == snapshot(sqlite_engine)
    assert not build_demo(engine)


def test_demo_notes_hold_no_personal_data(engine: Engine) -> None:
    build_demo(engine)
    with transaction(engine) as session:
        texts = [i.notes for i in session.exec(select(Interview))]
        texts += [a.note for a in session.exec(select(Answer))]
    joined = " ".join(texts).lower()
    assert texts
    assert "geboren" not in joined and "mevrouw" not in joined and "meneer" not in joined


def test_demo_dates_follow_the_day_it_is_written(engine: Engine) -> None:
    from datetime import date

    from qaudit.domain.enums import EventStatus
    from qaudit.domain.events import is_overdue
    from qaudit.domain.models import Location, ScheduledEvent

    today = date(2031, 3, 15)
    build_demo(engine, today=today)
    with transaction(engine) as session:
        planned = session.exec(
            select(ScheduledEvent, Location.code)
            .join(Location)
            .where(ScheduledEvent.status == EventStatus.PLANNED)
        ).all()
    overdue = [
        code
        for event, code in planned
        if is_overdue(today, event.planned_on, event.window_end, event.due_year)
    ]
    assert overdue == ["L11"]  # the one visitation that slipped, whatever the day
    assert all(
        event.planned_on and event.planned_on.year >= 2031
        for event, code in planned
        if code != "L11"
    )
