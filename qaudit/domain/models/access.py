"""Logins and what they may see: the mapping of database logins to people, and grants."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.access import AccessRole
from qaudit.domain.models._base import enum_field, fk, utcnow


class Login(SQLModel, table=True):
    """A database login (on PostgreSQL a role that can log in) and the person behind it."""

    name: str = Field(primary_key=True, max_length=63)
    person_id: int = fk("person.id")
    added_at: datetime = Field(default_factory=utcnow)


class AccessGrant(SQLModel, table=True):
    """One role for one login, limited to a location, an organisation or an assessment."""

    __table_args__ = (
        sa.UniqueConstraint("login", "role", "location_id", "organisation_id", "assessment_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    login: str = Field(index=True, max_length=63)
    role: AccessRole = enum_field(AccessRole)
    location_id: int | None = fk("location.id", nullable=True)
    organisation_id: int | None = fk("organisation.id", nullable=True)
    assessment_id: int | None = fk("assessment.id", nullable=True)
    granted_at: datetime = Field(default_factory=utcnow)


class AssessmentPerson(SQLModel, table=True):
    """Someone who does the work of an assessment: auditor, peer visitor or assessor."""

    __table_args__ = (sa.UniqueConstraint("assessment_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = fk("assessment.id")
    person_id: int = fk("person.id")
    role: str = Field(default="auditor", max_length=24)
