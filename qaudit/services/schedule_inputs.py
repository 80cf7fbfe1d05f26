"""Reading the planner's plain inputs from the database (used by ``services.schedule``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, col, select

from qaudit.domain.cycle import ROLLOUT_STEPS, gate
from qaudit.domain.enums import (
    AssessmentKind,
    AssessmentStatus,
    EventKind,
    EventStatus,
    Role,
    Step,
    StepStatus,
)
from qaudit.domain.models import (
    Absence,
    Assessment,
    ConflictOfInterest,
    CycleStep,
    EventAssignment,
    Location,
    Membership,
    Organisation,
    Person,
    RoleAssignment,
    ScheduledEvent,
)
from qaudit.scheduling import (
    AuditIn,
    ConflictIn,
    FixedEvent,
    Held,
    LocationIn,
    OrganisationIn,
    PersonIn,
    PlanInput,
    PlannerSettings,
)
from qaudit.services.cycle_states import cycle_states

PLANNED_KINDS = (EventKind.VISITATION, EventKind.CIRKEL)
ASSESSED_KINDS = (AssessmentKind.VISITATION, AssessmentKind.CIRKEL)
_HELD_KIND: dict[object, EventKind] = {
    **{kind: EventKind(kind.value) for kind in ASSESSED_KINDS},
    **{kind.value: EventKind(kind.value) for kind in ASSESSED_KINDS},
    **{kind: kind for kind in PLANNED_KINDS},
}
"""A held assessment's or event's kind (enum or stored value) as the planner's, by lookup."""


def load(session: Session, start: date, years: int, settings: PlannerSettings) -> PlanInput:
    org_of = dict(session.exec(select(Location.id, Location.organisation_id)).all())
    people = event_people(session)
    fixed, previous, days = _stored_plan(session, people)
    return PlanInput(
        start=start,
        years=years,
        locations=_locations(session, people),
        organisations=_organisations(session),
        people=_people(session),
        conflicts=_conflicts(session),
        audits=_audits(session, org_of, people),
        fixed=fixed,
        previous=previous,
        previous_days=days,
        used_uids=_used_uids(session),
        settings=with_absences(settings, session),
        declined=_declined(session),
    )


def _conflicts(session: Session) -> tuple[ConflictIn, ...]:
    rows = sa.select(
        col(ConflictOfInterest.person_id),
        col(ConflictOfInterest.organisation_id),
        col(ConflictOfInterest.kind),
        col(ConflictOfInterest.start_date),
        col(ConflictOfInterest.end_date),
    ).order_by(col(ConflictOfInterest.id))
    return tuple(ConflictIn(*row) for row in session.execute(rows))


def with_absences(settings: PlannerSettings, session: Session) -> PlannerSettings:
    """The settings' unavailable periods plus the absences recorded in the database."""
    periods = {person: list(spans) for person, spans in settings.unavailable.items()}
    absences = sa.select(
        col(Absence.person_id), col(Absence.start_date), col(Absence.end_date)
    ).order_by(col(Absence.start_date), col(Absence.id))
    for person_id, first, last in session.execute(absences):
        periods.setdefault(person_id, []).append((first, last))
    return replace(settings, unavailable={p: tuple(spans) for p, spans in periods.items()})


def _declined(session: Session) -> dict[str, frozenset[int]]:
    """uid -> the people who declined that planned event: the next plan goes without them."""
    found: dict[str, set[int]] = defaultdict(set)
    for uid, person in session.exec(
        select(ScheduledEvent.uid, EventAssignment.person_id)
        .join(ScheduledEvent, col(EventAssignment.event_id) == col(ScheduledEvent.id))
        .where(
            EventAssignment.response == "declined",
            ScheduledEvent.status == EventStatus.PLANNED,
        )
    ):
        found[uid].add(person)
    return {uid: frozenset(people) for uid, people in found.items()}


def event_people(session: Session) -> dict[int, tuple[int, ...]]:
    """event id -> the people assigned to it."""
    people: dict[int, list[int]] = defaultdict(list)
    for event_id, person_id in session.exec(
        select(EventAssignment.event_id, EventAssignment.person_id).order_by(
            col(EventAssignment.person_id)
        )
    ):
        people[event_id].append(person_id)
    return {event: tuple(ids) for event, ids in people.items()}


def _organisations(session: Session) -> tuple[OrganisationIn, ...]:
    periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for organisation_id, start, end in session.execute(
        sa.select(
            col(Membership.organisation_id), col(Membership.start_date), col(Membership.end_date)
        ).order_by(col(Membership.id))
    ):
        periods[organisation_id].append((start, end))
    return tuple(
        OrganisationIn(oid, name, region, tuple(periods[oid]))
        for oid, name, region in session.execute(
            sa.select(
                col(Organisation.id), col(Organisation.name), col(Organisation.region)
            ).order_by(col(Organisation.id))
        )
    )


def _people(session: Session) -> tuple[PersonIn, ...]:
    roles: dict[int, set[Role]] = defaultdict(set)
    for person_id, role in session.exec(select(RoleAssignment.person_id, RoleAssignment.role)):
        roles[person_id].add(Role(role))
    people = sa.select(
        col(Person.id),
        col(Person.name),
        col(Person.organisation_id),
        col(Person.region),
        col(Person.max_per_year),
    ).order_by(col(Person.id))
    return tuple(
        PersonIn(
            pid,
            name,
            organisation_id,
            region,
            max_per_year,
            assessor=Role.ASSESSOR in roles[pid],
            peer_visitor=Role.PEER_VISITOR in roles[pid],
        )
        for pid, name, organisation_id, region, max_per_year in session.execute(people)
        if roles[pid] & {Role.ASSESSOR, Role.PEER_VISITOR}
    )


def _locations(session: Session, people: dict[int, tuple[int, ...]]) -> tuple[LocationIn, ...]:
    done: dict[int, dict[int, date | None]] = defaultdict(dict)
    finished = sa.select(
        col(CycleStep.location_id), col(CycleStep.step), col(CycleStep.completed_on)
    ).where(col(CycleStep.status) == StepStatus.DONE)
    for location_id, step, completed_on in session.execute(finished):
        done[location_id][step] = completed_on
    history = _history(session)
    states = cycle_states(session)
    result = []
    places = sa.select(
        col(Location.id),
        col(Location.organisation_id),
        col(Location.code),
        col(Location.name),
        col(Location.region),
    ).order_by(col(Location.id))
    for lid, organisation_id, code, name, region in session.execute(places):
        state = states[lid]
        blocked = gate(Step.VISITATION, state)
        dates = [done[lid].get(int(s)) for s in ROLLOUT_STEPS]
        rollout = max((d for d in dates if d), default=None) if state.rollout_done else None
        result.append(
            LocationIn(
                lid,
                organisation_id,
                code,
                name,
                region,
                rollout,
                blocked.reason,
                tuple(history.get(lid, ())),
            )
        )
    return tuple(result)


def _history(session: Session) -> dict[int, list[Held]]:
    """Visitations and Cirkels that took place: assessments, and events marked done."""
    history: dict[int, list[Held]] = defaultdict(list)
    linked: set[int] = set()
    assessed = sa.select(
        col(Assessment.id),
        col(Assessment.location_id),
        col(Assessment.kind),
        col(Assessment.started_on),
        col(Assessment.visiting_organisation_id),
    ).where(
        col(Assessment.kind).in_(ASSESSED_KINDS),
        col(Assessment.status) != AssessmentStatus.CANCELLED,
    )
    for aid, location_id, kind, started_on, peer in session.execute(assessed):
        history[location_id].append(Held(_HELD_KIND[kind], started_on, peer))
        linked.add(aid)
    held = sa.select(
        col(ScheduledEvent.location_id),
        col(ScheduledEvent.kind),
        col(ScheduledEvent.planned_on),
        col(ScheduledEvent.window_start),
        col(ScheduledEvent.visiting_organisation_id),
        col(ScheduledEvent.assessment_id),
    ).where(
        col(ScheduledEvent.status) == EventStatus.DONE, col(ScheduledEvent.kind).in_(PLANNED_KINDS)
    )
    for location_id, kind, planned_on, window_start, peer, assessment_id in session.execute(held):
        day = planned_on or window_start
        if day and (assessment_id is None or assessment_id not in linked):
            history[location_id].append(Held(_HELD_KIND[kind], day, peer))
    return history


def _audits(
    session: Session, org_of: dict[int | None, int], people: dict[int, tuple[int, ...]]
) -> tuple[AuditIn, ...]:
    """Who assessed which organisation when: assessments they led, events they were on."""
    led = select(
        col(Assessment.lead_person_id), col(Assessment.location_id), col(Assessment.started_on)
    ).where(
        col(Assessment.lead_person_id).is_not(None),
        col(Assessment.status) != AssessmentStatus.CANCELLED,
    )
    audits = [
        AuditIn(person, org_of[location_id], started_on)
        for person, location_id, started_on in session.exec(led)
        if person is not None
    ]
    assessed = select(
        col(ScheduledEvent.id),
        col(ScheduledEvent.location_id),
        col(ScheduledEvent.planned_on),
        col(ScheduledEvent.window_start),
    ).where(
        ScheduledEvent.status == EventStatus.DONE,
        col(ScheduledEvent.kind) != EventKind.VISITATION,
    )
    for event_id, location_id, planned_on, window_start in session.exec(assessed):
        day = planned_on or window_start
        if day is not None:
            audits += [AuditIn(p, org_of[location_id], day) for p in people.get(event_id or 0, ())]
    return tuple(audits)


def _used_uids(session: Session) -> frozenset[str]:
    """uids of events that were held or missed: history, never to be re-planned."""
    done = (EventStatus.DONE, EventStatus.MISSED)
    return frozenset(
        session.exec(select(ScheduledEvent.uid).where(col(ScheduledEvent.status).in_(done))).all()
    )


def _stored_plan(
    session: Session, people: dict[int, tuple[int, ...]]
) -> tuple[tuple[FixedEvent, ...], dict[str, tuple[int | None, tuple[int, ...]]], dict[str, date]]:
    """The kept (manual) events, and the planner's own stored assignments and days by uid."""
    fixed: list[FixedEvent] = []
    previous: dict[str, tuple[int | None, tuple[int, ...]]] = {}
    days: dict[str, date] = {}
    rows = (
        sa.select(
            col(ScheduledEvent.id),
            col(ScheduledEvent.uid),
            col(ScheduledEvent.location_id),
            col(ScheduledEvent.kind),
            col(ScheduledEvent.planned_on),
            col(ScheduledEvent.window_start),
            col(ScheduledEvent.due_year),
            col(ScheduledEvent.manual),
            col(ScheduledEvent.visiting_organisation_id),
        )
        .where(
            col(ScheduledEvent.status) == EventStatus.PLANNED,
            col(ScheduledEvent.kind).in_(PLANNED_KINDS),
        )
        .order_by(col(ScheduledEvent.id))
    )
    for (
        eid,
        uid,
        location_id,
        kind,
        planned_on,
        window_start,
        due_year,
        manual,
        peer,
    ) in session.execute(rows):
        assigned = people.get(eid, ())
        day = planned_on or window_start or (date(due_year, 7, 1) if due_year else None)
        if manual and day is not None:
            fixed.append(FixedEvent(uid, location_id, EventKind(kind), day, peer, assigned))
        elif not manual:
            previous[uid] = (peer, assigned)
            if planned_on is not None:
                days[uid] = planned_on
    return tuple(fixed), previous, days
