"""The dashboard: every location with its step, Basis op orde verdict and next event.

Built for thousands of locations with years of history, in a handful of set-based queries
whose size grows with the number of locations, never with the number of answers: a closed
assessment never changes, so its verdict and score are read as recorded when it was closed
(``Assessment.outcome`` / ``score_percent``, one row per location). Whether an event is
overdue is decided by :func:`qaudit.domain.events.is_overdue`, as the planner decides it.

The queries are plain SQL with ``:name`` parameters, run through a :data:`Read` function,
so the terminal UI can read a SQLite file with the standard library's ``sqlite3`` before
SQLAlchemy is even imported (start-up time), and anything else through an engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from qaudit.domain.cycle import CycleState
from qaudit.domain.enums import EventKind, Step, StepStatus
from qaudit.domain.events import as_date, due_on, is_overdue, kept_day
from qaudit.domain.next_step import HOLDS, Facts, is_held, next_action
from qaudit.domain.verdict import Outcome
from qaudit.services import schedule_due, voice_due
from qaudit.services.dashboard_next import NextFacts, next_facts
from qaudit.services.dashboard_row import DashboardRow

Read = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]
"""Run one SELECT with named parameters and return its rows."""

BASIS_KINDS = ("audit_visit", "cirkel")
PLANNED_KINDS = (EventKind.VISITATION, EventKind.CIRKEL)


def dashboard_rows(
    read: Read, today: date, visible: frozenset[int] | None = None
) -> list[DashboardRow]:
    """All locations (or the ``visible`` ones), ordered by code."""
    steps = _current_steps(read)
    verdicts = _basis_verdicts(read)
    facts = next_facts(read)
    events = _next_events(read, today, facts)
    people = _assigned_people(read)
    first = CycleState().current_step  # a location without recorded steps
    rhythms = voice_due.rhythms(read, today)
    late = schedule_due.overdue_by_location(read, today)
    rows = []
    for loc_id, code, name, org, city, region in read(_LOCATIONS, {}):
        if visible is not None and loc_id not in visible:
            continue
        percent, outcome = verdicts.get(loc_id, (None, None))
        kind, due, overdue = events.get(loc_id, (None, None, False))
        if kind in PLANNED_KINDS:
            overdue = False  # a visitation or Cirkel is overdue as the planner decides it:
        if loc_id in late and not overdue:  # then the overdue one is what to act on
            kind, due, overdue = late[loc_id][0].kind, late[loc_id][0].window_end, True
        step = steps.get(loc_id, first)
        work = facts.work.get(loc_id)
        next_step = next_action(
            Facts(
                step,
                outcome,
                facts.self_evaluation_closed.get(loc_id, False),
                facts.mt_decisions.get(loc_id),
                work,
                kind,
                tuple(sorted(people.get(loc_id, ()))),
            )
        )
        rows.append(
            DashboardRow(
                loc_id,
                code,
                name,
                org,
                city or "",
                region or "",
                step,
                percent,
                outcome,
                kind,
                due,
                overdue,
                tuple(sorted(people.get(loc_id, ()))),
                tuple(voice_due.needing_attention(rhythms.get(loc_id, []))),
                next_step,
                work,
            )
        )
    return rows


_LOCATIONS = """
SELECT l.id, l.code, l.name, o.name, l.city, l.region
FROM location l JOIN organisation o ON o.id = l.organisation_id
ORDER BY l.code"""


def _current_steps(read: Read) -> dict[int, Step]:
    """Per location with recorded steps: its current step (the first one not done)."""
    by_number = {int(step): step for step in Step}
    done: dict[int, set[Step]] = {}
    sql = "SELECT location_id, step FROM cyclestep WHERE status = :done"
    for location_id, step in read(sql, {"done": StepStatus.DONE.value}):
        done.setdefault(location_id, set()).add(by_number[step])
    known: dict[frozenset[Step], Step] = {}  # few distinct combinations among thousands
    current = {}
    for location_id, steps in done.items():
        key = frozenset(steps)
        if key not in known:
            known[key] = CycleState(steps=dict.fromkeys(key, StepStatus.DONE)).current_step
        current[location_id] = known[key]
    return current


def _next_events(
    read: Read, today: date, facts: NextFacts
) -> dict[int, tuple[EventKind, date | None, bool]]:
    """Per location: the planned event to act on first (an overdue one, else the one due
    first), when it is due, and whether it is overdue. A visit whose assessment was
    started is held, not still to come (:func:`qaudit.domain.next_step.is_held`). A
    visitation or Cirkel is due as the planner decides (:mod:`qaudit.services.schedule_due`):
    by the end of its due year (the window around its planned day is the slot the planner
    chose, which it moves when the day passes), or on its day when it was planned by hand."""
    sql = (
        "SELECT location_id, kind, planned_on, window_end, due_year, window_start, "
        "assessment_id, manual FROM scheduledevent WHERE status = 'planned'"
    )
    best: dict[int, tuple[EventKind, date | None, bool]] = {}
    for location_id, kind, planned, window, due_year, start, linked, manual in read(sql, {}):
        held_by = HOLDS.get(EventKind(kind))
        if held_by is not None:
            started = facts.started.get((location_id, held_by.value))
            ever = [started] if started else []
            if is_held(as_date(start), due_year, linked is not None, ever, as_date(planned)):
                continue
        planned_on, end = as_date(planned), as_date(window)
        event_kind = EventKind(kind)
        if event_kind in PLANNED_KINDS:  # due as the planner decides (schedule_due)
            if manual:  # a kept event is due on its day
                planned_on = kept_day(planned, start, due_year)
                end, due_year = None, None
            elif due_year:  # by the end of its due year; the window is the slot chosen
                end = None
        event = (
            event_kind,
            due_on(planned_on, end, due_year),
            is_overdue(today, planned_on, end, due_year),
        )
        current = best.get(location_id)
        if current is None or _urgency(event) < _urgency(current):
            best[location_id] = event
    return best


def _urgency(event: tuple[EventKind, date | None, bool]) -> tuple[bool, date]:
    return not event[2], event[1] or date.max


def _assigned_people(read: Read) -> dict[int, set[str]]:
    sql = (
        "SELECT e.location_id, p.name FROM eventassignment a "
        "JOIN scheduledevent e ON e.id = a.event_id JOIN person p ON p.id = a.person_id "
        "WHERE e.status = 'planned'"
    )
    people: dict[int, set[str]] = {}
    for location_id, name in read(sql, {}):
        people.setdefault(location_id, set()).add(name)
    return people


_RECORDED = f"""
SELECT location_id, outcome, score_percent FROM (
  SELECT location_id, outcome, score_percent,
         ROW_NUMBER() OVER (PARTITION BY location_id ORDER BY closed_at DESC, id DESC) AS rn
  FROM assessment
  WHERE status = 'closed' AND kind IN ({", ".join(f"'{k}'" for k in BASIS_KINDS)})
) ranked WHERE rn = 1"""


def _basis_verdicts(read: Read) -> dict[int, tuple[float | None, Outcome | None]]:
    """Per location: the verdict and score recorded when its latest audit visit or Cirkel
    check was closed (one row per location; the answers are not read)."""
    return {
        location_id: (score, Outcome(outcome) if outcome else None)
        for location_id, outcome, score in read(_RECORDED, {})
    }


def sqlite_reader(path: str) -> tuple[Read, Callable[[], None]]:
    """A read-only reader over a SQLite file with the standard library (fast to import)."""
    import sqlite3

    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)

    def read(sql: str, params: Mapping[str, object]) -> Sequence[Sequence[Any]]:
        return connection.execute(sql, dict(params)).fetchall()

    return read, connection.close


def engine_reader(engine: Any) -> Read:
    """A reader over a SQLAlchemy engine (any database)."""
    from sqlalchemy import text

    def read(sql: str, params: Mapping[str, object]) -> Sequence[Sequence[Any]]:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), dict(params))]

    return read


def rows_for(engine: Any, today: date) -> list[DashboardRow]:
    """The dashboard of the current login: only the locations it may read."""
    from qaudit.services.access import visible_locations_of

    return dashboard_rows(engine_reader(engine), today, visible_locations_of(engine))


def sqlite_rows(read: Read, today: date) -> list[DashboardRow]:
    """The dashboard over a SQLite file read with ``sqlite3``, scoped as on any database."""
    from qaudit.services.access_read import visible_via

    return dashboard_rows(read, today, visible_via(read, today))
