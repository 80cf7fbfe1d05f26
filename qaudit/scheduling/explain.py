"""Plain-language text for a plan: labels, "why not" explanations and violations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property

from qaudit.domain.enums import EventKind, Step
from qaudit.i18n import N_, _, get_language
from qaudit.scheduling.constraints import Constraint
from qaudit.scheduling.model import VISITATION, Exclusion, PlannedEvent, Violation

SHOWN = 6
"""How many excluded candidates an explanation names before "and N more"."""

_STEP_OF = {EventKind.VISITATION: Step.VISITATION, EventKind.CIRKEL: Step.CIRKEL}
"""The planner's events are named after their step of the cycle."""


@dataclass(frozen=True)
class Names:
    locations: Mapping[int, tuple[str, str, str]] = field(default_factory=dict)
    """id -> (code, name, city)."""
    organisations: Mapping[int, str] = field(default_factory=dict)
    people: Mapping[int, str] = field(default_factory=dict)

    def location(self, lid: int) -> str:
        label = self._location_labels.get(lid)
        if label is None:
            code, name, _city = self.locations.get(lid, (str(lid), "", ""))
            label = self._location_labels[lid] = f"{code} {name}".strip()
        return label

    @cached_property
    def _location_labels(self) -> dict[int, str]:
        """id -> "code name", made once per location (a plan names each one about ten times)."""
        return {}

    def organisation(self, oid: int | None) -> str:
        return "" if oid is None else self.organisations.get(oid, f"#{oid}")

    def person(self, pid: int) -> str:
        return self.people.get(pid, f"#{pid}")


def kind_label(kind: EventKind) -> str:
    return _kind_label(get_language(), kind)


@cache
def _kind_label(language: str, kind: EventKind) -> str:
    """Per language and kind, translated once: a plan labels tens of thousands of events."""
    step = _STEP_OF.get(kind)
    return step.label if step is not None else kind.label


def assignment(event: PlannedEvent, names: Names) -> str:
    """ "Org (visitor A, visitor B)" or "assessor A, assessor B"; empty when unassigned."""
    people = ", ".join(names.person(p) for p in event.person_ids)
    if event.kind is VISITATION and event.visiting_organisation_id is not None:
        org = names.organisation(event.visiting_organisation_id)
        return f"{org} ({people})" if people else org
    return people


def why_not(event: PlannedEvent, names: Names) -> list[str]:
    """One line per constraint that excluded candidates, naming them."""
    if not event.unassigned:
        return []
    if event.assigned:
        subject = _("No free day for everyone at")
    elif event.kind is VISITATION:
        subject = _("No peer organisation can visit")
    else:
        subject = _("No full team of independent assessors")
    lines = [
        _("{subject} {location} in {year}:").format(
            subject=subject, location=names.location(event.location_id), year=event.on.year
        )
    ]
    lines += [f"  - {_exclusion(x, event.kind, names)}" for x in event.unassigned]
    return lines


def _exclusion(x: Exclusion, kind: EventKind, names: Names) -> str:
    if not x.candidates:
        return x.constraint.explanation
    by_org = kind is VISITATION and x.constraint not in _PERSON_CONSTRAINTS
    label = names.organisation if by_org else names.person
    shown = ", ".join(label(c) for c in x.candidates[:SHOWN])
    more = len(x.candidates) - SHOWN
    if more > 0:
        shown += " " + _("and {count} more").format(count=more)
    return f"{shown}: {x.constraint.explanation}"


_PERSON_CONSTRAINTS = {
    Constraint.EMPLOYED,
    Constraint.ADVISES,
    Constraint.AUDITED,
    Constraint.OTHER_CONFLICT,
    Constraint.UNAVAILABLE,
    Constraint.PERSON_LOAD,
    Constraint.TEAM_INCOMPLETE,
    Constraint.DOUBLE_BOOKED,
    Constraint.WEEK_LOAD,
    Constraint.TRAVEL,
    Constraint.NO_FREE_DAY,
    Constraint.NOT_PEER_VISITOR,
    Constraint.NOT_ASSESSOR,
}


def violation_lines(event: PlannedEvent, names: Names) -> list[str]:
    return [_violation(v, event, names) for v in event.violations]


def _violation(v: Violation, event: PlannedEvent, names: Names) -> str:
    if v.subject is None:
        who = _("this event")
    elif v.constraint in _PERSON_CONSTRAINTS:
        who = names.person(v.subject)
    else:
        who = names.organisation(v.subject)
    return _("Kept event {uid}: {who} {explanation}").format(
        uid=event.uid, who=who, explanation=v.constraint.explanation
    )


JSON_CANDIDATES = 20
"""Excluded candidates listed per constraint in JSON (the total is given): an unassigned
visitation excludes every organisation of the cooperative, hundreds per event."""


def event_json(event: PlannedEvent, names: Names, stored: bool | None = None) -> dict[str, object]:
    """One event as JSON (with ``"stored"`` when given). Written per event of plans of
    hundreds of thousands: the names are looked up directly, explanations only when due."""
    peer, person = event.visiting_organisation_id, names.person
    unassigned, violations = event.unassigned, event.violations
    found: dict[str, object] = {
        "uid": event.uid,
        "location_id": event.location_id,
        "location": names.location(event.location_id),
        "kind": event.kind.value,
        "kind_name": kind_label(event.kind),
        "number": event.number,
        "due_year": event.due_year,
        "window_start": event.window_start.isoformat(),
        "window_end": event.window_end.isoformat(),
        "on": event.on.isoformat(),
        "overdue": event.overdue,
        "manual": event.manual,
        "visiting_organisation_id": peer,
        "visiting_organisation": "" if peer is None else names.organisation(peer),
        "person_ids": list(event.person_ids),
        "people": [person(p) for p in event.person_ids],
        "unassigned": [],
        "violations": [],
        "explanation": [],
    }
    if unassigned or violations:  # most events have neither: their lists stay empty
        found["unassigned"] = [
            {
                "constraint": x.constraint.value,
                "candidates": list(x.candidates[:JSON_CANDIDATES]),
                "candidates_total": len(x.candidates),
            }
            for x in unassigned
        ]
        found["violations"] = [
            {"constraint": v.constraint.value, "subject": v.subject} for v in violations
        ]
        found["explanation"] = why_not(event, names) + violation_lines(event, names)
    if stored is not None:
        found["stored"] = stored
    return found


_TEXT = {
    "title": N_("Cycle planner"),
    "loading": N_("Planning…"),
    "per_month": N_("Per month"),
    "per_location": N_("Per location"),
    "problems": N_("Problems"),
    "month": N_("month"),
    "date": N_("date"),
    "location": N_("location"),
    "event": N_("event"),
    "due": N_("due year"),
    "assigned": N_("assigned"),
    "status": N_("status"),
    "nobody": N_("(nobody)"),
    "overdue": N_("overdue"),
    "manual": N_("manual"),
    "stored": N_("stored"),
    "new": N_("new"),
    "problem": N_("problem"),
    "no_problems": N_("No problems: every event has a valid assignment."),
    "not_planned": N_("Not planned: {location}: {reason}"),
    "reload": N_("Reload"),
    "reload_tip": N_("Plan again from the database"),
    "back": N_("Back"),
    "back_tip": N_("Close the planner"),
    "longer": N_("Longer"),
    "longer_tip": N_("Plan one year further ahead"),
    "shorter": N_("Shorter"),
    "shorter_tip": N_("Plan one year less"),
    "summary": N_(
        "{events} events ({overdue} overdue), {problems} with a problem; "
        "{skipped} locations not planned."
    ),
    "horizon": N_("{years} years from {start}"),
}


def message(key: str) -> str:
    """The message id of one of the planner screen's words, translated when drawn (its
    key bar)."""
    return _TEXT[key]


def text(key: str) -> str:
    """The planner screen's words (kept here so they live in the schedule catalog)."""
    return _text(get_language(), key)


@cache
def _text(language: str, key: str) -> str:
    """Translated once per language: a plan's table asks for its words per event."""
    return _(_TEXT[key])


def status(event: PlannedEvent, stored: frozenset[str]) -> str:
    words = [text("overdue")] if event.overdue else []
    words += [text("manual")] if event.manual else []
    words += [text("stored") if event.uid in stored else text("new")]
    if event.unassigned or event.violations:
        words.append(text("problem"))
    return ", ".join(words)
