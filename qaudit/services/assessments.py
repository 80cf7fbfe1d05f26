"""Assessments: start one, answer its points (each answer committed at once), close it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from qaudit.checklists import Catalogue, ChecklistSpec, shipped_catalogue
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Result
from qaudit.domain.models import Answer, Assessment, Location, utcnow
from qaudit.domain.verdict import Verdict, verdict
from qaudit.errors import NotFound
from qaudit.i18n import _
from qaudit.services import answering, audit, checklists, profiles, snapshots
from qaudit.services.answering import AnswerField
from qaudit.storage import transaction

T = TypeVar("T")


def get(session: Session, assessment_id: int) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None:
        raise NotFound(_("no assessment with id {id}").format(id=assessment_id))
    return assessment


def start(
    session: Session,
    location_id: int,
    kind: AssessmentKind,
    *,
    started_on: date,
    catalogue: Catalogue | None = None,
    actor: str | None = None,
    **fields: Any,
) -> Assessment:
    """A new open assessment, pinned to the current version of its checklist."""
    if session.get(Location, location_id) is None:
        raise NotFound(_("no location with id {id}").format(id=location_id))
    spec = (catalogue or shipped_catalogue()).for_kind(kind.checklist_kind)
    version = checklists.register(session, spec)
    assert version.id is not None
    assessment = Assessment(
        location_id=location_id,
        kind=kind,
        started_on=started_on,
        checklist_version_id=version.id,
        **fields,
    )
    session.add(assessment)
    session.flush()
    profiles.fill_automatic_nvt(session, assessment, spec, actor=actor)
    audit.log(
        session,
        "start",
        "assessment",
        assessment.id,
        actor,
        kind=kind.value,
        checklist=f"{spec.id} {spec.version}",
    )
    return assessment


def answers(session: Session, assessment_id: int) -> dict[str, Answer]:
    rows = session.exec(select(Answer).where(Answer.assessment_id == assessment_id))
    return {a.point_id: a for a in rows}


def results(session: Session, assessment_id: int) -> dict[str, Result]:
    rows = session.exec(
        select(Answer.point_id, Answer.result).where(Answer.assessment_id == assessment_id)
    )
    return {point_id: Result(result) for point_id, result in rows}


ensure_open = answering.ensure_open


def give_answer(
    engine: Engine,
    assessment_id: int,
    point_id: str,
    result: Result,
    *,
    note: str | None = None,
    evidence: str | None = None,
    person_id: int | None = None,
    actor: str | None = None,
) -> Answer:
    """Record one answer in its own transaction: committed when this returns."""
    with transaction(engine) as session:
        return record_answer(
            session,
            assessment_id,
            point_id,
            result,
            note=note,
            evidence=evidence,
            person_id=person_id,
            actor=actor,
        )


def record_answer(
    session: Session,
    assessment_id: int,
    point_id: str,
    result: Result,
    *,
    note: str | None = None,
    evidence: str | None = None,
    person_id: int | None = None,
    actor: str | None = None,
) -> Answer:
    """Record one answer inside the caller's transaction (imports group many).

    Each given field is saved on its own (see :mod:`qaudit.services.answering`), with no
    version check: the caller says what the point's fields are to be now. The note goes
    first, so a result that needs one (the checklist's rules) finds it.
    """
    changes: list[tuple[AnswerField, Result | str]] = []
    if note is not None:
        changes.append((AnswerField.NOTE, note))
    changes.append((AnswerField.RESULT, result))
    if evidence is not None:
        changes.append((AnswerField.EVIDENCE, evidence))
    for field, value in changes:
        answering.save_in(
            session, assessment_id, point_id, field, value, actor=actor, person_id=person_id
        )
    found = session.exec(
        select(Answer)
        .where(Answer.assessment_id == assessment_id, Answer.point_id == point_id)
        .execution_options(populate_existing=True)  # saved by plain SQL just now
    ).first()
    return found or Answer(assessment_id=assessment_id, point_id=point_id, result=result)


def unanswered(session: Session, assessment: Assessment) -> int:
    """How many points of the assessment have no answer yet."""
    spec, answered = spec_and_results(session, assessment)
    return sum(1 for p in spec.points if not answered.get(p.id, Result.NOT_ASSESSED).answered)


def close(engine: Engine, assessment_id: int, *, actor: str | None = None) -> Assessment:
    """Close an assessment: from now on its answers are locked."""

    def work() -> Assessment:
        with transaction(engine) as session:
            return close_in(session, assessment_id, actor=actor)

    return retry_when_locked(work)


def retry_when_locked(work: Callable[[], T], attempts: int = 6) -> T:
    """Run ``work`` again when SQLite reports its database locked.

    SQLite's lock is not a queue: busy writers can starve a close past the busy timeout.
    Answers keep being accepted until the close is through, so trying again is safe.
    """
    for attempt in range(attempts):
        try:
            return work()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def close_in(session: Session, assessment_id: int, *, actor: str | None = None) -> Assessment:
    """Close an assessment inside the caller's transaction.

    It waits for answers being saved (the same lock), judges the stored answers and keeps
    the self-evaluation it was compared with, so its verdict and differences stay as closed.
    """
    assessment = answering.lock_open(session, assessment_id)
    assessment.status = AssessmentStatus.CLOSED
    assessment.closed_at = utcnow()
    judged = record_verdict(session, assessment)
    snapshots.take(session, assessment)
    audit.log(session, "close", "assessment", assessment_id, actor, outcome=judged.outcome.value)
    return assessment


def record_verdict(session: Session, assessment: Assessment) -> Verdict:
    """Store the verdict and score of a closed assessment (its answers no longer change)."""
    judged = verdict_of(session, assessment)
    assessment.outcome = judged.outcome
    assessment.score_percent = judged.score.overall.percent
    session.add(assessment)
    return judged


def spec_and_results(
    session: Session, assessment: Assessment
) -> tuple[ChecklistSpec, Mapping[str, Result]]:
    assert assessment.id is not None
    return checklists.spec_of_assessment(session, assessment), results(session, assessment.id)


def verdict_of(session: Session, assessment: Assessment) -> Verdict:
    spec, answered = spec_and_results(session, assessment)
    return verdict(spec, answered)
