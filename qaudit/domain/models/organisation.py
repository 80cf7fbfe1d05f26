"""Organisations, their locations and membership, people and their roles."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from qaudit.domain.enums import ConflictKind, Role
from qaudit.domain.models._base import enum_field, fk, text_field


class Organisation(SQLModel, table=True):
    """A care provider; a member of the cooperative once it has a membership."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    city: str = ""
    region: str = Field(default="", index=True)


class Location(SQLModel, table=True):
    """A care home or site: the unit that is audited."""

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = fk("organisation.id")
    code: str = Field(unique=True)
    name: str
    city: str = ""
    region: str = Field(default="", index=True)
    residents: int = 0
    staff: int = 0
    notes: str = text_field()


class Membership(SQLModel, table=True):
    """Membership of the cooperative (step 3)."""

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = fk("organisation.id")
    member_number: str = Field(unique=True)
    start_date: date
    end_date: date | None = None


class Person(SQLModel, table=True):
    """Anyone acting in the cycle: auditors, visitors, assessors, contacts, staff.

    Residents are never stored as persons.
    """

    id: int | None = Field(default=None, primary_key=True)
    name: str
    email: str = ""
    organisation_id: int | None = fk("organisation.id", nullable=True)
    region: str = ""
    max_per_year: int = 6
    """How many visits or assessments this person takes on in one year at the most."""


class RoleAssignment(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("person_id", "role", "location_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = fk("person.id")
    role: Role = enum_field(Role)
    location_id: int | None = fk("location.id", nullable=True)
    """For location contacts: the location they speak for."""


class ConflictOfInterest(SQLModel, table=True):
    """A declared tie between a person and an organisation, checked by the planner."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = fk("person.id")
    organisation_id: int = fk("organisation.id")
    kind: ConflictKind = enum_field(ConflictKind)
    start_date: date | None = None
    end_date: date | None = None
    note: str = ""


class Absence(SQLModel, table=True):
    """A period in which a person cannot visit or assess (holiday, leave, ...)."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = fk("person.id")
    start_date: date
    end_date: date
    note: str = ""
