"""Which visitations and Cirkels are overdue, per location: the one source for the dashboard,
the planner screen and ``qaudit schedule plan``.

Overdue is decided by the planner's own rhythm (:func:`qaudit.scheduling.timeline.timeline`
over the location's rollout, its held visitations and Cirkels and its kept events), not by
the rows a plan happened to store: the figure is the same before and after ``apply``, and the
same as the plan's. Read with plain SQL through a ``read`` function (no SQLAlchemy), so the
dashboard can use it on its fast path.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from qaudit.domain.cycle import ROLLOUT_STEPS, CycleState, gate
from qaudit.domain.enums import EventKind, MtDecision, Step, StepStatus
from qaudit.domain.events import as_date, kept_day
from qaudit.domain.verdict import Outcome
from qaudit.scheduling.model import FixedEvent, Held, LocationIn, OrganisationIn, PlanInput
from qaudit.scheduling.timeline import Slot, timeline

Read = Callable[[str, Mapping[str, object]], Sequence[Sequence[Any]]]
_STEP = {int(step): step for step in Step}
_STATUS = {status.value: status for status in StepStatus}
_KIND = {kind.value: kind for kind in EventKind}
"""Stored values to enums by lookup: tens of thousands of rows on the dashboard's path."""


@dataclass(frozen=True)
class Overdue:
    """A location's overdue visitation or Cirkel: which, and the last day of its window."""

    kind: EventKind
    due_year: int
    window_end: date


def overdue_by_location(read: Read, today: date) -> dict[int, list[Overdue]]:
    """location id -> its overdue visitations and Cirkels (as the planner plans from
    ``today``); locations with none are left out."""
    organisations = _organisations(read)
    fixed = _kept(read)
    located = read("SELECT id, organisation_id FROM location", {})
    rollout: dict[int, date] = {}
    states = _states(read, today, organisations, located, rollout)
    planned = []
    for lid, organisation_id in located:
        state = states.get(lid, CycleState(member=False))
        done_on = rollout.get(lid) if state.rollout_done else None
        blocked = gate(Step.VISITATION, state).reason
        if (blocked or done_on is None) and not fixed.get(lid):
            continue  # not laid out (as in overdue_in): its history is not needed
        planned.append((lid, organisation_id, done_on, blocked))
    history = _history(read, {lid for lid, *_ in planned}) if planned else {}
    locations = [
        LocationIn(
            lid,
            organisation_id,
            rollout_done_on=done_on,
            blocked=blocked,
            history=tuple(history.get(lid, ())),
        )
        for lid, organisation_id, done_on, blocked in planned
    ]
    return overdue_in(locations, organisations, fixed, today)


def overdue_of(data: PlanInput) -> int:
    """How many visitations and Cirkels are overdue for the planner's inputs ``data``."""
    fixed: dict[int, list[FixedEvent]] = defaultdict(list)
    for event in data.fixed:
        fixed[event.location_id].append(event)
    organisations = {o.id: o for o in data.organisations}
    late = overdue_in(data.locations, organisations, fixed, data.start)
    return sum(len(events) for events in late.values())


def overdue_in(
    locations: Sequence[LocationIn],
    organisations: Mapping[int, OrganisationIn],
    fixed: Mapping[int, Sequence[FixedEvent]],
    today: date,
) -> dict[int, list[Overdue]]:
    """The one rule: a location's events as the planner lays them out from ``today``
    (:func:`timeline`, skipping blocked locations as the planner does), the overdue ones."""
    found: dict[int, list[Overdue]] = {}
    for location in locations:
        kept = fixed.get(location.id, ())
        if (location.blocked or location.rollout_done_on is None) and not kept:
            continue
        slots = timeline(
            location, organisations.get(location.organisation_id), kept, today, today.year
        )
        late = [Overdue(s.kind, s.due_year, _deadline(s)) for s in slots if s.overdue]
        if late:
            found[location.id] = late
    return found


def _deadline(slot: Slot) -> date:
    """The last day an event is on time: the end of its due year, or the day of an event
    planned by hand (kept where it is, it is overdue once that day has passed)."""
    return slot.on if slot.fixed is not None else date(slot.due_year, 12, 31)


def overdue_count(read: Read, today: date) -> int:
    """How many visitations and Cirkels are overdue in the whole cooperative."""
    return sum(len(late) for late in overdue_by_location(read, today).values())


def _organisations(read: Read) -> dict[int, OrganisationIn]:
    periods: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    for oid, start, end in read(
        "SELECT organisation_id, start_date, end_date FROM membership ORDER BY id", {}
    ):
        first = as_date(start)
        if first is not None:
            periods[oid].append((first, as_date(end)))
    return {
        oid: OrganisationIn(oid, memberships=tuple(periods[oid]))
        for (oid,) in read("SELECT id FROM organisation", {})
    }


def _states(
    read: Read,
    today: date,
    organisations: dict[int, OrganisationIn],
    located: Sequence[Sequence[Any]],
    rollout: dict[int, date],
) -> dict[int, CycleState]:
    """The cycle state of every location (as ``services.cycle_states``, in plain SQL); fills
    ``rollout`` with when steps 5–7 were completed (the latest of them), per location."""
    steps: dict[int, dict[Step, StepStatus]] = defaultdict(dict)
    decisions: dict[int, MtDecision] = {}
    rollout_steps = {int(s) for s in ROLLOUT_STEPS}
    done = StepStatus.DONE.value
    for lid, step, status, decision, completed_on in read(
        "SELECT location_id, step, status, decision, completed_on FROM cyclestep", {}
    ):
        steps[lid][_STEP[step]] = _STATUS[status]
        if step == Step.MT_SESSION and decision:
            decisions[lid] = MtDecision(decision)
        if status == done and step in rollout_steps:
            on = as_date(completed_on)
            if on is not None and (lid not in rollout or on > rollout[lid]):
                rollout[lid] = on
    outcomes: dict[int, Outcome | None] = {}
    for lid, outcome in read(
        "SELECT location_id, outcome FROM assessment WHERE status = 'closed'"
        " AND kind IN ('audit_visit', 'cirkel') ORDER BY closed_at, id",
        {},
    ):
        outcomes[lid] = Outcome(outcome) if outcome else None
    members = {
        oid
        for oid, organisation in organisations.items()
        if any(s <= today and (e is None or e >= today) for s, e in organisation.memberships)
    }
    return {
        lid: CycleState(
            steps=steps.get(lid, {}),
            mt_decision=decisions.get(lid),
            member=organisation_id in members,
            basis_outcome=outcomes.get(lid),
        )
        for lid, organisation_id in located
    }


def _history(read: Read, wanted: set[int]) -> dict[int, list[Held]]:
    """Visitations and Cirkels that took place at the ``wanted`` locations (as
    ``schedule_inputs``: assessments, and events marked done that hold no assessment already
    counted)."""
    history: dict[int, list[Held]] = defaultdict(list)
    linked: set[int] = set()
    days: dict[object, date | None] = {None: None}  # few distinct days among many rows

    def day_of(value: object) -> date | None:
        if value in days:
            return days[value]
        found = days[value] = as_date(value)
        return found

    for aid, lid, kind, started_on, peer in read(
        "SELECT id, location_id, kind, started_on, visiting_organisation_id FROM assessment"
        " WHERE kind IN ('visitation', 'cirkel')",
        {},
    ):
        linked.add(aid)
        if lid in wanted:
            day = day_of(started_on)
            if day is not None:
                history[lid].append(Held(_KIND[kind], day, peer))
    for lid, kind, planned_on, start, peer, assessment_id in read(
        "SELECT location_id, kind, planned_on, window_start, visiting_organisation_id,"
        " assessment_id FROM scheduledevent WHERE status = 'done'"
        " AND kind IN ('visitation', 'cirkel')",
        {},
    ):
        if lid not in wanted:
            continue
        day = day_of(planned_on) or day_of(start)
        if day and (assessment_id is None or assessment_id not in linked):
            history[lid].append(Held(_KIND[kind], day, peer))
    return history


def _kept(read: Read) -> dict[int, list[FixedEvent]]:
    """The kept (manual) planned events per location, as the planner keeps them."""
    kept: dict[int, list[FixedEvent]] = defaultdict(list)
    for uid, lid, kind, planned_on, start, due_year, peer in read(
        "SELECT uid, location_id, kind, planned_on, window_start, due_year,"
        " visiting_organisation_id FROM scheduledevent WHERE status = 'planned'"
        " AND manual = :manual AND kind IN ('visitation', 'cirkel') ORDER BY id",
        {"manual": True},
    ):
        day = kept_day(planned_on, start, due_year)
        if day is not None:
            kept[lid].append(FixedEvent(uid, lid, EventKind(kind), day, peer, ()))
    return kept
