"""One row of the dashboard: a location, its step, verdict, next event and next action.

Its own module, light to import: the terminal UI receives these rows from a helper process
at start-up (pickled), and unpickling them loads this module and the enums its fields hold,
not the rules and queries that made them (:mod:`qaudit.services.dashboard`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qaudit.domain.clientvoice_rhythm import DUE_OVERDUE, RhythmStatus
from qaudit.domain.enums import EventKind, Outcome, Step
from qaudit.domain.next_step import NextAction, OpenWork

__all__ = ["DashboardRow"]


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
    evaluations: tuple[RhythmStatus, ...] = ()
    """Evaluations of the client's voice that are due or overdue, overdue first."""
    next: NextAction | None = None
    """What is next at the location, and who does it."""
    work: OpenWork | None = None
    """The assessment open at the location, with its progress."""

    @property
    def evaluation_overdue(self) -> bool:
        return any(e.state == DUE_OVERDUE for e in self.evaluations)

    def matches(self, text: str) -> bool:
        """Case-insensitive search over code, name, organisation, city and people."""
        needle = text.casefold()
        haystack = (self.code, self.name, self.organisation, self.city, *self.people)
        return any(needle in value.casefold() for value in haystack)
