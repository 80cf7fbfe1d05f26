"""Steps 8–9: what is due next at a location, in which year, its window, and when it is overdue.

Pure functions of a location's rollout date and its history of held events. The gates of
steps 1–7 (and whether steps 8–9 may start at all) are ``qaudit.domain.cycle``; this module
only decides the rhythm once they allow it. The rules are described in the package docstring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from qaudit.domain.enums import EventKind
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.model import CIRKEL, VISITATION, Held


@dataclass(frozen=True, slots=True)
class Due:
    kind: EventKind
    year: int
    number: int
    """This is the n-th event of its kind at the location."""
    target: date
    """The anniversary of the previous event (or of the rollout) in ``year``."""

    @property
    def window_start(self) -> date:
        return date(self.year, 1, 1)

    @property
    def window_end(self) -> date:
        return date(self.year, 12, 31)

    def overdue(self, today: date) -> bool:
        """Not held and its window (the due calendar year) has passed."""
        return today.year > self.year  # after 31 December of its year, without making the date

    def day(self, start: date) -> date:
        """When to plan it, planning from ``start``: the target, or ``start`` if that is later."""
        return max(self.target, start)


def other(kind: EventKind) -> EventKind:
    return CIRKEL if kind is VISITATION else VISITATION


def anniversary(day: date, year: int) -> date:
    """The same day and month in ``year`` (29 February becomes 28 February)."""
    if day.month == 2 and day.day == 29:
        return date(year, 2, 28)
    return day.replace(year=year)


def ordered(history: Sequence[Held]) -> list[Held]:
    # a StrEnum orders by its value: no ``.value`` (an enum property) per comparison key
    return sorted(history, key=lambda h: (h.on, h.kind))


def next_due(rollout_done_on: date, history: Sequence[Held]) -> Due:
    """The next event after ``history`` (events held after the rollout, in any order).

    The first is a visitation, in the year after the rollout. After that, always the other
    kind than the last one held, in the year after it, and never sooner than two calendar
    years after the last one of its own kind.
    """
    return Rhythm.of(rollout_done_on, history).due()


@dataclass
class Rhythm:
    """The state ``next_due`` needs, updated one held event at a time (for long timelines)."""

    rollout_done_on: date
    last: Held | None = None
    last_of: dict[EventKind, Held] = field(default_factory=dict)
    count: dict[EventKind, int] = field(default_factory=dict)

    @classmethod
    def of(cls, rollout_done_on: date, history: Sequence[Held]) -> Rhythm:
        rhythm = cls(rollout_done_on)
        for event in ordered(history):
            rhythm.hold(event)
        return rhythm

    def hold(self, event: Held) -> None:
        """``event`` took place (events must come in date order)."""
        self.last = event
        self.last_of[event.kind] = event
        self.count[event.kind] = self.count.get(event.kind, 0) + 1

    def number(self, kind: EventKind) -> int:
        return self.count.get(kind, 0) + 1

    def due(self) -> Due:
        last = self.last
        if last is None:
            year = self.rollout_done_on.year + 1
            return Due(VISITATION, year, 1, anniversary(self.rollout_done_on, year))
        kind = other(last.kind)
        year = last.on.year + 1
        same = self.last_of.get(kind)
        if same is not None:
            year = max(year, same.on.year + 2)
        return Due(kind, year, self.number(kind), anniversary(last.on, year))


def fixed_violations(due: Due, kind: EventKind, on: date) -> tuple[Constraint, ...]:
    """What a kept event of ``kind`` on ``on`` breaks when ``due`` is what the rhythm expects."""
    if kind is not due.kind:
        return (Constraint.ALTERNATION,)
    if on.year < due.year:
        return (Constraint.TOO_SOON,)
    return ()
