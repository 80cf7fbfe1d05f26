"""Checklist versions, assessments and what is recorded in them."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.clientvoice_enums import ActionSource
from qaudit.domain.enums import (
    ActionStatus,
    AssessmentKind,
    AssessmentStatus,
    FindingKind,
    InterviewGroup,
    Result,
)
from qaudit.domain.models._base import enum_field, fk, json_field, text_field, utcnow
from qaudit.domain.verdict import Outcome


class ChecklistVersion(SQLModel, table=True):
    """One exact version of a checklist file, kept whole so old reports stay reproducible."""

    __table_args__ = (sa.UniqueConstraint("checklist_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    checklist_id: str = Field(index=True)
    version: str
    kind: str
    title: str
    content_hash: str = Field(unique=True)
    spec_json: str = text_field()
    registered_at: datetime = Field(default_factory=utcnow)


class Assessment(SQLModel, table=True):
    """A self-evaluation, audit visit, appreciative visitation or Cirkel assessment."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    kind: AssessmentKind = enum_field(AssessmentKind)
    checklist_version_id: int = fk("checklistversion.id", ondelete="RESTRICT")
    status: AssessmentStatus = enum_field(AssessmentStatus, default=AssessmentStatus.OPEN)
    started_on: date
    closed_at: datetime | None = None
    lead_person_id: int | None = fk("person.id", nullable=True)
    reference_assessment_id: int | None = fk("assessment.id", nullable=True)
    """For an audit visit: the location's self-evaluation it is compared with."""
    visiting_organisation_id: int | None = fk("organisation.id", nullable=True)
    """For a visitation: the peer organisation that visits."""
    summary: str = text_field()
    quality_advice: str = text_field()
    outcome: Outcome | None = enum_field(Outcome, default=None, nullable=True)
    """The verdict, recorded when the assessment is closed (its answers are locked then)."""
    score_percent: float | None = None
    """The weighted overall score, recorded when the assessment is closed."""
    cancelled_at: datetime | None = None
    """Set when the assessment was started by mistake and cancelled: it is kept, not
    deleted, and left out of dashboards, scores, reports and planning."""
    cancel_reason: str = Field(default="", sa_type=sa.Text, sa_column_kwargs={"server_default": ""})


class Answer(SQLModel, table=True):
    """The answer to one measurement point in one assessment."""

    __table_args__ = (sa.UniqueConstraint("assessment_id", "point_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = fk("assessment.id")
    point_id: str
    result: Result = enum_field(Result)
    note: str = text_field()
    evidence: str = text_field()
    answered_by_id: int | None = fk("person.id", nullable=True)
    answered_at: datetime = Field(default_factory=utcnow)
    """When the point last changed (result, note or evidence)."""
    version: int = 1
    """Goes up by one with every change; a save names the version it was based on."""
    result_version: int = 0
    note_version: int = 0
    evidence_version: int = 0
    """The version at which that field last changed (0: never set)."""
    changed_by: str = ""
    """Who made the last change (the audit log has every one, with before and after)."""


class Interview(SQLModel, table=True):
    """An interview during a visit. Notes are pseudonymised: never a resident's name."""

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = fk("assessment.id")
    group: InterviewGroup = enum_field(InterviewGroup)
    participants: int = Field(default=1, ge=0)
    held_on: date
    notes: str = text_field()


class Finding(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = fk("assessment.id")
    kind: FindingKind = enum_field(FindingKind)
    text: str = text_field()
    point_ids: list[str] = json_field()


class Recommendation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = fk("assessment.id")
    finding_id: int | None = fk("finding.id", nullable=True)
    text: str = text_field()


class ImprovementAction(SQLModel, table=True):
    """An improvement action with an owner and a deadline, from any source (visit, promise,
    client feedback, complaint, suggestion; ``source``, issue 12)."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    assessment_id: int | None = fk("assessment.id", nullable=True)
    promise_id: str | None = None
    title: str
    owner: str = ""
    deadline: date | None = None
    status: ActionStatus = enum_field(ActionStatus, default=ActionStatus.OPEN)
    source: ActionSource | None = enum_field(ActionSource, default=None, nullable=True)
    """Where it comes from; None on rows older than issue 12 (see ``action_source``)."""
    unit_id: int | None = fk("clientunit.id", nullable=True)
    origin_id: int | None = None
    """The complaint or suggestion it follows from (by ``source``), if any."""
    effect_measure: str = text_field()
    """The measurement that should show its effect."""
    created_on: date | None = None
