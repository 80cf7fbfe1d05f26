"""The dashboard: every location with its step, Basis op orde verdict and next event.

Built for thousands of locations with years of history: a handful of set-based queries,
the scores aggregated in SQL (points, weights and themes come in as a ``VALUES`` table),
the verdict rule applied to the tallies (:func:`qaudit.domain.verdict.judge`).

The queries are plain SQL with ``:name`` parameters, run through a :data:`Read` function,
so the terminal UI can read a SQLite file with the standard library's ``sqlite3`` before
SQLAlchemy is even imported (start-up time), and anything else through an engine.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from qaudit.domain.cycle import CycleState
from qaudit.domain.enums import EventKind, Result, Step, StepStatus
from qaudit.domain.scoring import POINT_VALUE, Tally
from qaudit.domain.verdict import Outcome, judge

Read = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]
"""Run one SELECT with named parameters and return its rows."""

BASIS_KINDS = ("audit_visit", "cirkel")


@dataclass(frozen=True)
class DashboardRow:
    id: int
    code: str
    name: str
    organisation: str
    city: str
    region: str
    step: Step
    percent: float | None
    outcome: Outcome | None
    next_kind: EventKind | None
    next_due: date | None
    overdue: bool
    people: tuple[str, ...]

    def matches(self, text: str) -> bool:
        """Case-insensitive search over code, name, organisation, city and people."""
        needle = text.casefold()
        haystack = (self.code, self.name, self.organisation, self.city, *self.people)
        return any(needle in value.casefold() for value in haystack)


@dataclass(frozen=True)
class _Rule:
    overall_min_percent: float
    theme_min_percent: float
    critical_must_comply: bool
    require_complete: bool


@dataclass(frozen=True)
class _Outline:
    """What scoring needs of a stored checklist version, parsed with plain ``json``."""

    rule: _Rule
    themes: tuple[str, ...]
    points: tuple[tuple[str, str, int, bool], ...]  # id, theme, weight, critical
    sizes: dict[str, int]  # theme -> number of points


def dashboard_rows(read: Read, today: date) -> list[DashboardRow]:
    """All locations, ordered by code."""
    steps = _step_statuses(read)
    verdicts = _basis_verdicts(read)
    events = _next_events(read)
    people = _assigned_people(read)
    rows = []
    for loc_id, code, name, org, city, region in read(_LOCATIONS, {}):
        percent, outcome = verdicts.get(loc_id, (None, None))
        kind, due = events.get(loc_id, (None, None))
        rows.append(DashboardRow(
            loc_id, code, name, org, city or "", region or "",
            CycleState(steps=steps.get(loc_id, {})).current_step, percent, outcome,
            kind, due, due is not None and due < today, tuple(sorted(people.get(loc_id, ()))),
        ))
    return rows


_LOCATIONS = """
SELECT l.id, l.code, l.name, o.name, l.city, l.region
FROM location l JOIN organisation o ON o.id = l.organisation_id
ORDER BY l.code"""


def _step_statuses(read: Read) -> dict[int, dict[Step, StepStatus]]:
    statuses: dict[int, dict[Step, StepStatus]] = {}
    for location_id, step, status in read("SELECT location_id, step, status FROM cyclestep", {}):
        statuses.setdefault(location_id, {})[Step(step)] = StepStatus(status)
    return statuses


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def due_date(planned_on: object, window_end: object, due_year: int | None) -> date | None:
    """When an event is due: its planned day, else the end of its window, else year end."""
    day = _as_date(planned_on) or _as_date(window_end)
    if day is None and due_year:
        day = date(due_year, 12, 31)
    return day


def _next_events(read: Read) -> dict[int, tuple[EventKind, date]]:
    sql = ("SELECT location_id, kind, planned_on, window_end, due_year FROM scheduledevent "
           "WHERE status = 'planned'")
    best: dict[int, tuple[EventKind, date]] = {}
    for location_id, kind, planned_on, window_end, due_year in read(sql, {}):
        due = due_date(planned_on, window_end, due_year)
        if due is not None and (location_id not in best or due < best[location_id][1]):
            best[location_id] = (EventKind(kind), due)
    return best


def _assigned_people(read: Read) -> dict[int, set[str]]:
    sql = ("SELECT e.location_id, p.name FROM eventassignment a "
           "JOIN scheduledevent e ON e.id = a.event_id JOIN person p ON p.id = a.person_id "
           "WHERE e.status = 'planned'")
    people: dict[int, set[str]] = {}
    for location_id, name in read(sql, {}):
        people.setdefault(location_id, set()).add(name)
    return people


_LATEST = f"""
WITH latest AS (
  SELECT id, location_id, checklist_version_id FROM (
    SELECT id, location_id, checklist_version_id,
           ROW_NUMBER() OVER (PARTITION BY location_id
                              ORDER BY closed_at DESC, id DESC) AS rn
    FROM assessment
    WHERE status = 'closed' AND kind IN ({", ".join(f"'{k}'" for k in BASIS_KINDS)})
  ) ranked WHERE rn = 1)"""


def _basis_verdicts(read: Read) -> dict[int, tuple[float | None, Outcome]]:
    """Per location: score and outcome of its latest closed audit visit or Cirkel check."""
    latest = read(_LATEST + " SELECT location_id, checklist_version_id FROM latest", {})
    by_version: dict[int, list[int]] = {}
    for location_id, version_id in latest:
        by_version.setdefault(version_id, []).append(location_id)
    verdicts: dict[int, tuple[float | None, Outcome]] = {}
    for version_id, location_ids in by_version.items():
        outline = _outline(read, version_id)
        tallies = _tallies(read, version_id, outline)
        failed = _critical_failures(read, version_id, outline)
        for location_id in location_ids:
            per_theme = tallies.get(location_id, {})
            verdicts[location_id] = _judge(outline, per_theme, failed.get(location_id, ()))
    return verdicts


def _outline(read: Read, version_id: int) -> _Outline:
    (spec_json,), = read("SELECT spec_json FROM checklistversion WHERE id = :id",
                         {"id": version_id})
    spec = json.loads(spec_json)
    rule = spec.get("verdict") or {}
    points = tuple((p["id"], t["id"], int(p.get("weight", 1)), bool(p.get("critical")))
                   for t in spec["themes"] for p in t["points"])
    return _Outline(
        _Rule(float(rule.get("overall_min_percent", 80)),
              float(rule.get("theme_min_percent", 60)),
              bool(rule.get("critical_must_comply", True)),
              bool(rule.get("require_complete", True))),
        tuple(t["id"] for t in spec["themes"]), points,
        {t["id"]: len(t["points"]) for t in spec["themes"]})


def _values(points: Iterable[tuple[str, str, int, bool]]) -> tuple[str, dict[str, object]]:
    rows, params = [], {}
    for i, (point_id, theme, weight, _critical) in enumerate(points):
        rows.append(f"(:p{i}, :t{i}, CAST(:w{i} AS INTEGER))")
        params.update({f"p{i}": point_id, f"t{i}": theme, f"w{i}": weight})
    return "pts(point_id, theme, weight) AS (VALUES " + ", ".join(rows) + ")", params


_Counts = dict[str, list[float]]  # result -> [count, weight]


def _tallies(read: Read, version_id: int, outline: _Outline) -> dict[int, dict[str, _Counts]]:
    values, params = _values(outline.points)
    sql = (_LATEST + ", " + values + """
SELECT latest.location_id, pts.theme, answer.result, COUNT(*), SUM(pts.weight)
FROM latest JOIN answer ON answer.assessment_id = latest.id
JOIN pts ON pts.point_id = answer.point_id
WHERE latest.checklist_version_id = :version
GROUP BY latest.location_id, pts.theme, answer.result""")
    out: dict[int, dict[str, _Counts]] = {}
    for location_id, theme, result, count, weight in read(sql, {**params, "version": version_id}):
        out.setdefault(location_id, {}).setdefault(theme, {})[result] = [count, weight]
    return out


def _critical_failures(read: Read, version_id: int,
                       outline: _Outline) -> dict[int, tuple[str, ...]]:
    critical = [p[0] for p in outline.points if p[3]]
    if not critical:
        return {}
    names = {f"c{i}": point_id for i, point_id in enumerate(critical)}
    sql = (_LATEST + " SELECT latest.location_id, answer.point_id FROM latest "
           "JOIN answer ON answer.assessment_id = latest.id "
           "WHERE latest.checklist_version_id = :version AND answer.result = :niet "
           "AND answer.point_id IN (" + ", ".join(f":{n}" for n in names) + ")")
    params = {**names, "version": version_id, "niet": Result.NOT_COMPLIANT.value}
    failed: dict[int, list[str]] = {}
    for location_id, point_id in read(sql, params):
        failed.setdefault(location_id, []).append(point_id)
    return {k: tuple(sorted(v)) for k, v in failed.items()}


def _tally(total: int, counts: _Counts, failed: tuple[str, ...]) -> Tally:
    answered = sum(int(c) for r, (c, _w) in counts.items() if r != Result.NOT_ASSESSED.value)
    na = int(counts.get(Result.NOT_APPLICABLE.value, [0, 0])[0])
    earned = possible = 0.0
    for result, value in POINT_VALUE.items():
        weight = float(counts.get(result.value, [0, 0])[1] or 0)
        earned += value * weight
        possible += weight
    return Tally(total, answered, na, earned, possible, failed)


def _judge(outline: _Outline, per_theme: dict[str, _Counts],
           failed: tuple[str, ...]) -> tuple[float | None, Outcome]:
    merged: _Counts = {}
    for counts in per_theme.values():
        for result, (count, weight) in counts.items():
            slot = merged.setdefault(result, [0, 0])
            slot[0] += count
            slot[1] += weight or 0
    overall = _tally(len(outline.points), merged, failed)
    themes = [(t, _tally(outline.sizes[t], per_theme.get(t, {}), ())) for t in outline.themes]
    outcome, _reasons = judge(outline.rule, overall, themes)
    return overall.percent, outcome


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
