"""Gather what a report is made from, out of the database, into plain report data.

The report builders (``qaudit.reports``) are pure; this module is their only way to the
database. Every function reads inside the caller's session and changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from sqlmodel import Session, col, select

from qaudit.checklists import ChecklistError, ChecklistSpec, PromiseSetSpec, shipped_catalogue
from qaudit.domain.cycle import CycleState
from qaudit.domain.enums import (
    AssessmentKind,
    AssessmentStatus,
    EventStatus,
    Result,
    Step,
    StepStatus,
)
from qaudit.domain.models import (
    Answer,
    Assessment,
    CycleStep,
    EventAssignment,
    Finding,
    ImprovementAction,
    Interview,
    Location,
    Organisation,
    Person,
    PromiseTranslation,
    Recommendation,
    ScheduledEvent,
)
from qaudit.domain.scoring import score
from qaudit.domain.verdict import verdict
from qaudit.errors import NotFound
from qaudit.reports.data import (
    ActionRow,
    AnswerRow,
    AssessmentData,
    AssessmentReport,
    EventRow,
    FindingRow,
    InterviewRow,
    LocationSummary,
    OverviewReport,
    PhotoRow,
    Place,
    RecommendationRow,
)
from qaudit.services import access, checklists, privacy, snapshots, work_people

BASIS_KINDS = (AssessmentKind.AUDIT_VISIT, AssessmentKind.CIRKEL)
HISTORY_KINDS = (AssessmentKind.AUDIT_VISIT, AssessmentKind.VISITATION, AssessmentKind.CIRKEL)


def assessment_data(session: Session, assessment: Assessment) -> AssessmentData:
    assert assessment.id is not None
    rows = session.exec(
        select(Answer.point_id, Answer.result, Answer.note, Answer.evidence).where(
            Answer.assessment_id == assessment.id
        )
    )
    answers = {
        point_id: AnswerRow(Result(result), note or "", evidence or "")
        for point_id, result, note, evidence in rows
    }
    return AssessmentData(
        id=assessment.id,
        kind=assessment.kind,
        status=assessment.status,
        started_on=assessment.started_on,
        spec=checklists.spec_of_assessment(session, assessment),
        answers=answers,
        closed_at=assessment.closed_at,
        summary=assessment.summary or "",
        quality_advice=assessment.quality_advice or "",
        people=_people_of(session, assessment),
    )


def reference_data(
    session: Session, assessment: Assessment, reference: Assessment
) -> AssessmentData:
    """The reference as the assessment compared with it: kept at the close once closed."""
    data = assessment_data(session, reference)
    kept = snapshots.reference_answers(session, assessment)
    if kept is None:
        return data
    answers = {point: AnswerRow(*answer) for point, answer in kept.items()}
    return dataclasses.replace(data, answers=answers)


def _people_of(session: Session, assessment: Assessment) -> tuple[str, ...]:
    """The lead, then everyone assigned to an event that this assessment is the record of."""
    names: list[str] = []
    if assessment.lead_person_id is not None:
        lead = session.get(Person, assessment.lead_person_id)
        if lead is not None:
            names.append(lead.name)
    assigned = session.exec(
        select(Person.name)
        .join(EventAssignment, col(EventAssignment.person_id) == col(Person.id))
        .join(ScheduledEvent, col(ScheduledEvent.id) == col(EventAssignment.event_id))
        .where(ScheduledEvent.assessment_id == assessment.id)
        .order_by(col(Person.name))
    )
    recorded = work_people.names_of(session, assessment.id or 0)
    return tuple(dict.fromkeys([*names, *recorded, *assigned]))


def assessment_report(
    session: Session, assessment: Assessment, today: date, *, with_history: bool = False
) -> AssessmentReport:
    """Everything the audit, visitation, Cirkel and advice reports need about ``assessment``."""
    assert assessment.id is not None
    location = session.get(Location, assessment.location_id)
    if location is None:  # pragma: no cover - guaranteed by the foreign key
        raise NotFound(f"no location with id {assessment.location_id}")
    assert location.id is not None
    organisation = session.get(Organisation, location.organisation_id)
    reference = (
        session.get(Assessment, assessment.reference_assessment_id)
        if assessment.reference_assessment_id
        else None
    )
    visiting = (
        session.get(Organisation, assessment.visiting_organisation_id)
        if assessment.visiting_organisation_id
        else None
    )
    return AssessmentReport(
        assessment=assessment_data(session, assessment),
        location=place(location),
        organisation=Place(organisation.name, city=organisation.city, region=organisation.region)
        if organisation
        else Place(""),
        today=today,
        current_step=current_step(session, location.id),
        reference=comparable(
            reference_data(session, assessment, reference),
            checklists.spec_of_assessment(session, assessment),
        )
        if reference
        else None,
        interviews=_interviews(session, assessment.id),
        findings=_findings(session, assessment.id),
        recommendations=_recommendations(session, assessment.id),
        actions=_actions(session, assessment.id),
        events=planned_events(session, location_id=location.id),
        visiting_organisation=visiting.name if visiting else "",
        promises=promise_set(checklists.spec_of_assessment(session, assessment).version),
        translations=_translations(session, location.id),
        history=_history(session, location.id, assessment.id, _basis_of(session, assessment))
        if with_history
        else (),
        learning_question=_learning_question(session, assessment.id),
        photos=_photos(session, assessment.id),
        notes_purged_on=privacy.purged_on(session, assessment.id),
    )


def _learning_question(session: Session, assessment_id: int) -> tuple[str, str] | None:
    from qaudit.services.rechecks import learning_question

    row = learning_question(session, assessment_id)
    return (row.question, row.answer) if row else None


def comparable(data: AssessmentData, spec: ChecklistSpec) -> AssessmentData:
    """``data`` seen through ``spec``: answers on another version follow the mapping."""
    if data.spec.content_hash == spec.content_hash or data.spec.id != spec.id:
        return data
    from qaudit.checklists.diff import carry

    return replace(data, spec=spec, answers=carry(data.spec, spec, data.answers))


def place(location: Location) -> Place:
    return Place(
        location.name,
        location.code,
        location.city,
        location.region,
        location.residents,
        location.staff,
    )


def promise_set(version: str | None = None) -> PromiseSetSpec | None:
    """The client promises (titles and texts) of ``version`` if it has them, else the current."""
    try:
        catalogue = shipped_catalogue()
        pinned = catalogue.releases.get((catalogue.promises.id, version or ""))
        return pinned if isinstance(pinned, PromiseSetSpec) else catalogue.promises
    except (NotFound, ChecklistError):
        return None


def current_step(session: Session, location_id: int) -> Step:
    rows = session.exec(
        select(CycleStep.step, CycleStep.status).where(CycleStep.location_id == location_id)
    )
    return CycleState(steps={Step(s): StepStatus(status) for s, status in rows}).current_step


def _interviews(session: Session, assessment_id: int) -> tuple[InterviewRow, ...]:
    if not access.scope(session).can_read_interviews(assessment_id):
        return ()  # a location's own people never read the auditor's interview notes
    rows = session.exec(
        select(Interview)
        .where(Interview.assessment_id == assessment_id)
        .order_by(col(Interview.held_on), col(Interview.id))
    )
    return tuple(InterviewRow(r.group, r.participants, r.held_on, r.notes) for r in rows)


def _findings(session: Session, assessment_id: int) -> tuple[FindingRow, ...]:
    rows = session.exec(
        select(Finding).where(Finding.assessment_id == assessment_id).order_by(col(Finding.id))
    )
    return tuple(FindingRow(r.kind, r.text, tuple(r.point_ids or ())) for r in rows)


def _recommendations(session: Session, assessment_id: int) -> tuple[RecommendationRow, ...]:
    rows = session.exec(
        select(Recommendation, Finding)
        .join(Finding, col(Recommendation.finding_id) == col(Finding.id), isouter=True)
        .where(Recommendation.assessment_id == assessment_id)
        .order_by(col(Recommendation.id))
    )
    return tuple(RecommendationRow(r.text, tuple(f.point_ids or ()) if f else ()) for r, f in rows)


def _actions(session: Session, assessment_id: int) -> tuple[ActionRow, ...]:
    rows = session.exec(
        select(ImprovementAction)
        .where(ImprovementAction.assessment_id == assessment_id)
        .order_by(col(ImprovementAction.deadline), col(ImprovementAction.id))
    )
    return tuple(ActionRow(r.title, r.owner, r.deadline, r.status, r.promise_id) for r in rows)


def _translations(session: Session, location_id: int) -> dict[str, str]:
    rows = session.exec(
        select(PromiseTranslation.promise_id, PromiseTranslation.translation).where(
            PromiseTranslation.location_id == location_id
        )
    )
    return {promise_id: text for promise_id, text in rows}


def planned_events(session: Session, location_id: int | None = None) -> tuple[EventRow, ...]:
    """Planned events (of one location), earliest first, with who is assigned."""
    query = (
        select(ScheduledEvent, Location.name)
        .join(Location, col(ScheduledEvent.location_id) == col(Location.id))
        .where(ScheduledEvent.status == EventStatus.PLANNED)
    )
    if location_id is not None:
        query = query.where(ScheduledEvent.location_id == location_id)
    rows = session.exec(query).all()
    people = _assigned(session, [e.id for e, _name in rows if e.id is not None])
    events = [
        EventRow(
            e.kind,
            e.status,
            e.planned_on,
            e.window_start,
            e.window_end,
            name,
            people.get(e.id or 0, ()),
        )
        for e, name in rows
    ]
    return tuple(sorted(events, key=lambda e: (_when(e), e.location)))


def _when(event: EventRow) -> date:
    return event.planned_on or event.window_start or event.window_end or date.max


def _assigned(session: Session, event_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    ids = list(event_ids)
    if not ids:
        return {}
    rows = session.exec(
        select(EventAssignment.event_id, Person.name)
        .join(Person, col(Person.id) == col(EventAssignment.person_id))
        .where(col(EventAssignment.event_id).in_(ids))
        .order_by(col(Person.name))
    )
    people: dict[int, list[str]] = defaultdict(list)
    for event_id, name in rows:
        people[event_id].append(name)
    return {k: tuple(v) for k, v in people.items()}


def _basis_of(session: Session, assessment: Assessment) -> ChecklistSpec | None:
    """The basis checklist of the assessment's version (a Cirkel re-checks that basis)."""
    spec = checklists.spec_of_assessment(session, assessment)
    if spec.kind == "basis":
        return spec
    try:
        basis = shipped_catalogue().for_kind("basis")
        pinned = shipped_catalogue().releases.get((basis.id, spec.version))
    except (NotFound, ChecklistError):
        return None
    return pinned if isinstance(pinned, ChecklistSpec) else None


def _history(
    session: Session, location_id: int, exclude: int, basis: ChecklistSpec | None = None
) -> tuple[AssessmentData, ...]:
    """Earlier closed assessments; basis ones seen through ``basis`` (across versions)."""
    rows = session.exec(
        select(Assessment)
        .where(
            Assessment.location_id == location_id,
            Assessment.id != exclude,
            Assessment.status == AssessmentStatus.CLOSED,
            col(Assessment.kind).in_(HISTORY_KINDS),
        )
        .order_by(col(Assessment.started_on), col(Assessment.id))
    )
    found = (assessment_data(session, a) for a in rows)
    return tuple(comparable(d, basis) if basis else d for d in found)


def overview_report(session: Session, today: date) -> OverviewReport:
    """Every location with its step, its latest basis verdict and its open assessment."""
    locations = session.exec(
        select(Location, Organisation)
        .join(Organisation, col(Location.organisation_id) == col(Organisation.id))
        .order_by(col(Location.code))
    ).all()
    latest_basis, latest_open = _latest_assessments(session)
    summaries = []
    for location, organisation in locations:
        assert location.id is not None
        summaries.append(
            _summary(
                session,
                location,
                organisation.name,
                latest_basis.get(location.id),
                latest_open.get(location.id),
            )
        )
    return OverviewReport(tuple(summaries), planned_events(session), today)


def _latest_assessments(
    session: Session,
) -> tuple[dict[int, Assessment], dict[int, Assessment]]:
    basis: dict[int, Assessment] = {}
    open_: dict[int, Assessment] = {}
    for a in session.exec(
        select(Assessment).order_by(col(Assessment.started_on), col(Assessment.id))
    ):
        if a.status is AssessmentStatus.CLOSED and a.kind in BASIS_KINDS:
            basis[a.location_id] = a
        elif a.status is AssessmentStatus.OPEN:
            open_[a.location_id] = a
    return basis, open_


def _summary(
    session: Session,
    location: Location,
    organisation: str,
    basis: Assessment | None,
    open_: Assessment | None,
) -> LocationSummary:
    assert location.id is not None
    percent = outcome = basis_date = None
    if basis is not None:
        data = assessment_data(session, basis)
        judged = verdict(data.spec, data.results)
        percent, outcome = judged.score.overall.percent, judged.outcome
        basis_date = basis.closed_at.date() if basis.closed_at else basis.started_on
    answered = total = 0
    if open_ is not None:
        data = assessment_data(session, open_)
        tally = score(data.spec, data.results).overall
        answered, total = tally.answered, tally.total
    return LocationSummary(
        location=place(location),
        organisation=organisation,
        step=current_step(session, location.id),
        basis_percent=percent,
        basis_outcome=outcome,
        basis_date=basis_date,
        open_kind=open_.kind if open_ else None,
        open_answered=answered,
        open_total=total,
    )


def _photos(session: Session, assessment_id: int) -> tuple[PhotoRow, ...]:
    """The JPEG and PNG evidence photos of the assessment, by point (issue 15)."""
    from qaudit.services.evidence import photos

    return tuple(PhotoRow(v.point_id, v.name, data) for v, data in photos(session, assessment_id))
