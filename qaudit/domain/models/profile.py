"""A location's profile, re-checks after a conditional verdict, a visitation's learning question."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from qaudit.domain.models._base import fk, json_field, text_field, utcnow


class LocationProfile(SQLModel, table=True):
    """What kind of location this is: it decides which measurement points apply."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = Field(foreign_key="location.id", unique=True, ondelete="CASCADE")
    behandeling: bool = False
    """The location provides behandeling (otherwise the huisarts treats)."""
    psychogeriatric: bool = False
    wzd_accommodation: bool = False
    verblijf: bool = True
    care_providers: int | None = None
    """Care providers working for the provider (the Wtza thresholds)."""
    places: int | None = None
    updated_at: datetime = Field(default_factory=utcnow)


class Recheck(SQLModel, table=True):
    """A re-check (herbeoordeling): an assessment of only the points that failed."""

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", unique=True, ondelete="CASCADE")
    """The re-check itself."""
    of_assessment_id: int = fk("assessment.id")
    """The assessment with the conditional verdict."""
    point_ids: list[str] = json_field()
    due_on: date


class LearningQuestion(SQLModel, table=True):
    """The location's own learning question (leervraag), recorded before a visitation."""

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", unique=True, ondelete="CASCADE")
    question: str = text_field()
    answer: str = text_field()
    """Answered in the report, after the visit."""
    recorded_at: datetime = Field(default_factory=utcnow)
