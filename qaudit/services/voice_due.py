"""Which evaluations are due or overdue, per location, read with plain SQL.

Light on purpose (no SQLAlchemy): the dashboard reads a SQLite file with ``sqlite3`` before
SQLAlchemy is imported. A location's rhythm starts with its first recorded evaluation or
feedback response; locations without either have none.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from qaudit.domain.clientvoice_enums import EvaluationKind
from qaudit.domain.clientvoice_rhythm import DUE_OK, DUE_OVERDUE, RhythmStatus, rhythm
from qaudit.domain.events import as_date

Read = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]
"""``qaudit.services.dashboard.Read``: one SELECT with named parameters, its rows."""

_HELD = "SELECT location_id, kind, held_on FROM evaluation"
_FIRST_FEEDBACK = "SELECT location_id, MIN(responded_on) FROM feedbackresponse GROUP BY location_id"


def rhythms(read: Read, today: date) -> dict[int, list[RhythmStatus]]:
    """Per location whose rhythm has started: the status of every kind of evaluation.

    Plain SQL through ``read``, so the dashboard can use it before SQLAlchemy is loaded.
    """
    held: dict[int, dict[EvaluationKind, list[date]]] = {}
    since: dict[int, date] = {}
    for location_id, kind, day in read(_HELD, {}):
        on = as_date(day)
        if on is None:
            continue
        held.setdefault(location_id, {}).setdefault(EvaluationKind(kind), []).append(on)
        since[location_id] = min(on, since.get(location_id, on))
    for location_id, day in read(_FIRST_FEEDBACK, {}):
        on = as_date(day)
        if on is not None:
            since[location_id] = min(on, since.get(location_id, on))
    return {
        location_id: rhythm(held.get(location_id, {}), today, start)
        for location_id, start in since.items()
    }


def needing_attention(statuses: Sequence[RhythmStatus]) -> list[RhythmStatus]:
    """The evaluations that are due now or overdue, overdue first."""
    return sorted((s for s in statuses if s.state != DUE_OK), key=lambda s: s.state != DUE_OVERDUE)
