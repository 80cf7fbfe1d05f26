"""The history of an assessment (or one of its points) from the audit log: who, when, what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.enums import Result
from qaudit.domain.models import AuditLog, Person
from qaudit.domain.models.access import Login
from qaudit.services import access, assessments
from qaudit.storage import transaction

_HIDDEN = {"point", "field", "version"}
"""Shown elsewhere: the point has its column, the field labels the change (answer versions
are for conflict checks, not for people)."""


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    person: str
    """The person behind the login ("" when the login is not mapped)."""
    action: str
    point: str
    changes: str
    """What changed, e.g. ``voldoet_deels → voldoet``."""
    detail: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "actor": self.actor,
            "person": self.person,
            "action": self.action,
            "point": self.point,
            "changes": self.changes,
            "detail": self.detail,
        }


def describe(detail: dict[str, Any]) -> str:
    """``before``/``after`` pairs (also ``note_before``/``note_after``) as ``a → b``; the
    rest as ``key=value``."""
    parts = []
    for key, value in detail.items():
        if key in _HIDDEN or key.endswith("after"):
            continue
        if key.endswith("before"):
            stem = key[: -len("before")]
            after = detail.get(stem + "after")
            label = stem.rstrip("_") or _field_label(detail.get("field"))
            arrow = f"{_shown(value)} → {_shown(after)}"
            parts.append(f"{label}: {arrow}" if label else arrow)
        else:
            parts.append(f"{key}={_shown(value)}")
    return "; ".join(parts)


_RESULTS = {r.value: r for r in Result}


def _field_label(field: object) -> str:
    """A note or evidence change names its field; an answer's own result needs no label."""
    return "" if field in (None, "result") else str(field)


def _shown(value: object) -> str:
    """An answer by its label (in the current language); nothing as a dash."""
    if value is None or value == "":
        return "–"
    result = _RESULTS.get(value) if isinstance(value, str) else None
    return result.label if result is not None else str(value)


def history(session: Session, assessment_id: int, point: str | None = None) -> list[HistoryEntry]:
    """Every logged action on the assessment, oldest first (of one point, when given)."""
    access.require_assessment(session, assessment_id)
    assessments.get(session, assessment_id)
    rows = session.exec(
        select(AuditLog)
        .where(AuditLog.entity == "assessment", AuditLog.entity_id == assessment_id)
        .order_by(col(AuditLog.at), col(AuditLog.id))
    ).all()
    people = _people(session)
    return [
        HistoryEntry(
            row.at,
            row.actor,
            people.get(row.actor, ""),
            row.action,
            str(row.detail.get("point", "") or ""),
            describe(row.detail),
            dict(row.detail),
        )
        for row in rows
        if point is None or row.detail.get("point") == point
    ]


def _people(session: Session) -> dict[str, str]:
    query = select(Login.name, Person.name).join(Person, col(Person.id) == col(Login.person_id))
    return {login: name for login, name in session.exec(query).all()}


def history_of(engine: Engine, assessment_id: int, point: str | None = None) -> list[HistoryEntry]:
    with transaction(engine) as session:
        return history(session, assessment_id, point)
