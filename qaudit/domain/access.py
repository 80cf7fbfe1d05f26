"""Who may see and change what: pure rules over grants and a few facts about assessments.

A *grant* gives a login one role, optionally limited to a location, an organisation or one
assessment. :func:`scope_of` turns a login's grants into a :class:`Scope`: the locations and
assessments it may read and write. The services apply it on every database; on PostgreSQL
the same rules are also row-level security policies (``qaudit.storage.security``), written
as SQL that mirrors this module line by line.

- ``staff``: everything.
- ``board``: reads its locations and their assessments; changes nothing; no interview notes.
- ``location-contact``: reads and changes its locations (steps, rollout, client data),
  fills in their self-evaluations and readiness scans; reads their other assessments; no
  interview notes.
- ``auditor``: changes the assessments it is assigned to (one assessment, or every
  assessment of a location or organisation); reads the other assessments of those
  locations, interview notes included.
- ``peer-visitor`` / ``assessor``: the visitation / Cirkel it is assigned to, from a month
  before the event's window until the assessment is closed (its report is final).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from qaudit.i18n import N_


class AccessRole(StrEnum):
    STAFF = "staff"
    AUDITOR = "auditor"
    LOCATION_CONTACT = "location-contact"
    PEER_VISITOR = "peer-visitor"
    ASSESSOR = "assessor"
    BOARD = "board"


WINDOWED_KIND = {AccessRole.PEER_VISITOR: "visitation", AccessRole.ASSESSOR: "cirkel"}
"""The assessment kind a time-windowed role is about."""
LOCATION_ROLES = (AccessRole.BOARD, AccessRole.LOCATION_CONTACT)
SELF_FILLED_KINDS = frozenset({"self_evaluation", "readiness_scan"})
"""The assessments a location fills in itself: its self-evaluation and its readiness scan."""


@dataclass(frozen=True)
class Grant:
    role: AccessRole
    location_id: int | None = None
    organisation_id: int | None = None
    assessment_id: int | None = None


@dataclass(frozen=True)
class AssessmentFacts:
    id: int
    location_id: int
    kind: str
    window_start: date
    """The first day of its event's window (or the day it started, without an event)."""
    closed: bool


@dataclass(frozen=True)
class Facts:
    """What the rules need to know: each location's organisation, and the assessments."""

    organisation_of: dict[int, int] = field(default_factory=dict)
    assessments: tuple[AssessmentFacts, ...] = ()


@dataclass(frozen=True)
class Scope:
    """What one login may do. ``everything`` overrides the sets."""

    everything: bool = False
    read_locations: frozenset[int] = frozenset()
    write_locations: frozenset[int] = frozenset()
    read_assessments: frozenset[int] = frozenset()
    write_assessments: frozenset[int] = frozenset()
    interview_assessments: frozenset[int] = frozenset()
    contact_locations: frozenset[int] = frozenset()
    audited_locations: frozenset[int] = frozenset()

    def can_read_location(self, location_id: int) -> bool:
        return self.everything or location_id in self.read_locations

    def can_write_location(self, location_id: int) -> bool:
        return self.everything or location_id in self.write_locations

    def can_read_assessment(self, assessment_id: int) -> bool:
        return self.everything or assessment_id in self.read_assessments

    def can_write_assessment(self, assessment_id: int) -> bool:
        return self.everything or assessment_id in self.write_assessments

    def can_read_interviews(self, assessment_id: int) -> bool:
        return self.everything or assessment_id in self.interview_assessments

    def can_start(self, kind: str, location_id: int) -> bool:
        """May start an assessment of ``kind``: an auditor any at its locations, a location
        contact the self-evaluation and readiness scan of its own."""
        if self.everything or location_id in self.audited_locations:
            return True
        return kind in SELF_FILLED_KINDS and location_id in self.contact_locations


EVERYTHING = Scope(everything=True)


def month_before(day: date) -> date:
    """The same day a calendar month earlier (clamped to the month's end, as PostgreSQL does)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def active(assessment: AssessmentFacts, today: date) -> bool:
    """Inside a visitor's or assessor's time window."""
    return not assessment.closed and today >= month_before(assessment.window_start)


def covers(grant: Grant, location_id: int, facts: Facts, assessment_id: int | None) -> bool:
    """Does the grant's scope (location, organisation or assessment) include this?"""
    if grant.assessment_id is not None:
        return grant.assessment_id == assessment_id
    if grant.location_id is not None:
        return grant.location_id == location_id
    if grant.organisation_id is not None:
        return facts.organisation_of.get(location_id) == grant.organisation_id
    return True  # a role without a scope: everywhere


def works_on(role: AccessRole, assessment: AssessmentFacts, today: date) -> bool:
    """An auditor works on any assessment in scope; a visitor or assessor on a visitation
    or Cirkel inside its window."""
    if role is AccessRole.AUDITOR:
        return True
    return assessment.kind == WINDOWED_KIND.get(role) and active(assessment, today)


def targets(grants: Iterable[Grant], facts: Facts, today: date) -> list[tuple[AccessRole, int]]:
    """(role, assessment id) for the assessments a login works on as auditor, visitor or
    assessor (visitors and assessors only inside their window)."""
    found: list[tuple[AccessRole, int]] = []
    for grant in grants:
        for a in facts.assessments:
            if covers(grant, a.location_id, facts, a.id) and works_on(grant.role, a, today):
                found.append((grant.role, a.id))
    return found


def _location_grant_locations(grants: Iterable[Grant], facts: Facts, role: AccessRole) -> set[int]:
    by_id = {a.id: a.location_id for a in facts.assessments}
    found: set[int] = set()
    for grant in grants:
        if grant.role is not role:
            continue
        if grant.assessment_id is not None:
            found.update({by_id[grant.assessment_id]} if grant.assessment_id in by_id else set())
        else:
            found.update(loc for loc in facts.organisation_of if covers(grant, loc, facts, None))
    return found


def scope_of(grants: Iterable[Grant], facts: Facts, today: date) -> Scope:
    """The scope of a login with these grants."""
    grants = list(grants)
    if any(g.role is AccessRole.STAFF for g in grants):
        return EVERYTHING
    board = _location_grant_locations(grants, facts, AccessRole.BOARD)
    contact = _location_grant_locations(grants, facts, AccessRole.LOCATION_CONTACT)
    location_of = {a.id: a.location_id for a in facts.assessments}
    work = targets(grants, facts, today)
    audited = _location_grant_locations(grants, facts, AccessRole.AUDITOR)
    visited = {a for role, a in work if role is not AccessRole.AUDITOR}
    whole = board | contact | audited
    read_assessments = {a.id for a in facts.assessments if a.location_id in whole} | visited
    self_evaluations = {
        a.id for a in facts.assessments if a.location_id in contact and a.kind in SELF_FILLED_KINDS
    }
    return Scope(
        read_locations=frozenset(whole | {location_of[a] for a in visited}),
        write_locations=frozenset(contact | audited),
        contact_locations=frozenset(contact),
        audited_locations=frozenset(audited),
        read_assessments=frozenset(read_assessments),
        write_assessments=frozenset({a for _, a in work} | self_evaluations),
        interview_assessments=frozenset(
            {a.id for a in facts.assessments if a.location_id in audited} | visited
        ),
    )


def grant_problem(role: AccessRole, grant: Grant, kind_of_assessment: str | None) -> str | None:
    """Why a grant makes no sense (an English message id), or None."""
    scoped = [grant.location_id, grant.organisation_id, grant.assessment_id]
    if sum(v is not None for v in scoped) > 1:
        return N_("give at most one of --location, --organisation and --assessment")
    if role is AccessRole.STAFF and any(v is not None for v in scoped):
        return N_("staff see everything: give no --location, --organisation or --assessment")
    if role is not AccessRole.STAFF and all(v is None for v in scoped):
        return N_("this role needs --location, --organisation or --assessment")
    if role in WINDOWED_KIND and kind_of_assessment not in (None, WINDOWED_KIND[role]):
        return N_("a peer visitor needs a visitation and an assessor a Cirkel assessment")
    return None
