"""Editing and deleting what was recorded: interviews, findings, recommendations,
improvement actions, training sessions, visibility items and promise translations.

Each change is one transaction and one audit-log entry naming the record and the fields
changed (not their text: interview notes and findings may be sensitive). Records of an
assessment change only while it is open, as they are added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, SQLModel, col, select

from qaudit.domain.models import (
    Finding,
    ImprovementAction,
    Interview,
    NetworkMeeting,
    PromiseTranslation,
    Recommendation,
    TrainingSession,
    VisibilityItem,
)
from qaudit.domain.privacy import find_personal_data
from qaudit.errors import NotFound, QauditError
from qaudit.i18n import N_, _
from qaudit.services import access, assessments, audit, checklists
from qaudit.storage import transaction


@dataclass(frozen=True)
class Kind:
    model: type[SQLModel]
    name: str
    """The record's name in messages (English id, translated when shown)."""
    fields: tuple[str, ...]
    on_assessment: bool
    open_only: bool = False
    """Changed only while its assessment is open (interviews and findings)."""
    staff_only: bool = False
    """The cooperative's own record (a network meeting): changed by its staff only."""


KINDS: dict[str, Kind] = {
    "interview": Kind(
        Interview, N_("interview"), ("group", "participants", "held_on", "notes"), True, True
    ),
    "finding": Kind(Finding, N_("finding"), ("kind", "text", "point_ids"), True, True),
    "recommendation": Kind(Recommendation, N_("recommendation"), ("finding_id", "text"), True),
    "action": Kind(
        ImprovementAction, N_("improvement action"), ("title", "owner", "deadline"), False
    ),
    "training": Kind(
        TrainingSession,
        N_("training session"),
        ("held_on", "topic", "attendees", "staff_total"),
        False,
    ),
    "visibility": Kind(
        VisibilityItem,
        N_("visibility item"),
        ("kind", "placement", "placed_on", "promise_id"),
        False,
    ),
    "translation": Kind(
        PromiseTranslation, N_("translation"), ("translation", "agreements"), False
    ),
    "meeting": Kind(
        NetworkMeeting,
        N_("network meeting"),
        ("held_on", "topic", "shared"),
        False,
        staff_only=True,
    ),
}


FIELD_NAMES = {
    "text": N_("text"),
    "title": N_("title"),
    "topic": N_("topic"),
    "kind": N_("kind"),
    "participants": N_("participants"),
    "attendees": N_("attendees"),
    "staff_total": N_("staff"),
    "shared": N_("what was shared"),
}


@dataclass(frozen=True)
class Changed:
    kind: str
    id: int
    fields: tuple[str, ...]


def edit(engine: Engine, kind: str, record_id: int, changes: Mapping[str, Any]) -> Changed:
    """Change some fields of one record; refused (nothing written) when a value is wrong."""
    spec = _kind(kind)
    unknown = sorted(set(changes) - set(spec.fields))
    if unknown:
        raise QauditError(
            _("{record} {id}: no field {fields}").format(
                record=_(spec.name), id=record_id, fields=", ".join(unknown)
            )
        )
    with transaction(engine) as session:
        row = _writable(session, spec, record_id)
        cleaned = {name: _clean(value) for name, value in changes.items()}
        _check(session, kind, spec, row, record_id, cleaned)
        changed = tuple(n for n, v in cleaned.items() if getattr(row, n) != v)
        for name in changed:
            setattr(row, name, cleaned[name])
        session.add(row)
        session.flush()
        audit.log(
            session, "edit", kind, record_id, None, fields=list(changed), **_parent(spec, row)
        )
        return Changed(kind, record_id, changed)


def delete(engine: Engine, kind: str, record_id: int) -> Changed:
    """Delete one record (logged with what it belonged to)."""
    spec = _kind(kind)
    with transaction(engine) as session:
        row = _writable(session, spec, record_id)
        parent = _parent(spec, row)
        if kind == "finding":  # its recommendations stay, no longer tied to it
            for linked in session.exec(
                select(Recommendation).where(col(Recommendation.finding_id) == record_id)
            ):
                linked.finding_id = None
                session.add(linked)
            session.flush()
        session.delete(row)
        session.flush()
        audit.log(session, "delete", kind, record_id, None, **parent)
        return Changed(kind, record_id, ())


def _kind(kind: str) -> Kind:
    if kind not in KINDS:
        raise QauditError(_("no kind of record '{kind}'").format(kind=kind))
    return KINDS[kind]


def _writable(session: Session, spec: Kind, record_id: int) -> Any:
    row: Any = session.get(spec.model, record_id)
    if row is None:
        raise NotFound(_("no {record} with id {id}").format(record=_(spec.name), id=record_id))
    if spec.staff_only:
        access.require_staff(session)
    elif spec.on_assessment:
        access.require_assessment(session, row.assessment_id, write=True)
        if spec.open_only:
            assessments.ensure_open(assessments.get(session, row.assessment_id))
    else:
        access.require_location(session, row.location_id, write=True)
    return row


def _parent(spec: Kind, row: Any) -> dict[str, object]:
    """What the record belongs to, for its audit-log entry."""
    if spec.staff_only:
        return {}
    if spec.on_assessment:
        return {"parent": "assessment", "parent_id": row.assessment_id}
    return {"parent": "location", "parent_id": row.location_id}


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _check(
    session: Session, kind: str, spec: Kind, row: Any, record_id: int, values: dict[str, Any]
) -> None:
    """The rules of adding, applied to the new values."""

    def refuse(message: str, **fields: object) -> None:
        prefix = _("{record} {id}").format(record=_(spec.name), id=record_id)
        raise QauditError(prefix + ": " + message.format(**fields))

    for name in ("text", "title", "topic", "kind"):
        if name in values and isinstance(values[name], str) and not values[name]:
            refuse(_("the {field} is empty"), field=_(FIELD_NAMES[name]))
    for name in ("participants", "attendees", "staff_total"):
        if name in values and (values[name] is None or values[name] < 0):
            refuse(_("{field} must be 0 or more"), field=_(FIELD_NAMES[name]))
    if "held_on" in values and not isinstance(values["held_on"], date):
        refuse(_("the date is missing"))
    if kind == "meeting":  # shared with every member: never a person
        for name in ("topic", "shared"):
            hits = find_personal_data(str(values.get(name) or ""))
            if hits:
                refuse(
                    _("{field} looks as if it names a person ({text}); leave it out"),
                    field=_(FIELD_NAMES[name]),
                    text=hits[0].text,
                )
    if kind == "finding" and "point_ids" in values:
        spec_of = checklists.spec_of_assessment(
            session, assessments.get(session, row.assessment_id)
        )
        for point in values["point_ids"]:
            if point not in spec_of.point_index:
                refuse(
                    _("checklist '{checklist}' {version} has no point '{point}'"),
                    checklist=spec_of.id,
                    version=spec_of.version,
                    point=point,
                )
    if kind == "recommendation" and values.get("finding_id"):
        finding = session.get(Finding, values["finding_id"])
        if finding is None or finding.assessment_id != row.assessment_id:
            refuse(
                _("no finding with id {finding} in this assessment"), finding=values["finding_id"]
            )
