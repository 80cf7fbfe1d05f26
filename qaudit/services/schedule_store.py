"""Storing an applied plan, set-based: a handful of statements whatever the plan's size.

The planner's events are matched to the stored rows by uid; new ones are inserted, changed
ones updated (and their people replaced), vanished planned ones cancelled, each with its
audit-log entry, all in bulk statements. Kept (manual), held and missed rows are never
touched. ``apply`` of 25,000 locations' ten-year plan is a few bulk statements, not 170,000
round trips with a flush each.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Table, delete, insert, select, update
from sqlmodel import Session, SQLModel, col

from qaudit.domain.enums import EventKind, EventStatus
from qaudit.domain.models import EventAssignment, ScheduledEvent
from qaudit.domain.models._base import utcnow
from qaudit.scheduling import PlannedEvent

CHUNK = 5_000
"""Ids per ``IN (...)`` list: below SQLite's and PostgreSQL's parameter limits."""
PLANNED_KINDS = (EventKind.VISITATION, EventKind.CIRKEL)
T = TypeVar("T")


@dataclass(frozen=True)
class StoredRow:
    id: int
    status: EventStatus
    manual: bool
    values: tuple[object, ...]
    people: tuple[int, ...]


def store_plan(
    session: Session, events: Sequence[PlannedEvent], people: dict[int, tuple[int, ...]], actor: str
) -> Counter[str]:
    """Write ``events`` (the planner's own, not the manual ones); return the counts."""
    _rows, counts, new, changed, cancelled = _classify(session, events, people)

    now = utcnow()
    for batch in _batches(new):  # in batches: 25,000 locations' plan is 240,000 rows
        created = _insert(session, batch)
        _insert_people(session, created)
        _log(session, [_entry(now, actor, "schedule_create", eid, e) for eid, e in created])
    for pairs in _batches(changed):
        _delete_people(session, [event_id for event_id, _event in pairs])
        _insert_people(session, pairs)
        _update(session, pairs)
        _log(session, [_entry(now, actor, "schedule", eid, e) for eid, e in pairs])
    for gone in _batches(cancelled):
        session.execute(
            update(ScheduledEvent)
            .where(col(ScheduledEvent.id).in_([event_id for _uid, event_id in gone]))
            .values(status=EventStatus.CANCELLED)
        )
        _log(
            session,
            [
                {
                    "at": now,
                    "actor": actor,
                    "action": "schedule",
                    "entity": "scheduledevent",
                    "entity_id": event_id,
                    "detail": {"uid": uid, "status": "cancelled"},
                }
                for uid, event_id in gone
            ],
        )
    counts.update(created=len(new), updated=len(changed), cancelled=len(cancelled))
    return counts


def _log(session: Session, entries: list[dict[str, Any]]) -> None:
    if entries:
        session.connection().execute(insert(_table("auditlog")), entries)


def plan_changes(
    session: Session, events: Sequence[PlannedEvent], people: dict[int, tuple[int, ...]]
) -> Counter[str]:
    """What :func:`store_plan` would do, without writing: created, updated, unchanged and
    cancelled counts (for a confirmation before ``apply``)."""
    _rows, counts, new, changed, cancelled = _classify(session, events, people)
    counts.update(created=len(new), updated=len(changed), cancelled=len(cancelled))
    return counts


def _classify(
    session: Session, events: Sequence[PlannedEvent], people: dict[int, tuple[int, ...]]
) -> tuple[
    dict[str, StoredRow],
    Counter[str],
    list[PlannedEvent],
    list[tuple[int, PlannedEvent]],
    list[tuple[str, int]],
]:
    """The stored rows; and the plan's events as new, changed (or unchanged: counted), and
    the stored planned rows the plan no longer has (to cancel)."""
    rows = _stored(session, people)
    counts: Counter[str] = Counter()
    new: list[PlannedEvent] = []
    changed: list[tuple[int, PlannedEvent]] = []
    wanted: set[str] = set()
    for event in events:
        row = rows.get(event.uid)
        if event.manual or (row is not None and (row.manual or row.status in _HISTORY)):
            continue
        wanted.add(event.uid)
        if row is None:
            new.append(event)
        elif (
            row.status is EventStatus.PLANNED
            and row.values == _values(event)
            and (row.people == event.person_ids)
        ):
            counts["unchanged"] += 1
        else:
            changed.append((row.id, event))
    cancelled = [
        (uid, row.id)
        for uid, row in rows.items()
        if not row.manual and row.status is EventStatus.PLANNED and uid not in wanted
    ]
    return rows, counts, new, changed, cancelled


_HISTORY = (EventStatus.DONE, EventStatus.MISSED)
_FIELDS = ("due_year", "window_start", "window_end", "planned_on", "visiting_organisation_id")


def _values(event: PlannedEvent) -> tuple[object, ...]:
    return (
        event.due_year,
        event.window_start,
        event.window_end,
        event.on,
        event.visiting_organisation_id,
    )


def _stored(session: Session, people: dict[int, tuple[int, ...]]) -> dict[str, StoredRow]:
    table = ScheduledEvent
    query = select(
        col(table.uid),
        col(table.id),
        col(table.status),
        col(table.manual),
        *(col(getattr(table, name)) for name in _FIELDS),
    ).where(col(table.kind).in_(PLANNED_KINDS))
    return {
        uid: StoredRow(
            event_id, EventStatus(status), bool(manual), tuple(values), people.get(event_id, ())
        )
        for uid, event_id, status, manual, *values in session.execute(query)
    }


def _insert(session: Session, events: Sequence[PlannedEvent]) -> list[tuple[int, PlannedEvent]]:
    """Insert ``events``; their new ids, in order (``RETURNING``, in bulk on both engines)."""
    if not events:
        return []
    by_uid = {event.uid: event for event in events}
    rows = [
        {
            "uid": event.uid,
            "location_id": event.location_id,
            "kind": event.kind,
            "status": EventStatus.PLANNED,
            "manual": False,
            "note": "",
            **dict(zip(_FIELDS, _values(event), strict=True)),
        }
        for event in events
    ]
    table = _table("scheduledevent")  # Core, not the ORM's per-row bulk bookkeeping
    returned = session.connection().execute(insert(table).returning(table.c.id, table.c.uid), rows)
    return [(event_id, by_uid[uid]) for event_id, uid in returned]


def _update(session: Session, changed: Sequence[tuple[int, PlannedEvent]]) -> None:
    if changed:
        session.execute(
            update(ScheduledEvent),  # by primary key, executemany
            [
                {
                    "id": event_id,
                    "status": EventStatus.PLANNED,
                    **dict(zip(_FIELDS, _values(e), strict=True)),
                }
                for event_id, e in changed
            ],
        )


def _delete_people(session: Session, ids: list[int]) -> None:
    if ids:
        session.execute(delete(EventAssignment).where(col(EventAssignment.event_id).in_(ids)))


def _insert_people(session: Session, events: Sequence[tuple[int, PlannedEvent]]) -> None:
    assignments = [
        {
            "event_id": event_id,
            "person_id": person,
            "role": "peer_visitor" if event.kind is EventKind.VISITATION else "assessor",
        }
        for event_id, event in events
        for person in event.person_ids
    ]
    if assignments:
        session.connection().execute(insert(_table("eventassignment")), assignments)


def _entry(
    now: datetime, actor: str, action: str, event_id: int, event: PlannedEvent
) -> dict[str, Any]:
    return {
        "at": now,
        "actor": actor,
        "action": action,
        "entity": "scheduledevent",
        "entity_id": event_id,
        "detail": {
            "uid": event.uid,
            "on": event.on.isoformat(),
            "organisation": event.visiting_organisation_id,
            "people": list(event.person_ids),
        },
    }


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _batches(items: Sequence[T]) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``CHUNK`` (each also fits an ``IN (...)`` list)."""
    for first in range(0, len(items), CHUNK):
        yield items[first : first + CHUNK]
