"""Evidence files and photos attached to answers (issue 15).

A file's bytes are stored once per location, addressed by their sha256
(:class:`EvidenceFile`); each answer that cites it has a link (:class:`AnswerEvidence`)
with the name it was attached under.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.models._base import fk, utcnow


class EvidenceFile(SQLModel, table=True):
    """The bytes of one evidence file, stored once per location (content-addressed)."""

    __table_args__ = (sa.UniqueConstraint("location_id", "sha256"),)

    id: int | None = Field(default=None, primary_key=True)
    location_id: int = fk("location.id")
    sha256: str = Field(max_length=64)
    size: int
    media_type: str = Field(max_length=120)
    content: bytes = Field(sa_type=sa.LargeBinary)
    stored_at: datetime = Field(default_factory=utcnow)


class AnswerEvidence(SQLModel, table=True):
    """A file cited as evidence for one point of one assessment, under the name it had."""

    __table_args__ = (sa.UniqueConstraint("assessment_id", "point_id", "file_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = fk("assessment.id")
    point_id: str
    file_id: int = fk("evidencefile.id", ondelete="RESTRICT")
    name: str
    attached_at: datetime = Field(default_factory=utcnow)
    attached_by: str = ""
