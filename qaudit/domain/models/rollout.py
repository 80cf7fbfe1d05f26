"""The promise rollout: local translations, training and visibility (steps 5–7)."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.models._base import fk, text_field


class PromiseTranslation(SQLModel, table=True):
    """How one uniform client promise is applied at one location."""

    __table_args__ = (sa.UniqueConstraint("location_id", "promise_id"),)

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    promise_id: str
    translation: str = text_field()
    agreements: str = text_field()


class TrainingSession(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    held_on: date
    topic: str
    attendees: int = Field(default=0, ge=0)
    staff_total: int = Field(default=0, ge=0)
    """Staff at the location when the session was held: the share trained is attendees/total."""


class VisibilityItem(SQLModel, table=True):
    """A banner, mirror, brochure, ... that makes the promises visible."""

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    kind: str
    placement: str = ""
    promise_id: str | None = None
    placed_on: date | None = None
