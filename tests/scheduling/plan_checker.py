"""An independent check of a plan (``qaudit schedule plan --json``) against the database it
was made from, written without the planner's code: it reads the plan's JSON and the
database's rows, and counts what breaks the rules. An event the planner itself reports (its
``violations`` are not empty) is counted as reported, not as broken."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Findings:
    events: int
    double_bookings: int
    """A person on two events on one day."""
    absent: int
    """A person booked on a day inside one of their absences."""
    not_independent: int
    """A visitation by the location's own organisation, a visitor from another organisation
    than the visiting one, or an assessor from the location's organisation or with a declared
    conflict of interest with it on that day."""
    alternation: int
    """Two planned events of a location that do not alternate (visitation, Cirkel, …), or
    the second not due the year after the first was held (a late one moves the rhythm)."""
    reported: int
    """Events the planner itself reports a violation on."""

    @property
    def broken(self) -> int:
        return self.double_bookings + self.absent + self.not_independent + self.alternation


def check(plan_json: str, database: Path) -> Findings:
    events = [e for e in json.loads(plan_json)["events"] if e["kind"] in ("visitation", "cirkel")]
    rows = _rows(database)
    reported = sum(1 for e in events if e["violations"])
    quiet = [e for e in events if not e["violations"]]
    return Findings(
        len(events),
        _double_bookings(events),
        sum(_absent(e, rows) for e in quiet),
        sum(_not_independent(e, rows) for e in quiet),
        _alternation(events),
        reported,
    )


@dataclass(frozen=True)
class _Rows:
    organisation_of_location: dict[int, int]
    organisation_of_person: dict[int, int | None]
    absences: dict[int, list[tuple[date, date]]]
    conflicts: dict[tuple[int, int], list[tuple[date, date]]]


def _rows(database: Path) -> _Rows:
    with sqlite3.connect(database) as connection:
        locations = dict(connection.execute("SELECT id, organisation_id FROM location"))
        people = dict(connection.execute("SELECT id, organisation_id FROM person"))
        absences: dict[int, list[tuple[date, date]]] = defaultdict(list)
        for person, start, end in connection.execute(
            "SELECT person_id, start_date, end_date FROM absence"
        ):
            absences[person].append((_day(start), _day(end) if end else date.max))
        conflicts: dict[tuple[int, int], list[tuple[date, date]]] = defaultdict(list)
        for person, organisation, start, end in connection.execute(
            "SELECT person_id, organisation_id, start_date, end_date FROM conflictofinterest"
        ):
            conflicts[(person, organisation)].append(
                (_day(start) if start else date.min, _day(end) if end else date.max)
            )
    return _Rows(locations, people, absences, conflicts)


def _day(text: Any) -> date:
    return date.fromisoformat(str(text)[:10])


def _double_bookings(events: list[dict[str, Any]]) -> int:
    seen = Counter((person, e["on"]) for e in events for person in e["person_ids"])
    return sum(n - 1 for n in seen.values() if n > 1)


def _absent(event: dict[str, Any], rows: _Rows) -> int:
    day = _day(event["on"])
    return sum(
        1
        for person in event["person_ids"]
        for start, end in rows.absences.get(person, ())
        if start <= day <= end
    )


def _not_independent(event: dict[str, Any], rows: _Rows) -> int:
    own = rows.organisation_of_location[event["location_id"]]
    day = _day(event["on"])
    if event["kind"] == "visitation":
        visiting = event["visiting_organisation_id"]
        broken = int(visiting == own)
        return broken + sum(
            1 for p in event["person_ids"] if rows.organisation_of_person.get(p) != visiting
        )
    return sum(
        1
        for person in event["person_ids"]
        if rows.organisation_of_person.get(person) == own
        or any(start <= day <= end for start, end in rows.conflicts.get((person, own), ()))
    )


def _alternation(events: list[dict[str, Any]]) -> int:
    by_location: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        by_location[event["location_id"]].append(event)
    broken = 0
    for planned in by_location.values():
        planned.sort(key=lambda e: e["due_year"])
        for before, after in pairwise(planned):
            held = max(before["due_year"], _day(before["on"]).year)
            if before["kind"] == after["kind"] or after["due_year"] != held + 1:
                broken += 1
    return broken
