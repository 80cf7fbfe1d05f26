"""The evaluation rhythm in the planner's calendar export (``qaudit schedule ics``).

Each location whose rhythm has started gets, per kind of evaluation, an all-day event on
the last day of the period it is due in, with a stable UID, so a re-export moves it along
instead of duplicating it once the evaluation has been held.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, select

from qaudit.domain.clientvoice_rhythm import DUE_OVERDUE, RhythmStatus, state_label
from qaudit.domain.models import Location
from qaudit.i18n import _
from qaudit.scheduling.ics import CalendarEvent
from qaudit.services import access
from qaudit.services.voice_due import rhythms


def evaluation_events(
    session: Session, location_id: int | None, today: date
) -> list[CalendarEvent]:
    """The next evaluation of every kind, for one location or all."""

    def read(sql: str, params: Mapping[str, object]) -> Sequence[Sequence[Any]]:
        return [tuple(row) for row in session.execute(text(sql), dict(params))]

    allowed = access.scope(session)
    places = {
        loc.id: (loc.code, loc.name, loc.city)
        for loc in session.exec(select(Location))
        if (location_id is None or loc.id == location_id)
        and loc.id is not None
        and allowed.can_read_location(loc.id)
    }
    return [
        _event(loc_id, places[loc_id], status)
        for loc_id, statuses in sorted(rhythms(read, today).items())
        if loc_id in places
        for status in statuses
    ]


def _event(location_id: int, place: tuple[str, str, str], s: RhythmStatus) -> CalendarEvent:
    code, name, city = place
    lines = [
        _("Location: {code} {name}").format(code=code, name=name),
        _("Due in {window}, by {day}; status: {state}").format(
            window=s.window, day=s.due_on.isoformat(), state=state_label(s.state)
        ),
    ]
    if s.last_held is not None:
        lines.append(_("Last held: {day}").format(day=s.last_held.isoformat()))
    summary = f"{s.kind.label}: {name}"
    if s.state == DUE_OVERDUE:
        summary += " (" + state_label(s.state) + ")"
    return CalendarEvent(
        uid=f"loc{location_id}-evaluation-{s.kind.value}-{s.window}@qaudit",
        on=s.due_on,
        summary=summary,
        location=", ".join(x for x in (name, city) if x),
        description="\n".join(lines),
    )
