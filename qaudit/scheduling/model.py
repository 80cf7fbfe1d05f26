"""The planner's plain inputs and outputs. No database: the service builds these from rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from qaudit.domain.enums import ConflictKind, EventKind
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.settings import PlannerSettings

VISITATION, CIRKEL = EventKind.VISITATION, EventKind.CIRKEL


@dataclass(frozen=True, slots=True)
class Held:
    """A visitation or Cirkel that took place (or, for a fixed event, will take place)."""

    kind: EventKind
    on: date
    visiting_organisation_id: int | None = None


@dataclass(frozen=True, slots=True)
class LocationIn:
    id: int
    organisation_id: int
    code: str = ""
    name: str = ""
    region: str = ""
    rollout_done_on: date | None = None
    """When steps 5–7 were completed; None when the rollout is not done."""
    blocked: str = ""
    """Why the cycle's gates do not allow steps 8–9 yet (empty: they do)."""
    history: tuple[Held, ...] = ()


@dataclass(frozen=True)
class OrganisationIn:
    id: int
    name: str = ""
    region: str = ""
    memberships: tuple[tuple[date, date | None], ...] = ()

    def member_in(self, year: int) -> bool:
        known = self._member_years.get(year)
        if known is None:
            first, last = date(year, 1, 1), date(year, 12, 31)
            known = self._member_years[year] = any(
                start <= last and (end is None or end >= first) for start, end in self.memberships
            )
        return known

    @cached_property
    def _member_years(self) -> dict[int, bool]:
        """year -> member that year, filled as asked (the planner asks tens of thousands of
        times for a few hundred organisations)."""
        return {}


@dataclass(frozen=True, slots=True)
class PersonIn:
    id: int
    name: str = ""
    organisation_id: int | None = None
    """The employer: never assesses that organisation's locations."""
    region: str = ""
    max_per_year: int = 6
    assessor: bool = False
    peer_visitor: bool = False


@dataclass(frozen=True, slots=True)
class ConflictIn:
    person_id: int
    organisation_id: int
    kind: ConflictKind
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class AuditIn:
    """A past assessment of one of ``organisation_id``'s locations, led or assisted by a person."""

    person_id: int
    organisation_id: int
    on: date


@dataclass(frozen=True, slots=True)
class FixedEvent:
    """A stored event the planner keeps: a manual override, re-checked but never moved."""

    uid: str
    location_id: int
    kind: EventKind
    on: date
    visiting_organisation_id: int | None = None
    person_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlanInput:
    start: date
    """Plan from this day (usually today); earlier due events are overdue."""
    years: int
    locations: tuple[LocationIn, ...]
    organisations: tuple[OrganisationIn, ...]
    people: tuple[PersonIn, ...]
    conflicts: tuple[ConflictIn, ...] = ()
    audits: tuple[AuditIn, ...] = ()
    fixed: tuple[FixedEvent, ...] = ()
    previous: Mapping[str, tuple[int | None, tuple[int, ...]]] = field(default_factory=dict)
    """uid -> (visiting organisation, people) of the stored plan: kept when still valid."""
    previous_days: Mapping[str, date] = field(default_factory=dict)
    """uid -> the day the stored plan has for it: kept when still free and in its window."""
    declined: Mapping[str, frozenset[int]] = field(default_factory=dict)
    """uid -> the people who declined that event: it is planned without them."""
    used_uids: frozenset[str] = frozenset()
    """uids of stored events that were held or missed: a new event never takes one."""
    settings: PlannerSettings = field(default_factory=PlannerSettings)

    @property
    def last_year(self) -> int:
        return self.start.year + self.years - 1


@dataclass(frozen=True, slots=True)
class Exclusion:
    """One constraint and the candidates (organisation or person ids) it excluded."""

    constraint: Constraint
    candidates: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Violation:
    """A constraint a kept (manual) event breaks; ``subject`` is the person or organisation."""

    constraint: Constraint
    subject: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    uid: str
    location_id: int
    kind: EventKind
    number: int
    """The n-th event of this kind at this location (part of the stable uid)."""
    due_year: int
    window_start: date
    window_end: date
    on: date
    overdue: bool = False
    manual: bool = False
    visiting_organisation_id: int | None = None
    person_ids: tuple[int, ...] = ()
    unassigned: tuple[Exclusion, ...] = ()
    """Why no valid peer or team was found (empty when assigned or manual)."""
    violations: tuple[Violation, ...] = ()

    @property
    def assigned(self) -> bool:
        if self.kind is VISITATION:
            return self.visiting_organisation_id is not None
        return bool(self.person_ids)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A location that gets no visitation or Cirkel in the plan, and why."""

    location_id: int
    reason: str


@dataclass(frozen=True)
class Plan:
    start: date
    years: int
    events: tuple[PlannedEvent, ...]
    skipped: tuple[Skipped, ...] = ()

    @property
    def problems(self) -> tuple[PlannedEvent, ...]:
        return tuple(e for e in self.events if e.unassigned or e.violations)
