"""Pure planning of steps 8–9: when each location's visitation and Cirkel are due, and who goes.

Plain dataclasses in (``PlanInput``), plain dataclasses out (``Plan``); no database.

The rhythm (``qaudit.scheduling.cycle``)
----------------------------------------
* Steps 8–9 start only when the gates of ``qaudit.domain.cycle`` allow them: member, basis
  sufficiently in order, promises rolled out (steps 5–7 done). Other locations are listed as
  skipped, with the gate's reason.
* The first event after the rollout is an appreciative **visitation**, due in the calendar
  year after the rollout was completed.
* After that the kinds **alternate**: the next event is always the other kind than the last
  one *held*, due in the calendar year after it, and never sooner than two calendar years
  after the previous event of its own kind. So each kind comes once every two years.
* The **window** of a due event is its due calendar year; its target day is the anniversary
  of the previous event (or of the rollout). An event is **overdue** when its window has
  passed and it has not been held.
* A **missed** event does not count: the same kind stays due (overdue), is planned as soon as
  possible (the plan's start day), and the alternation continues from the day it is held.
  A **moved** event (held late or early) moves the rhythm with it: the next event follows in
  the year after the day it was actually held. The alternation never skips a kind and never
  doubles one.
* **Kept events** (``ScheduledEvent.manual``) are never moved: the rhythm continues from them.
  A kept event takes the next slot when it falls in (or before) that slot's year, or when it
  is of the due kind and at most one year later (a due event moved by hand).
  They are re-checked: of the wrong kind → ``alternation``; sooner than the rhythm allows
  → ``too_soon``; and every assignment constraint below.

Assignment (``qaudit.scheduling.assign``)
-----------------------------------------
* Visitation: a **peer organisation** that is a member that year, is not the location's own
  organisation, did not visit the location at its previous visitation, is not visited by the
  location's organisation the same year (unless ``allow_reciprocal_same_year``), carries out
  fewer than ``max_visits_per_organisation`` visitations that year, and has at least one free
  and independent peer visitor (up to ``peer_visitors`` are sent). The same region is tried
  first (``prefer_same_region``); the load is spread round-robin.
* Cirkel: ``team_size`` **independent assessors**: not employed by the location's
  organisation (``Person.organisation_id``), no declared conflict of interest with it
  (employed / advises / audited / other) that lasted until within ``independence_years`` of
  the event's year, no assessment of one of its locations in another year within
  ``independence_years`` (recorded ones and the plan's own; a team may assess several
  locations of one organisation in the same year), available on the day
  (``unavailable``: the absences recorded with ``qaudit person absent`` plus any in
  ``[planner.unavailable]``), and below their ``Person.max_per_year``.
* When no valid assignment exists the event is still planned, unassigned, with the list of
  constraints and the candidates each one excluded; the rest of the plan goes on.
* Determinism: inputs are ordered by id and events by date, so the same input gives the same
  plan. The candidate search walks round-robin rings per year and region (``pool``), so it
  looks at a handful of candidates per event: the planner grows linearly with the locations.
"""

from typing import TYPE_CHECKING

from qaudit.scheduling.model import (
    AuditIn,
    ConflictIn,
    Exclusion,
    FixedEvent,
    Held,
    LocationIn,
    OrganisationIn,
    PersonIn,
    Plan,
    PlanInput,
    PlannedEvent,
    Skipped,
    Violation,
)
from qaudit.scheduling.settings import PlannerSettings, planner_settings

if TYPE_CHECKING:
    from qaudit.scheduling.planner import plan


def __getattr__(name: str) -> object:
    """``plan`` is imported when first asked for: the dashboard's overdue rule needs the
    model and the rhythm, not the planner (start-up of the terminal UI)."""
    if name == "plan":
        from qaudit.scheduling.planner import plan

        return plan
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AuditIn",
    "ConflictIn",
    "Exclusion",
    "FixedEvent",
    "Held",
    "LocationIn",
    "OrganisationIn",
    "PersonIn",
    "Plan",
    "PlanInput",
    "PlannedEvent",
    "PlannerSettings",
    "Skipped",
    "Violation",
    "plan",
    "planner_settings",
]
