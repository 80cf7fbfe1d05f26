"""The cycle planner as use cases: propose a plan, store it, keep manual overrides, export ICS.

The planning itself is ``qaudit.scheduling`` (pure); this module reads its inputs from the
database (``schedule_inputs``) and writes an applied plan as ``ScheduledEvent`` +
``EventAssignment`` rows with stable uids, in one transaction.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session, col, delete, select

from qaudit.config import Settings
from qaudit.domain.enums import EventKind, EventStatus
from qaudit.domain.models import (
    AuditLog,
    EventAssignment,
    Location,
    Organisation,
    Person,
    ScheduledEvent,
)
from qaudit.errors import NotFound, QauditError
from qaudit.files import check_output, require_suffix, write_bytes
from qaudit.i18n import _
from qaudit.scheduling import Plan, PlannerSettings, plan, planner_settings
from qaudit.scheduling import PlannedEvent as PlannedEvent  # re-exported for the planner screen
from qaudit.scheduling.explain import Names, kind_label
from qaudit.scheduling.ics import CalendarEvent, calendar
from qaudit.services import access, audit
from qaudit.services.schedule_due import overdue_of
from qaudit.services.schedule_inputs import PLANNED_KINDS, event_people, load
from qaudit.services.schedule_store import plan_changes, store_plan
from qaudit.storage import transaction

MAX_YEARS = 30


@dataclass(frozen=True)
class Proposal:
    plan: Plan
    names: Names
    stored: frozenset[str]
    """uids of the events already stored as planned."""
    overdue: int = 0
    """Overdue visitations and Cirkels (``schedule_due``: the dashboard's figure too)."""


@dataclass(frozen=True)
class Applied:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0


def settings_of(settings: Settings) -> PlannerSettings:
    return planner_settings(settings.planner, source="config.toml")


def propose(
    engine: Engine, settings: Settings, *, years: int, start: date | None = None
) -> Proposal:
    """The plan for ``years`` calendar years from ``start`` (today), without writing."""
    if not 1 <= years <= MAX_YEARS:
        raise QauditError(
            _("--years must be between 1 and {most}, not {years}").format(
                most=MAX_YEARS, years=years
            )
        )
    with transaction(engine) as session:
        access.require_staff(session)  # planning sees every location
        data = load(session, start or date.today(), years, settings_of(settings))
        stored = frozenset(
            session.exec(
                select(ScheduledEvent.uid).where(ScheduledEvent.status == EventStatus.PLANNED)
            ).all()
        )
        return Proposal(plan(data), names(session), stored, overdue_of(data))


def names(session: Session) -> Names:
    """Every location's, organisation's and person's display name (three Core selects)."""
    places = sa.select(col(Location.id), col(Location.code), col(Location.name), col(Location.city))
    return Names(
        locations={lid: (code, name, city) for lid, code, name, city in session.execute(places)},
        organisations={
            oid: name
            for oid, name in session.execute(
                sa.select(col(Organisation.id), col(Organisation.name))
            )
        },
        people={
            pid: name for pid, name in session.execute(sa.select(col(Person.id), col(Person.name)))
        },
    )


def apply(engine: Engine, proposal: Proposal, *, actor: str | None = None) -> Applied:
    """Store ``proposal``: the planner's events created or updated by uid, its stale ones
    cancelled; manual, held and missed events are left as they are. One transaction, in
    bulk statements (``schedule_store``)."""
    with transaction(engine) as session:
        access.require_staff(session)
        who = actor or audit.current_actor(session)
        counts = store_plan(session, proposal.plan.events, event_people(session), who)
        audit.log(session, "schedule_apply", "schedule", None, who, **counts)
    return Applied(**counts)


def changes(engine: Engine, proposal: Proposal) -> Applied:
    """What :func:`apply` would store for ``proposal``, without writing (for a confirmation)."""
    with transaction(engine) as session:
        access.require_staff(session)
        counts = plan_changes(session, proposal.plan.events, event_people(session))
    return Applied(
        **{k: counts.get(k, 0) for k in ("created", "updated", "unchanged", "cancelled")}
    )


def keep(
    engine: Engine,
    uid: str,
    *,
    on: date,
    visiting_organisation_id: int | None = None,
    person_ids: tuple[int, ...] | None = None,
    actor: str | None = None,
) -> ScheduledEvent:
    """Make a stored event a manual override: the planner keeps it (re-checking it) from now."""
    with transaction(engine) as session:
        access.require_staff(session)
        row = _event(session, uid)
        row.manual, row.planned_on, row.due_year = True, on, on.year
        row.window_start, row.window_end = date(on.year, 1, 1), date(on.year, 12, 31)
        row.status = EventStatus.PLANNED
        if visiting_organisation_id is not None:
            if session.get(Organisation, visiting_organisation_id) is None:
                raise NotFound(
                    _("no organisation with id {id}").format(id=visiting_organisation_id)
                )
            row.visiting_organisation_id = visiting_organisation_id
        session.add(row)
        if person_ids is not None:
            _reassign(session, row, person_ids)
        audit.log(
            session,
            "schedule",
            "scheduledevent",
            row.id,
            actor,
            uid=uid,
            manual=True,
            on=on.isoformat(),
            organisation=row.visiting_organisation_id,
            people=list(person_ids or ()),
        )
        return row


def release(engine: Engine, uid: str, *, actor: str | None = None) -> None:
    """Hand a manual event back to the planner."""
    with transaction(engine) as session:
        access.require_staff(session)
        row = _event(session, uid)
        row.manual = False
        session.add(row)
        audit.log(session, "schedule_release", "scheduledevent", row.id, actor, uid=uid)


def _event(session: Session, uid: str) -> ScheduledEvent:
    row = session.exec(select(ScheduledEvent).where(ScheduledEvent.uid == uid)).first()
    if row is None:
        raise NotFound(_("no scheduled event with uid {uid}").format(uid=uid))
    return row


def _reassign(session: Session, row: ScheduledEvent, person_ids: tuple[int, ...]) -> None:
    for pid in person_ids:
        if session.get(Person, pid) is None:
            raise NotFound(_("no person with id {id}").format(id=pid))
    session.flush()
    session.execute(delete(EventAssignment).where(col(EventAssignment.event_id) == row.id))
    role = "peer_visitor" if row.kind is EventKind.VISITATION else "assessor"
    session.add_all(
        EventAssignment(event_id=row.id or 0, person_id=p, role=role)
        for p in sorted(set(person_ids))
    )


def export_ics(
    engine: Engine,
    out: Path,
    *,
    person_id: int | None = None,
    location_id: int | None = None,
    stamp: datetime | None = None,
) -> int:
    """Write the stored events (of one person or one location, or all) to ``out``."""
    return export_calendar(
        engine, out, person_id=person_id, location_id=location_id, stamp=stamp
    ).events


@dataclass(frozen=True)
class CalendarExport:
    events: int
    redactions: int = 0
    """Pieces of personal data replaced by […] in summaries, places and descriptions."""


def export_calendar(
    engine: Engine,
    out: Path,
    *,
    person_id: int | None = None,
    location_id: int | None = None,
    stamp: datetime | None = None,
) -> CalendarExport:
    """:func:`export_ics`, telling also how many redactions were made. The file must be named
    ``*.ics``; it is written whole or not at all."""
    out = check_output(require_suffix(out, ".ics", _("a calendar file")))
    with transaction(engine) as session:
        if person_id is not None and session.get(Person, person_id) is None:
            raise NotFound(_("no person with id {id}").format(id=person_id))
        if location_id is not None:
            access.require_location(session, location_id)
            if session.get(Location, location_id) is None:
                raise NotFound(_("no location with id {id}").format(id=location_id))
        events = calendar_events(session, person_id=person_id, location_id=location_id)
        if person_id is None:  # issue 12: the evaluation rhythm (nobody is assigned to it)
            from qaudit.services.voice_calendar import evaluation_events

            events += evaluation_events(session, location_id, date.today())
    events, redactions = redacted_events(events)
    data = calendar(events, stamp or datetime.now(UTC), name=_("Kwaliteit@ planning"))
    write_bytes(out, data)
    return CalendarExport(len(events), redactions)


def redacted_events(events: list[CalendarEvent]) -> tuple[list[CalendarEvent], int]:
    """The events with personal data in their texts replaced by ``[…]``, and the count."""
    from qaudit.domain.privacy import redact  # only when a calendar is written

    seen: dict[str, Any] = {}  # a location's name and summary recur in each of its events

    def checked(text: str) -> Any:
        found = seen.get(text)
        if found is None:
            found = seen[text] = redact(text)
        return found

    out, count = [], 0
    for event in events:
        summary, where, description = (
            checked(t) for t in (event.summary, event.location, event.description)
        )
        count += summary.count + where.count + description.count
        out.append(
            replace(event, summary=summary.text, location=where.text, description=description.text)
        )
    return out, count


def calendar_events(
    session: Session, *, person_id: int | None = None, location_id: int | None = None
) -> list[CalendarEvent]:
    """The stored visitations and Cirkels; SEQUENCE counts the revisions since creation."""
    query = select(ScheduledEvent).where(
        col(ScheduledEvent.kind).in_(PLANNED_KINDS),
        col(ScheduledEvent.status) != EventStatus.MISSED,
    )
    if location_id is not None:
        query = query.where(ScheduledEvent.location_id == location_id)
    people = event_people(session)
    allowed = access.scope(session)
    rows = [
        e
        for e in session.exec(query.order_by(col(ScheduledEvent.id)))
        if (person_id is None or person_id in people.get(e.id or 0, ()))
        and allowed.can_read_location(e.location_id)
    ]
    revisions = Counter(
        session.exec(
            select(AuditLog.entity_id).where(
                AuditLog.action == "schedule", AuditLog.entity == "scheduledevent"
            )
        ).all()
    )
    known = names(session)
    return [
        _calendar_event(e, people.get(e.id or 0, ()), revisions[e.id], known)
        for e in rows
        if e.planned_on or e.window_start
    ]


def _calendar_event(
    e: ScheduledEvent, people: tuple[int, ...], sequence: int, known: Names
) -> CalendarEvent:
    code, name, city = known.locations.get(e.location_id, ("", "", ""))
    lines = [_("Location: {code} {name}").format(code=code, name=name)]
    if e.visiting_organisation_id is not None:
        lines.append(
            _("Visiting organisation: {name}").format(
                name=known.organisation(e.visiting_organisation_id)
            )
        )
    if people:
        assigned = ", ".join(known.person(p) for p in people)
        lines.append(_("Assigned: {names}").format(names=assigned))
    if e.window_start and e.window_end:
        lines.append(_("Window: {start} to {end}").format(start=e.window_start, end=e.window_end))
    day = e.planned_on or e.window_start
    assert day is not None
    return CalendarEvent(
        uid=e.uid,
        on=day,
        summary=f"{kind_label(e.kind)}: {name}",
        location=", ".join(x for x in (name, city) if x),
        description="\n".join(lines),
        sequence=sequence,
        cancelled=e.status is EventStatus.CANCELLED,
    )
