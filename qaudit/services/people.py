"""People and their availability."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.models import Absence, Organisation, Person, RoleAssignment
from qaudit.errors import NotFound, QauditError
from qaudit.i18n import _
from qaudit.services import audit
from qaudit.storage import transaction


def people_rows(session: Session) -> list[dict[str, Any]]:
    """Every person with their roles, employer and recorded absences."""
    roles: dict[int, list[str]] = {}
    for person_id, role in session.exec(select(RoleAssignment.person_id, RoleAssignment.role)):
        roles.setdefault(person_id, []).append(str(role))
    absences: dict[int, list[dict[str, str]]] = {}
    for absence in session.exec(select(Absence).order_by(col(Absence.start_date))):
        absences.setdefault(absence.person_id, []).append(
            {
                "from": absence.start_date.isoformat(),
                "until": absence.end_date.isoformat(),
                "note": absence.note,
            }
        )
    employers = dict(session.exec(select(Organisation.id, Organisation.name)).all())
    return [
        {
            "id": p.id,
            "name": p.name,
            "email": p.email,
            "roles": sorted(set(roles.get(p.id or 0, []))),
            "organisation": employers.get(p.organisation_id, ""),
            "max_per_year": p.max_per_year,
            "absences": absences.get(p.id or 0, []),
        }
        for p in session.exec(select(Person).order_by(col(Person.id)))
    ]


def add_absence(
    engine: Engine,
    person_id: int,
    start: date,
    end: date,
    note: str = "",
    *,
    actor: str | None = None,
) -> Absence:
    """Record that a person cannot visit or assess from ``start`` until ``end`` (inclusive)."""
    if end < start:
        message = _("the absence ends ({end}) before it starts ({start})")
        raise QauditError(message.format(start=start.isoformat(), end=end.isoformat()))
    with transaction(engine) as session:
        if session.get(Person, person_id) is None:
            raise NotFound(_("no person with id {id}").format(id=person_id))
        absence = Absence(person_id=person_id, start_date=start, end_date=end, note=note)
        session.add(absence)
        session.flush()
        audit.log(
            session,
            "absence",
            "person",
            person_id,
            actor,
            start=start.isoformat(),
            end=end.isoformat(),
        )
        return absence
