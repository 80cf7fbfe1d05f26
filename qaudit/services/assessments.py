"""Assessments: start one, answer its points (each answer committed at once), close it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from qaudit.checklists import Catalogue, ChecklistSpec, shipped_catalogue
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Result
from qaudit.domain.models import Answer, Assessment, Location, utcnow
from qaudit.domain.verdict import Verdict, verdict
from qaudit.errors import NotFound, Refused
from qaudit.i18n import _
from qaudit.services import answer_check, audit, checklists, profiles
from qaudit.storage import transaction


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


def ensure_open(assessment: Assessment) -> None:
    if assessment.status is AssessmentStatus.CLOSED:
        message = _(
            "assessment {id} is closed: its answers are locked "
            "(start a new assessment to change them)"
        )
        raise Refused(message.format(id=assessment.id))


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
    """Record one answer inside the caller's transaction (imports group many)."""
    assessment = get(session, assessment_id)
    ensure_open(assessment)
    spec = checklists.spec_of_assessment(session, assessment)
    if point_id not in spec.point_index:
        message = _("checklist '{id}' {version} has no point '{point}'")
        raise NotFound(message.format(id=spec.id, version=spec.version, point=point_id))
    answer = session.exec(
        select(Answer).where(Answer.assessment_id == assessment_id, Answer.point_id == point_id)
    ).first()
    answer_check.ensure_allowed(
        session,
        assessment,
        spec.point_index[point_id],
        result,
        note if note is not None else (answer.note if answer else ""),
    )
    before = answer.result.value if answer else None
    if answer is None:
        answer = Answer(assessment_id=assessment_id, point_id=point_id, result=result)
    answer.result = result
    if note is not None:
        answer.note = note
    if evidence is not None:
        answer.evidence = evidence
    answer.answered_by_id = person_id
    answer.answered_at = utcnow()
    session.add(answer)
    audit.log(
        session,
        "answer",
        "assessment",
        assessment_id,
        actor,
        point=point_id,
        before=before,
        after=result.value,
    )
    return answer


def close(engine: Engine, assessment_id: int, *, actor: str | None = None) -> Assessment:
    """Close an assessment: from now on its answers are locked."""
    with transaction(engine) as session:
        return close_in(session, assessment_id, actor=actor)


def close_in(session: Session, assessment_id: int, *, actor: str | None = None) -> Assessment:
    """Close an assessment inside the caller's transaction."""
    assessment = get(session, assessment_id)
    ensure_open(assessment)
    assessment.status = AssessmentStatus.CLOSED
    assessment.closed_at = utcnow()
    judged = record_verdict(session, assessment)
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
