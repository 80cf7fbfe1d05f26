"""``plan(PlanInput) -> Plan``: the whole planner, deterministic and near-linear.

1. Each location's timeline (dates only) from its history, kept events and the horizon.
2. The kept (manual) events are booked first, so the planner works around them.
3. All events in date order: kept ones are re-checked (violations), the others get a peer
   organisation or a team of assessors, or the exact reasons why none is valid.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from functools import cache

from qaudit.i18n import _
from qaudit.scheduling.assign import Assigner, Choice
from qaudit.scheduling.checks import Ledger, organisation_exclusion, person_exclusion
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.days import schedule_days
from qaudit.scheduling.model import (
    VISITATION,
    FixedEvent,
    PersonIn,
    Plan,
    PlanInput,
    PlannedEvent,
    Skipped,
    Violation,
)
from qaudit.scheduling.timeline import Slot, timeline


def plan(data: PlanInput) -> Plan:
    """The plan for ``data.years`` calendar years from ``data.start``. Same input, same plan."""
    slots, skipped = _slots(data)
    ledger = Ledger.of(data)
    for slot in slots:
        if slot.fixed is not None:
            _book_fixed(ledger, slot)
    assigner = Assigner(data, ledger)
    taken = set(data.used_uids) | {f.uid for f in data.fixed}
    events = schedule_days([_event(data, assigner, slot, taken) for slot in slots], data)
    return Plan(data.start, data.years, events, tuple(skipped))


def _slots(data: PlanInput) -> tuple[list[Slot], list[Skipped]]:
    organisations = {o.id: o for o in data.organisations}
    fixed: dict[int, list[FixedEvent]] = defaultdict(list)
    for event in data.fixed:
        fixed[event.location_id].append(event)
    slots: list[Slot] = []
    skipped: list[Skipped] = []
    for location in sorted(data.locations, key=lambda loc: loc.id):
        if location.blocked or location.rollout_done_on is None:
            reason = location.blocked or _(
                "The client promises have not been fully rolled out (steps 5–7)."
            )
            skipped.append(Skipped(location.id, reason))
            if not fixed.get(location.id):
                continue
        slots += timeline(
            location,
            organisations.get(location.organisation_id),
            fixed.get(location.id, ()),
            data.start,
            data.last_year,
        )
    slots.sort(key=lambda s: (s.on, s.location.id, s.kind, s.number))  # StrEnum: by value
    return slots, skipped


_NOBODY: frozenset[int] = frozenset()
"""No one declined (one shared empty set, not one per event)."""


def _book_fixed(ledger: Ledger, slot: Slot) -> None:
    event = slot.fixed
    assert event is not None
    visited, year = slot.location.organisation_id, event.on.year
    if event.kind is VISITATION:
        if event.visiting_organisation_id is not None:
            ledger.book_visit(event.visiting_organisation_id, visited, year, event.person_ids)
    else:
        ledger.book_cirkel(visited, year, event.person_ids)


def _unique(uid: str, taken: set[str]) -> str:
    """``uid``, or ``name-r2@domain`` (r3, ...) when a held, missed or kept event has it."""
    candidate, revision = uid, 1
    name, _sep, domain = uid.partition("@")
    while candidate in taken:
        revision += 1
        candidate = f"{name}-r{revision}@{domain}" if domain else f"{name}-r{revision}"
    taken.add(candidate)
    return candidate


def _event(data: PlanInput, assigner: Assigner, slot: Slot, taken: set[str]) -> PlannedEvent:
    if slot.fixed is not None:
        uid = slot.fixed.uid
        violations = tuple(Violation(c) for c in slot.violations) + _recheck(assigner, slot)
        if slot.kind is VISITATION and slot.fixed.visiting_organisation_id is not None:
            assigner.ledger.last_peer[slot.location.id] = slot.fixed.visiting_organisation_id
        choice = Choice(slot.fixed.visiting_organisation_id, slot.fixed.person_ids)
    else:
        uid = _unique(slot.uid(data.settings.uid_domain), taken)
        violations = ()
        previous_org, previous_people = data.previous.get(uid, (None, ()))
        declined = data.declined.get(uid, _NOBODY)
        if slot.kind is VISITATION:
            choice = assigner.peer(slot.location, slot.on, previous_org, declined)
        else:
            choice = assigner.team(slot.location, slot.on, previous_people, declined)
    return PlannedEvent(
        uid=uid,
        location_id=slot.location.id,
        kind=slot.kind,
        number=slot.number,
        due_year=slot.due_year,
        window_start=_first_day(slot.due_year),
        window_end=_last_day(slot.due_year),
        on=slot.on,
        overdue=slot.overdue,
        manual=slot.fixed is not None,
        visiting_organisation_id=choice.organisation_id,
        person_ids=choice.person_ids,
        unassigned=choice.why_not,
        violations=violations,
    )


def _recheck(assigner: Assigner, slot: Slot) -> tuple[Violation, ...]:
    """A kept event against every constraint; its own booking is already in the ledger."""
    event, ledger = slot.fixed, assigner.ledger
    assert event is not None
    visited, found = slot.location.organisation_id, []
    if event.kind is VISITATION and event.visiting_organisation_id is not None:
        visitor = assigner.organisations.get(event.visiting_organisation_id)
        if visitor is not None:
            reason = organisation_exclusion(
                ledger, visitor, slot.location, event.on.year, counted=1
            )
            if reason is not None:
                found.append(Violation(reason, visitor.id))
    home = assigner.organisations.get(visited)
    if home is not None and not home.member_in(event.on.year):
        found.append(Violation(Constraint.LOCATION_NOT_MEMBER, visited))
    for pid in event.person_ids:
        person = assigner.people.get(pid)
        role = _role_violation(event, person)
        if role is not None:
            found.append(Violation(role, pid))
        if person is None:
            continue
        assessor = event.kind is not VISITATION
        reason = person_exclusion(ledger, person, visited, event.on, assessor=assessor, counted=1)
        if reason is not None:
            found.append(Violation(reason, pid))
    if event.kind is not VISITATION and len(event.person_ids) < assigner.settings.team_size:
        found.append(Violation(Constraint.TEAM_INCOMPLETE))
    return tuple(found)


def _role_violation(event: FixedEvent, person: PersonIn | None) -> Constraint | None:
    """A kept visitation's people must be peer visitors of the visiting organisation; a kept
    Cirkel's people independent assessors (``person`` is None: neither role)."""
    if event.kind is VISITATION:
        if (
            person is None
            or not person.peer_visitor
            or person.organisation_id != event.visiting_organisation_id
        ):
            return Constraint.NOT_PEER_VISITOR
        return None
    if person is None or not person.assessor:
        return Constraint.NOT_ASSESSOR
    return None


@cache
def _first_day(year: int) -> date:
    return date(year, 1, 1)


@cache
def _last_day(year: int) -> date:
    return date(year, 12, 31)
