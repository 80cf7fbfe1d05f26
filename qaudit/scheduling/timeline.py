"""The dates of a location's visitations and Cirkels over the horizon, before assignment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qaudit.domain.enums import EventKind
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.cycle import Due, Rhythm, fixed_violations
from qaudit.scheduling.model import FixedEvent, Held, LocationIn, OrganisationIn


@dataclass(frozen=True, slots=True)
class Slot:
    location: LocationIn
    kind: EventKind
    number: int
    due_year: int
    on: date
    overdue: bool
    fixed: FixedEvent | None = None
    violations: tuple[Constraint, ...] = ()

    def uid(self, domain: str) -> str:
        if self.fixed is not None:
            return self.fixed.uid
        return f"loc{self.location.id}-{self.kind.value}-{self.number}@{domain}"


def timeline(
    location: LocationIn,
    organisation: OrganisationIn | None,
    fixed: Sequence[FixedEvent],
    start: date,
    last_year: int,
) -> list[Slot]:
    """Every event from the next due one to the end of ``last_year``; kept events in place."""
    if location.rollout_done_on is None:
        return []
    rhythm = Rhythm.of(location.rollout_done_on, location.history)
    waiting = sorted(fixed, key=lambda f: (f.on, f.uid))
    slots: list[Slot] = []
    while True:
        due = rhythm.due()
        day = due.day(start)
        if waiting and _takes_slot(waiting[0], due.kind, day, last_year):
            event = waiting.pop(0)
            slots.append(_kept(location, event, due, rhythm.number(event.kind), start))
            rhythm.hold(Held(event.kind, event.on, event.visiting_organisation_id))
            continue
        if day.year > last_year or (organisation and not organisation.member_in(day.year)):
            return slots
        slots.append(Slot(location, due.kind, due.number, due.year, day, due.overdue(start)))
        rhythm.hold(Held(due.kind, day))


def _takes_slot(event: FixedEvent, kind: EventKind, day: date, last_year: int) -> bool:
    """Does the kept ``event`` come next? Yes when it is not later than the planned ``day``'s
    year, when it is the due kind moved by at most one year, or beyond the horizon."""
    year = event.on.year
    return year <= day.year or (event.kind is kind and year == day.year + 1) or day.year > last_year


def _kept(location: LocationIn, event: FixedEvent, due: Due, number: int, start: date) -> Slot:
    return Slot(
        location,
        event.kind,
        number,
        event.on.year,
        event.on,
        event.on < start,
        fixed=event,
        violations=fixed_violations(due, event.kind, event.on),
    )
