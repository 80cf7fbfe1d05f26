"""What a closed audit compared against: the self-evaluation's answers at the close."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.enums import Result
from qaudit.domain.models._base import enum_field, fk, text_field


class ReferenceAnswer(SQLModel, table=True):
    """One answer of the reference (self-evaluation), frozen when the audit was closed."""

    __table_args__ = (sa.UniqueConstraint("assessment_id", "point_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = fk("assessment.id")
    """The closed assessment (audit visit) this snapshot belongs to."""
    point_id: str
    result: Result = enum_field(Result)
    note: str = text_field()
    evidence: str = text_field()
