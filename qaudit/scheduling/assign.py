"""Choosing a peer organisation (with its visitors) or a team of assessors for one event,
and saying exactly why when there is none."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from qaudit.scheduling.checks import Ledger, organisation_exclusion, person_exclusion
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.model import Exclusion, LocationIn, PersonIn, PlanInput
from qaudit.scheduling.pool import Pool


@dataclass(frozen=True)
class Choice:
    organisation_id: int | None = None
    person_ids: tuple[int, ...] = ()
    why_not: tuple[Exclusion, ...] = ()


class Assigner:
    def __init__(self, data: PlanInput, ledger: Ledger) -> None:
        self.ledger = ledger
        self.settings = data.settings
        self.organisations = {o.id: o for o in sorted(data.organisations, key=lambda o: o.id)}
        self.people = {p.id: p for p in sorted(data.people, key=lambda p: p.id)}
        self.visitors: dict[int, list[PersonIn]] = {}
        for person in self.people.values():
            if person.peer_visitor and person.organisation_id is not None:
                self.visitors.setdefault(person.organisation_id, []).append(person)
        self.peer_pool = Pool(
            {
                o: self.organisations[o].region
                for o in sorted(self.visitors)
                if o in self.organisations
            }
        )
        self.assessor_pool = Pool({p.id: p.region for p in self.people.values() if p.assessor})
        self.without_visitors = [o for o in self.organisations if o not in self.visitors]

    def _region(self, location: LocationIn) -> str | None:
        return location.region if self.settings.prefer_same_region else None

    # -- visitations -------------------------------------------------------------------------
    def peer(
        self,
        location: LocationIn,
        day: date,
        preferred: int | None,
        declined: frozenset[int] = frozenset(),
    ) -> Choice:
        year = day.year
        order: Iterable[int] = self.peer_pool.candidates(year, self._region(location))
        if preferred in self.visitors:
            order = _first(preferred, order)
        for oid in order:
            candidate = self.organisations[oid]
            if organisation_exclusion(self.ledger, candidate, location, year) is not None:
                if (
                    self.ledger.org_visits.get((oid, year), 0)
                    >= self.settings.max_visits_per_organisation
                ):
                    self.peer_pool.retire(year, oid)
                continue
            people = self.peer_visitors(oid, location.organisation_id, day, declined=declined)
            if people:
                self.ledger.book_visit(oid, location.organisation_id, year, people)
                self.ledger.last_peer[location.id] = oid
                return Choice(oid, people)
        return Choice(why_not=self.why_no_peer(location, day))

    def peer_visitors(
        self,
        oid: int,
        visited: int,
        day: date,
        counted: int = 0,
        declined: frozenset[int] = frozenset(),
    ) -> tuple[int, ...]:
        free = [
            p
            for p in self.visitors.get(oid, ())
            if p.id not in declined
            and person_exclusion(self.ledger, p, visited, day, assessor=False, counted=counted)
            is None
        ]
        free.sort(key=lambda p: (self.ledger.person_load.get((p.id, day.year), 0), p.id))
        return tuple(sorted(p.id for p in free[: self.settings.peer_visitors]))

    def why_no_peer(self, location: LocationIn, day: date) -> tuple[Exclusion, ...]:
        """Why every organisation is excluded. Those retired for the year are at their maximum
        (one shared tuple, so a saturated year costs nothing per event); the others are
        checked one by one, with those that have no peer visitors at all."""
        excluded: dict[Constraint, list[int]] = {}
        full = self.peer_pool.retired(day.year)
        for oid in sorted([*self.peer_pool.live(day.year), *self.without_visitors]):
            candidate = self.organisations[oid]
            reason = organisation_exclusion(self.ledger, candidate, location, day.year)
            if reason is None and not self.peer_visitors(
                candidate.id, location.organisation_id, day
            ):
                reason = Constraint.NO_PEER_VISITOR
            if reason is Constraint.ORGANISATION_LOAD and oid in self.visitors:
                self.peer_pool.retire(day.year, oid)  # full for the year: shared from now on
            if reason is not None:
                excluded.setdefault(reason, []).append(candidate.id)
        return _exclusions(excluded, {Constraint.ORGANISATION_LOAD: full})

    # -- Cirkel assessments ------------------------------------------------------------------
    def team(
        self,
        location: LocationIn,
        day: date,
        preferred: tuple[int, ...],
        declined: frozenset[int] = frozenset(),
    ) -> Choice:
        size, year, organisation = self.settings.team_size, day.year, location.organisation_id
        chosen = [
            p
            for p in preferred
            if p in self.people and p not in declined and self._free(p, organisation, day)
        ]
        if len(chosen) != len(preferred) or len(chosen) != size:
            chosen = []
            for pid in self.assessor_pool.candidates(year, self._region(location)):
                if pid not in declined and self._free(pid, organisation, day):
                    chosen.append(pid)
                    if len(chosen) == size:
                        break
        if len(chosen) < size:
            return Choice(why_not=self.why_no_team(location, day))
        team = tuple(sorted(chosen))
        self.ledger.book_cirkel(organisation, year, team)
        for pid in team:
            if self.ledger.person_load.get((pid, year), 0) >= self.people[pid].max_per_year:
                self.assessor_pool.retire(year, pid)
        return Choice(person_ids=team)

    def _free(self, pid: int, organisation: int, day: date) -> bool:
        person = self.people[pid]
        if not person.assessor:
            return False
        reason = person_exclusion(self.ledger, person, organisation, day, assessor=True)
        if reason is Constraint.PERSON_LOAD:
            self.assessor_pool.retire(day.year, pid)
        return reason is None

    def why_no_team(self, location: LocationIn, day: date) -> tuple[Exclusion, ...]:
        """Why no full team: assessors retired for the year are at their maximum (one shared
        tuple); the others are checked one by one."""
        excluded: dict[Constraint, list[int]] = {}
        free: list[int] = []
        full = self.assessor_pool.retired(day.year)
        for pid in self.assessor_pool.live(day.year):
            person = self.people[pid]
            if not person.assessor:
                continue
            reason = person_exclusion(
                self.ledger, person, location.organisation_id, day, assessor=True
            )
            if reason is None:
                free.append(person.id)
            else:
                excluded.setdefault(reason, []).append(person.id)
                if reason is Constraint.PERSON_LOAD:
                    self.assessor_pool.retire(day.year, pid)  # full: shared from now on
        if free:
            excluded[Constraint.TEAM_INCOMPLETE] = free
        return _exclusions(excluded, {Constraint.PERSON_LOAD: full})


def _first(preferred: int, rest: Iterable[int]) -> Iterable[int]:
    yield preferred
    yield from (cid for cid in rest if cid != preferred)


def _exclusions(
    excluded: dict[Constraint, list[int]], shared: dict[Constraint, tuple[int, ...]]
) -> tuple[Exclusion, ...]:
    """One exclusion per constraint, in the constraints' order. ``shared`` holds a sorted
    tuple per constraint that is used as it is when nothing else joins it."""
    found = {c: tuple(sorted(ids)) for c, ids in excluded.items()}
    for constraint, ids in shared.items():
        if ids:
            joined = found.get(constraint)
            found[constraint] = tuple(sorted({*joined, *ids})) if joined else ids
    if not found:
        return (Exclusion(Constraint.NO_CANDIDATES, ()),)
    return tuple(
        Exclusion(c, ids) for c, ids in sorted(found.items(), key=lambda kv: _ORDER[kv[0]])
    )


_ORDER = {constraint: rank for rank, constraint in enumerate(Constraint)}
"""The constraints' order, once: listing the enum per unassigned event walks all its members."""
