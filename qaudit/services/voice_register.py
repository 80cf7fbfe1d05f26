"""The complaint and suggestion registers of a location.

Only a reference to the complainant is kept; a reference or text that looks like it names a
person is refused (:mod:`qaudit.domain.privacy`). A complaint's decision is due six weeks
after receipt, ten with a notified extension (:mod:`qaudit.domain.clientvoice_rhythm`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.checklists import shipped_catalogue
from qaudit.domain.clientvoice_enums import (
    ActionSource,
    Channel,
    ComplaintOutcome,
    SuggestionOrigin,
    SuggestionStatus,
)
from qaudit.domain.clientvoice_rhythm import complaint_overdue, decision_due, extension_problem
from qaudit.domain.models import Complaint, ImprovementAction, Location, Suggestion
from qaudit.domain.privacy import find_personal_data as check_note
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.i18n import _
from qaudit.services import access, audit, locations
from qaudit.services.voice_feedback import unit_id_by_name
from qaudit.storage import transaction


def check_private(field: str, text: str) -> None:
    """Refuse text that looks like it names a person or gives a date of birth."""
    hits = check_note(text)
    if hits:
        raise Refused(
            _(
                "{field}: “{text}” looks like a name or a date of birth; record only a "
                "reference, never personal data"
            ).format(field=field, text=hits[0].text)
        )


def check_promise(promise_id: str | None) -> None:
    if promise_id and promise_id not in shipped_catalogue().promises.promise_index:
        raise QauditError(_("no client promise {id}").format(id=promise_id))


@dataclass(frozen=True)
class ComplaintRow:
    complaint: Complaint
    location_code: str
    unit: str
    due: date
    overdue: bool

    @property
    def open(self) -> bool:
        return self.complaint.decided_on is None

    def as_json(self) -> dict[str, object]:
        c = self.complaint
        return {
            "id": c.id,
            "location": self.location_code,
            "unit": self.unit or None,
            "reference": c.reference,
            "received": c.received_on.isoformat(),
            "channel": c.channel.value,
            "promise": c.promise_id,
            "theme": c.theme,
            "acknowledged": c.acknowledged_on.isoformat() if c.acknowledged_on else None,
            "extension_weeks": c.extension_weeks if c.extension_notice_on else 0,
            "decision_due": self.due.isoformat(),
            "decided": c.decided_on.isoformat() if c.decided_on else None,
            "outcome": c.outcome.value if c.outcome else None,
            "overdue": self.overdue,
        }


def add_complaint(
    engine: Engine,
    location_id: int,
    reference: str,
    received_on: date,
    *,
    channel: Channel = Channel.OTHER,
    promise_id: str | None = None,
    theme: str = "",
    summary: str = "",
    unit: str | None = None,
    acknowledged_on: date | None = None,
    today: date | None = None,
) -> Complaint:
    reference = reference.strip()
    if not reference:
        raise QauditError(_("a complaint needs the complainant's reference (never a name)"))
    check_private("reference", reference)
    check_private("summary", summary)
    check_promise(promise_id)
    if received_on > (today or date.today()):
        raise QauditError(_("the date {day} is in the future").format(day=received_on))
    if acknowledged_on is not None and acknowledged_on < received_on:
        raise QauditError(_("a complaint cannot be acknowledged before it was received"))
    with transaction(engine) as session:
        locations.writable(session, location_id)
        complaint = Complaint(
            location_id=location_id,
            unit_id=unit_id_by_name(session, location_id, unit),
            reference=reference,
            received_on=received_on,
            channel=channel,
            promise_id=promise_id,
            theme=theme,
            summary=summary,
            acknowledged_on=acknowledged_on,
        )
        session.add(complaint)
        session.flush()
        audit.log(session, "complaint_add", "complaint", complaint.id, reference=reference)
    return complaint


def _complaint(session: Session, complaint_id: int) -> Complaint:
    complaint = session.get(Complaint, complaint_id)
    if complaint is None:
        raise NotFound(_("no complaint with id {id}").format(id=complaint_id))
    access.require_location(session, complaint.location_id, write=True)
    return complaint


def acknowledge_complaint(engine: Engine, complaint_id: int, on: date) -> Complaint:
    """Record when the receipt of the complaint was confirmed to the complainant."""
    with transaction(engine) as session:
        complaint = _complaint(session, complaint_id)
        if on < complaint.received_on:
            raise QauditError(_("a complaint cannot be acknowledged before it was received"))
        complaint.acknowledged_on = on
        session.add(complaint)
        audit.log(session, "complaint_acknowledge", "complaint", complaint_id, on=on.isoformat())
    return complaint


def extend_complaint(engine: Engine, complaint_id: int, weeks: int, notice_on: date) -> Complaint:
    """Extend the decision term by ``weeks`` (at most four), notified on ``notice_on``."""
    with transaction(engine) as session:
        complaint = _complaint(session, complaint_id)
        if complaint.decided_on is not None:
            raise Refused(_("complaint {id} is already decided").format(id=complaint_id))
        problem = extension_problem(weeks, notice_on, complaint.received_on)
        if problem:
            raise Refused(problem)
        complaint.extension_weeks, complaint.extension_notice_on = weeks, notice_on
        session.add(complaint)
        audit.log(session, "complaint_extend", "complaint", complaint_id, weeks=weeks)
    return complaint


def close_complaint(
    engine: Engine,
    complaint_id: int,
    decided_on: date,
    outcome: ComplaintOutcome,
    follow_up: str = "",
    action: str = "",
    owner: str = "",
    deadline: date | None = None,
) -> Complaint:
    """Record the decision; ``action`` also records the follow-up improvement action."""
    check_private("follow-up", follow_up)
    with transaction(engine) as session:
        complaint = _complaint(session, complaint_id)
        if complaint.decided_on is not None:
            raise Refused(_("complaint {id} is already decided").format(id=complaint_id))
        if decided_on < complaint.received_on:
            raise QauditError(_("a decision cannot be before the complaint was received"))
        complaint.decided_on, complaint.outcome = decided_on, outcome
        complaint.follow_up = follow_up
        session.add(complaint)
        if action.strip():
            session.add(
                ImprovementAction(
                    location_id=complaint.location_id,
                    unit_id=complaint.unit_id,
                    promise_id=complaint.promise_id,
                    title=action.strip(),
                    owner=owner,
                    deadline=deadline,
                    source=ActionSource.COMPLAINT,
                    origin_id=complaint.id,
                    created_on=decided_on,
                )
            )
        audit.log(session, "complaint_close", "complaint", complaint_id, outcome=outcome.value)
    return complaint


def complaints(
    engine: Engine,
    location_id: int | None = None,
    only_open: bool = False,
    today: date | None = None,
) -> list[ComplaintRow]:
    today = today or date.today()
    with transaction(engine) as session:
        query = select(Complaint, Location.code).join(
            Location, col(Location.id) == col(Complaint.location_id)
        )
        query = locations.scoped(session, query, Complaint.location_id, location_id)
        if only_open:
            query = query.where(col(Complaint.decided_on).is_(None))
        names = unit_names(session)
        rows = session.exec(query.order_by(col(Complaint.received_on), col(Complaint.id))).all()
    return [
        ComplaintRow(
            c,
            code,
            names.get(c.unit_id, "") if c.unit_id else "",
            decision_due(c.received_on, c.extension_weeks, c.extension_notice_on),
            complaint_overdue(
                today, c.received_on, c.extension_weeks, c.extension_notice_on, c.decided_on
            ),
        )
        for c, code in rows
    ]


def unit_names(session: Session) -> dict[int | None, str]:
    from qaudit.domain.models import ClientUnit

    return {u.id: u.name for u in session.exec(select(ClientUnit))}


# --- suggestions ------------------------------------------------------------------------------


def add_suggestion(
    engine: Engine,
    location_id: int,
    origin: SuggestionOrigin,
    text: str,
    received_on: date,
    unit: str | None = None,
) -> Suggestion:
    if not text.strip():
        raise QauditError(_("a suggestion needs its text"))
    check_private("text", text)
    with transaction(engine) as session:
        locations.writable(session, location_id)
        suggestion = Suggestion(
            location_id=location_id,
            unit_id=unit_id_by_name(session, location_id, unit),
            origin=origin,
            received_on=received_on,
            text=text.strip(),
        )
        session.add(suggestion)
        session.flush()
        audit.log(session, "suggestion_add", "suggestion", suggestion.id, origin=origin.value)
    return suggestion


def decide_suggestion(
    engine: Engine, suggestion_id: int, status: SuggestionStatus, action: str = ""
) -> Suggestion:
    """Adopt or decline a suggestion; an adopted one may get its improvement action."""
    with transaction(engine) as session:
        suggestion = session.get(Suggestion, suggestion_id)
        if suggestion is None:
            raise NotFound(_("no suggestion with id {id}").format(id=suggestion_id))
        access.require_location(session, suggestion.location_id, write=True)
        suggestion.status = status
        session.add(suggestion)
        if action.strip() and status is SuggestionStatus.ADOPTED:
            session.add(
                ImprovementAction(
                    location_id=suggestion.location_id,
                    unit_id=suggestion.unit_id,
                    title=action.strip(),
                    source=ActionSource.SUGGESTION,
                    origin_id=suggestion.id,
                    created_on=date.today(),
                )
            )
        audit.log(session, "suggestion_decide", "suggestion", suggestion_id, status=status.value)
    return suggestion


def suggestions(engine: Engine, location_id: int | None = None) -> list[tuple[Suggestion, str]]:
    with transaction(engine) as session:
        query = select(Suggestion, Location.code).join(
            Location, col(Location.id) == col(Suggestion.location_id)
        )
        query = locations.scoped(session, query, Suggestion.location_id, location_id)
        return list(session.exec(query.order_by(col(Suggestion.received_on))).all())
