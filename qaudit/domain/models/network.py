"""The learning network's library of good practices and the consent to share them (step 10)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.models._base import fk, text_field


class GoodPractice(SQLModel, table=True):
    """A good practice drawn from a strength or tip of a visit, tagged with promise or theme."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    assessment_id: int | None = fk("assessment.id", nullable=True)
    finding_id: int | None = Field(
        default=None, foreign_key="finding.id", unique=True, ondelete="CASCADE"
    )
    recommendation_id: int | None = Field(
        default=None, foreign_key="recommendation.id", unique=True, ondelete="CASCADE"
    )
    source: str = "strength"
    """strength (a finding marked as strength) or tip (a visitation's recommendation)."""
    text: str = text_field()
    promise_id: str | None = Field(default=None, index=True)
    theme_id: str | None = Field(default=None, index=True)
    recorded_on: date


class NetworkConsent(SQLModel, table=True):
    """Whether a location lets the network share its practices (absent: not shared)."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = Field(foreign_key="location.id", unique=True, ondelete="CASCADE")
    given: bool = False
    decided_on: date
    decided_by: str = ""


class SharedPractice(SQLModel, table=True):
    """A practice presented at a network meeting."""

    __table_args__ = (sa.UniqueConstraint("meeting_id", "practice_id"),)

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = fk("networkmeeting.id")
    practice_id: int = fk("goodpractice.id")
