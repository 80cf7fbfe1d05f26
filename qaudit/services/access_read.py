"""Who may read what, read with plain SQL and no SQLAlchemy: the dashboard's fast path on a
SQLite file reads through ``sqlite3`` before the database layer is loaded (start-up)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from qaudit.domain.access import AccessRole, AssessmentFacts, Facts, Grant, scope_of

Read = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]

__all__ = ["Read", "facts_via", "os_login", "visible_via"]


def os_login() -> str:
    """``QAUDIT_ACTOR`` or the OS login (the identity on SQLite only)."""
    try:
        return os.environ.get("QAUDIT_ACTOR") or getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


_WINDOWS = """
SELECT a.id, a.location_id, a.kind, a.started_on, a.closed_at,
       (SELECT min(e.window_start) FROM scheduledevent e WHERE e.assessment_id = a.id)
FROM assessment a"""


def facts_via(read: Read) -> Facts:
    """The facts the rules need, read with one SELECT each."""
    organisation_of = {
        int(loc): int(org) for loc, org in read("SELECT id, organisation_id FROM location", {})
    }
    assessments = tuple(
        AssessmentFacts(
            int(aid), int(loc), str(kind), _as_date(window or started), closed is not None
        )
        for aid, loc, kind, started, closed, window in read(_WINDOWS, {})
    )
    return Facts(organisation_of, assessments)


_GRANTS = (
    "SELECT role, location_id, organisation_id, assessment_id FROM accessgrant WHERE login = :login"
)


def visible_via(read: Read, today: date) -> frozenset[int] | None:
    """On a SQLite file read without SQLAlchemy (the dashboard's fast path): the locations
    the OS login may read, or None for all of them."""
    grants = [
        Grant(AccessRole(r), lo, o, a) for r, lo, o, a in read(_GRANTS, {"login": os_login()})
    ]
    if not grants:
        return None
    found = scope_of(grants, facts_via(read), today)
    return None if found.everything else found.read_locations


def _as_date(value: object) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10]) if value else date.max
