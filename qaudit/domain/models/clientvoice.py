"""The client's voice: units, feedback, outside scores, complaints, suggestions, evaluations.

Only references to people are stored (a respondent or complainant reference chosen by the
location), never names or dates of birth. Improvement actions from every source live in
:class:`qaudit.domain.models.assessment.ImprovementAction` (``source``, ``unit_id``).
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.clientvoice_enums import (
    Channel,
    ComplaintOutcome,
    EvaluationKind,
    RespondentGroup,
    SuggestionOrigin,
    SuggestionStatus,
)
from qaudit.domain.models._base import enum_field, fk, text_field, utcnow

__all__ = [
    "ClientUnit",
    "Complaint",
    "Evaluation",
    "ExternalAggregate",
    "FeedbackResponse",
    "Suggestion",
]


class ClientUnit(SQLModel, table=True):
    """A unit (afdeling) of a location: feedback, complaints and actions belong to one."""

    __table_args__ = (sa.UniqueConstraint("location_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    name: str


class FeedbackResponse(SQLModel, table=True):
    """One respondent's answers to the client-experience questionnaire.

    ``respondent_ref`` is unique per location, so importing a workbook twice changes nothing.
    ``satisfaction`` is the first of the six parameters; ``promises`` maps a promise id to
    ``ja`` / ``deels`` / ``nee`` / ``nvt`` (a promise left empty is not in the map).
    """

    __table_args__ = (sa.UniqueConstraint("location_id", "respondent_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    unit_id: int | None = fk("clientunit.id", nullable=True)
    respondent_ref: str
    responded_on: date = Field(index=True)
    group: RespondentGroup = enum_field(RespondentGroup)
    recommend: int | None = None
    satisfaction: int | None = None
    influence: int | None = None
    same_staff: int | None = None
    on_time: int | None = None
    self_reliance: int | None = None
    dignity: int | None = None
    promises: dict[str, str] = Field(default_factory=dict, sa_type=sa.JSON)
    free_text: str = text_field()
    imported_at: datetime = Field(default_factory=utcnow)


class ExternalAggregate(SQLModel, table=True):
    """A score published elsewhere (e.g. a ZorgkaartNederland recommendation score)."""

    __table_args__ = (sa.UniqueConstraint("location_id", "source", "period"),)

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    source: str
    period: str
    """``2026`` or ``2026-Q3``."""
    score: float
    count: int = 0
    note: str = ""


class Complaint(SQLModel, table=True):
    """A complaint (Wkkgz): a decision within six weeks, extendable by four with notice."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    unit_id: int | None = fk("clientunit.id", nullable=True)
    reference: str
    """The complainant's reference in the location's own file; never a name."""
    received_on: date
    channel: Channel = enum_field(Channel, default=Channel.OTHER)
    promise_id: str | None = None
    theme: str = ""
    summary: str = text_field()
    acknowledged_on: date | None = None
    extension_weeks: int = 0
    extension_notice_on: date | None = None
    """When the complainant was told of the extension; an extension counts only with it."""
    decided_on: date | None = None
    outcome: ComplaintOutcome | None = enum_field(ComplaintOutcome, default=None, nullable=True)
    follow_up: str = text_field()


class Suggestion(SQLModel, table=True):
    """An improvement suggestion from staff or a client."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    unit_id: int | None = fk("clientunit.id", nullable=True)
    origin: SuggestionOrigin = enum_field(SuggestionOrigin)
    received_on: date
    text: str = text_field()
    status: SuggestionStatus = enum_field(SuggestionStatus, default=SuggestionStatus.OPEN)


class Evaluation(SQLModel, table=True):
    """A held evaluation of the rhythm (client, staff, third party, client panel)."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    kind: EvaluationKind = enum_field(EvaluationKind)
    held_on: date = Field(index=True)
    participants: int = 0
    note: str = text_field()
