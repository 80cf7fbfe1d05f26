"""Each constraint as a check of one candidate against the plan so far (the ledger)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from qaudit.scheduling.constraints import CONFLICT_CONSTRAINT, Constraint
from qaudit.scheduling.model import ConflictIn, LocationIn, OrganisationIn, PersonIn, PlanInput
from qaudit.scheduling.settings import PlannerSettings


@dataclass
class Ledger:
    """What the plan has committed so far, and the indexes the checks need."""

    settings: PlannerSettings
    conflicts: dict[tuple[int, int], list[ConflictIn]] = field(default_factory=dict)
    audits: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    """(person, organisation) -> years in which the person assessed one of its locations."""
    org_visits: Counter[tuple[int, int]] = field(default_factory=Counter)
    person_load: Counter[tuple[int, int]] = field(default_factory=Counter)
    visits: set[tuple[int, int, int]] = field(default_factory=set)
    """(visiting organisation, visited organisation, year)."""
    last_peer: dict[int, int] = field(default_factory=dict)
    """location -> the organisation that visited it last."""

    @classmethod
    def of(cls, data: PlanInput) -> Ledger:
        ledger = cls(data.settings)
        for conflict in data.conflicts:
            ledger.conflicts.setdefault((conflict.person_id, conflict.organisation_id), []).append(
                conflict
            )
        for audit in data.audits:
            ledger.audits.setdefault((audit.person_id, audit.organisation_id), []).append(
                audit.on.year
            )
        for location in data.locations:
            peers = [
                h
                for h in sorted(location.history, key=lambda h: h.on)
                if h.visiting_organisation_id is not None
            ]
            if peers:
                ledger.last_peer[location.id] = peers[-1].visiting_organisation_id or 0
            for held in peers:  # visits already held in the plan's years count towards them
                if held.on.year >= data.start.year and held.visiting_organisation_id:
                    ledger.book_visit(
                        held.visiting_organisation_id, location.organisation_id, held.on.year, ()
                    )
        return ledger

    def book_visit(self, visitor: int, visited: int, year: int, people: tuple[int, ...]) -> None:
        self.org_visits[(visitor, year)] += 1
        self.visits.add((visitor, visited, year))
        for person in people:
            self.person_load[(person, year)] += 1

    def book_cirkel(self, organisation: int, year: int, people: tuple[int, ...]) -> None:
        for person in people:
            self.person_load[(person, year)] += 1
            self.audits.setdefault((person, organisation), []).append(year)


def person_exclusion(
    ledger: Ledger,
    person: PersonIn,
    organisation: int,
    day: date,
    *,
    assessor: bool,
    counted: int = 0,
) -> Constraint | None:
    """Why ``person`` may not visit or assess a location of ``organisation`` on ``day``.

    ``counted`` is 1 when the ledger already holds this very assignment (a kept event).
    """
    year, settings = day.year, ledger.settings
    if person.organisation_id == organisation:
        return Constraint.EMPLOYED
    pair = (person.id, organisation)
    years = settings.independence_years
    conflicts = ledger.conflicts.get(pair)
    if conflicts:
        for conflict in conflicts:
            if _within(conflict, year, years):
                return CONFLICT_CONSTRAINT[conflict.kind]
    if assessor:
        audited = ledger.audits.get(pair)
        for audited_year in audited or ():  # a loop, not any(): no generator per call
            if 0 < abs(year - audited_year) <= years:
                return Constraint.AUDITED
    away = settings.unavailable.get(person.id)
    if away and any(first <= day <= last for first, last in away):
        return Constraint.UNAVAILABLE
    # .get: a Counter's missing key costs a Python call, and this runs 60,000 times a plan
    if ledger.person_load.get((person.id, year), 0) - counted >= person.max_per_year:
        return Constraint.PERSON_LOAD
    return None


def _within(conflict: ConflictIn, year: int, years: int) -> bool:
    """Does the declared conflict overlap the ``years`` before ``year``, up to its end?"""
    starts_in_time = conflict.start is None or conflict.start.year <= year
    return starts_in_time and (conflict.end is None or conflict.end.year >= year - years)


def organisation_exclusion(
    ledger: Ledger, candidate: OrganisationIn, location: LocationIn, year: int, *, counted: int = 0
) -> Constraint | None:
    """Why ``candidate`` may not visit ``location`` in ``year`` (peer visitors aside)."""
    if candidate.id == location.organisation_id:
        return Constraint.OWN_ORGANISATION
    if not candidate.member_in(year):
        return Constraint.NOT_MEMBER
    if ledger.last_peer.get(location.id) == candidate.id:
        return Constraint.SAME_PEER
    if (
        not ledger.settings.allow_reciprocal_same_year
        and (location.organisation_id, candidate.id, year) in ledger.visits
    ):
        return Constraint.RECIPROCAL
    limit = ledger.settings.max_visits_per_organisation
    if ledger.org_visits.get((candidate.id, year), 0) - counted >= limit:
        return Constraint.ORGANISATION_LOAD
    return None
