"""The ten steps per location, scheduled events and the learning network."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.enums import EventKind, EventStatus, MtDecision, StepStatus
from qaudit.domain.models._base import enum_field, fk, text_field, utcnow


class CycleStep(SQLModel, table=True):
    """One step of the cycle at one location, with its status, dates and who."""

    __table_args__ = (sa.UniqueConstraint("location_id", "step"),)

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    step: int = Field(ge=1, le=10)
    status: StepStatus = enum_field(StepStatus, default=StepStatus.NOT_STARTED)
    started_on: date | None = None
    completed_on: date | None = None
    person_id: int | None = fk("person.id", nullable=True)
    decision: MtDecision | None = enum_field(MtDecision, default=None, nullable=True)
    """Step 2 only: the board's decision."""
    notes: str = text_field()


class StepEvent(SQLModel, table=True):
    """A step's history, kept whole: each start, completion and reopening with its date.

    Completing a reopened step again never replaces the first completion date."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    step: int = Field(ge=1, le=10)
    event: str
    """"started", "completed", "reopened" or "start_undone"."""
    day: date
    actor: str = ""
    recorded_at: datetime = Field(default_factory=utcnow)
    assessment_id: int | None = fk("assessment.id", nullable=True)
    """The assessment whose start started the step, or whose cancelling undid that start."""
    before: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    """The step as it was before this event (see ``services.step_undo``), kept where the
    event may be undone: a step start made by an assessment."""
    after: dict[str, Any] | None = Field(default=None, sa_type=sa.JSON)
    """The step as this event left it: anything else since means the start is not undone."""


class ScheduledEvent(SQLModel, table=True):
    """Something planned at a location: a visit, a visitation, a Cirkel assessment, ..."""

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)
    """Stable identifier, also the iCalendar UID, so re-exports update instead of duplicate."""
    location_id: int = fk("location.id")
    kind: EventKind = enum_field(EventKind)
    status: EventStatus = enum_field(EventStatus, default=EventStatus.PLANNED)
    due_year: int | None = None
    window_start: date | None = None
    window_end: date | None = None
    planned_on: date | None = None
    manual: bool = False
    """Set by a person, not the planner: the planner keeps it and re-checks it."""
    visiting_organisation_id: int | None = fk("organisation.id", nullable=True)
    assessment_id: int | None = fk("assessment.id", nullable=True)
    note: str = text_field()


class EventAssignment(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("event_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = fk("scheduledevent.id")
    person_id: int = fk("person.id")
    role: str = "assessor"
    response: str = Field(default="", sa_column_kwargs={"server_default": ""})
    """The person's answer to the invitation: "" (none yet), "accepted" or "declined"."""
    responded_at: datetime | None = None


class NetworkMeeting(SQLModel, table=True):
    """A meeting of the learning network (step 10)."""

    id: int | None = Field(default=None, primary_key=True)
    held_on: date
    topic: str
    """The meeting's theme."""
    notes: str = text_field()
    host_location_id: int | None = fk("location.id", nullable=True)
    shared: str = text_field()
    """What was shared (no resident names)."""


class NetworkAttendance(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("meeting_id", "location_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = fk("networkmeeting.id")
    location_id: int = fk("location.id")
    attendees: int = Field(default=1, ge=1)
    """How many people came from this location."""
