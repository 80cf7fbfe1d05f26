"""The plan as people live it: a calendar per person, invitations, answers and workload.

* ``export_per_person`` writes one calendar per person (``<id>-<name>.ics``) and, with
  ``invitations``, one ``.eml`` per person and event carrying the calendar entry
  (METHOD:REQUEST or CANCEL, ORGANIZER, ATTENDEE, busy time), all from one read of the plan.
* ``respond`` records a person's answer; a declined event is planned again for that person's
  place on the next ``schedule plan`` (``schedule_inputs`` reads the answers).
* ``workload`` counts each person's events per month against their yearly maximum.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.enums import EventStatus, Role
from qaudit.domain.models import EventAssignment, Person, RoleAssignment, ScheduledEvent
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.files import check_output, write_bytes
from qaudit.i18n import _
from qaudit.scheduling.ics import Attendee, CalendarEvent, calendar
from qaudit.scheduling.invite import invitation
from qaudit.services import access, audit
from qaudit.services.schedule import calendar_events, redacted_events
from qaudit.services.schedule_inputs import PLANNED_KINDS
from qaudit.storage import transaction

RESPONSES = ("accepted", "declined")


@dataclass(frozen=True)
class PerPersonExport:
    calendars: int
    invitations: int
    events: int
    redactions: int
    without_email: tuple[str, ...] = ()
    """People who got a calendar but no invitation: no e-mail address is recorded."""


def export_per_person(
    engine: Engine,
    out_dir: Path,
    *,
    invitations: bool = False,
    organizer: Attendee,
    stamp: datetime | None = None,
) -> PerPersonExport:
    """A calendar per person with events (and invitations); one read, one pass."""
    when = stamp or datetime.now(UTC)
    with transaction(engine) as session:
        access.require_staff(session)
        events, redactions = redacted_events(calendar_events(session))
        people = _people(session)
        involved = _involvement(session)
    by_person: dict[int, list[CalendarEvent]] = defaultdict(list)
    for event in events:
        for person_id, _response in involved.get(event.uid, ()):
            by_person[person_id].append(_with_attendees(event, involved, people))
    _ensure_folder(out_dir)
    written = mailed = 0
    without_email: list[str] = []
    for person_id, own in sorted(by_person.items()):  # each person's own events
        person = people.get(person_id)
        if person is None:
            continue
        stem = f"{person_id}-{_slug(person.name)}"
        name = _("Kwaliteit@ planning of {name}").format(name=person.name)
        _write(out_dir / f"{stem}.ics", calendar(own, when, name))
        written += 1
        if not invitations:
            continue
        if not person.email:
            without_email.append(person.name)
            continue
        for event in own:
            message = invitation(
                event,
                person,
                organizer,
                when,
                subject=_invitation_subject(event),
                body=_invitation_body(event, person),
                calendar_name=name,
            )
            _write(out_dir / "invitations" / f"{stem}-{_slug(event.uid)}.eml", message)
            mailed += 1
    return PerPersonExport(written, mailed, len(events), redactions, tuple(without_email))


def _invitation_subject(event: CalendarEvent) -> str:
    if event.cancelled:
        return _("Cancelled: {summary} on {day}").format(summary=event.summary, day=event.on)
    return _("Invitation: {summary} on {day}").format(summary=event.summary, day=event.on)


def _invitation_body(event: CalendarEvent, person: Attendee) -> str:
    greeting = _("Dear {name},").format(name=person.name)
    if event.cancelled:
        lead = _("The following event has been cancelled:")
    else:
        lead = _("You are invited to the following event. Please accept or decline it.")
    return "\n\n".join((greeting, lead, event.summary, event.description))


def _with_attendees(
    event: CalendarEvent,
    involved: dict[str, list[tuple[int, str]]],
    people: dict[int, Attendee],
) -> CalendarEvent:
    attendees = tuple(
        replace(people[pid], response=answer)
        for pid, answer in involved.get(event.uid, ())
        if pid in people
    )
    return replace(event, attendees=attendees)


def _people(session: Session) -> dict[int, Attendee]:
    return {
        pid: Attendee(name, email or "")
        for pid, name, email in session.exec(select(Person.id, Person.name, Person.email))
        if pid is not None
    }


def _involvement(session: Session) -> dict[str, list[tuple[int, str]]]:
    """uid -> (person id, their answer) for every assigned person."""
    rows = session.exec(
        select(ScheduledEvent.uid, EventAssignment.person_id, EventAssignment.response)
        .join(EventAssignment, col(EventAssignment.event_id) == col(ScheduledEvent.id))
        .where(col(ScheduledEvent.kind).in_(PLANNED_KINDS))
        .order_by(col(EventAssignment.person_id))
    )
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for uid, person_id, response in rows:
        found[uid].append((person_id, response or ""))
    return found


def respond(
    engine: Engine, uid: str, person_id: int, answer: str, *, actor: str | None = None
) -> None:
    """Record ``person_id``'s answer (accepted / declined) to the event ``uid``."""
    if answer not in RESPONSES:
        raise QauditError(
            _("answer: expected one of {choices}, not {answer!r}").format(
                choices=", ".join(RESPONSES), answer=answer
            )
        )
    with transaction(engine) as session:
        access.require_staff(session)
        event = session.exec(select(ScheduledEvent).where(ScheduledEvent.uid == uid)).first()
        if event is None:
            raise NotFound(_("no scheduled event with uid {uid}").format(uid=uid))
        if event.status is not EventStatus.PLANNED:
            raise Refused(_("event {uid} is no longer planned").format(uid=uid))
        row = session.exec(
            select(EventAssignment).where(
                EventAssignment.event_id == event.id, EventAssignment.person_id == person_id
            )
        ).first()
        if row is None:
            raise NotFound(
                _("person {person} is not assigned to event {uid}").format(
                    person=person_id, uid=uid
                )
            )
        row.response, row.responded_at = answer, datetime.now(UTC)
        session.add(row)
        audit.log(
            session, "schedule_respond", "scheduledevent", event.id, actor, uid=uid,
            person=person_id, response=answer,
        )  # fmt: skip


@dataclass(frozen=True)
class Workload:
    person_id: int
    name: str
    maximum: int
    per_month: dict[str, int]
    """``YYYY-MM`` -> events that month."""
    per_year: dict[int, int]

    @property
    def over(self) -> tuple[int, ...]:
        """The years in which this person has more events than their maximum."""
        return tuple(year for year, count in sorted(self.per_year.items()) if count > self.maximum)


def workload(engine: Engine, *, start: date | None = None, months: int = 12) -> list[Workload]:
    """Each assessor's and peer visitor's planned events per month from ``start``."""
    first = (start or date.today()).replace(day=1)
    keys = [_month(first, n) for n in range(months)]
    with transaction(engine) as session:
        access.require_staff(session)
        counts: Counter[tuple[int, str]] = Counter()
        years: dict[int, Counter[int]] = defaultdict(Counter)
        rows = session.exec(
            select(col(EventAssignment.person_id), col(ScheduledEvent.planned_on))
            .join(ScheduledEvent, col(EventAssignment.event_id) == col(ScheduledEvent.id))
            .where(
                ScheduledEvent.status == EventStatus.PLANNED,
                col(ScheduledEvent.kind).in_(PLANNED_KINDS),
                col(EventAssignment.response) != "declined",
            )
        )
        for person_id, day in rows:
            if day is None:
                continue
            counts[(person_id, day.strftime("%Y-%m"))] += 1
            years[person_id][day.year] += 1
        involved = {
            pid
            for pid, role in session.exec(select(RoleAssignment.person_id, RoleAssignment.role))
            if Role(role) in (Role.ASSESSOR, Role.PEER_VISITOR)
        }
        people = session.exec(select(Person).order_by(col(Person.name))).all()
    return [
        Workload(
            p.id or 0,
            p.name,
            p.max_per_year,
            {key: counts[(p.id or 0, key)] for key in keys},
            dict(years.get(p.id or 0, {})),
        )
        for p in people
        if (p.id or 0) in involved
    ]


def _month(first: date, offset: int) -> str:
    year, month = divmod(first.month - 1 + offset, 12)
    return f"{first.year + year:04d}-{month + 1:02d}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower() or "x"


def _ensure_folder(folder: Path) -> None:
    try:
        (folder / "invitations").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        message = _("cannot write to {path}: {error}").format(path=folder, error=exc.strerror)
        raise QauditError(message) from None


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all, never over the database (``qaudit.files``)."""
    write_bytes(check_output(path), data)
