"""Column helpers shared by the table modules."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Any, Literal

import sqlalchemy as sa
from sqlmodel import Field


def utcnow() -> datetime:
    """Now, timezone-aware in UTC (SQLModel stores and returns datetimes in UTC)."""
    return datetime.now(UTC)


def enum_field(enum: type[Enum], default: Any = ..., **kwargs: Any) -> Any:
    """An enum stored as its value in a VARCHAR (no native enum types: portable migrations)."""
    column_type = sa.Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
    )
    return Field(default=default, sa_type=column_type, **kwargs)


def text_field(default: str = "") -> Any:
    return Field(default=default, sa_type=sa.Text)


def json_field() -> Any:
    return Field(default_factory=list, sa_type=sa.JSON)


OnDelete = Literal["CASCADE", "SET NULL", "RESTRICT"]


def fk(target: str, *, nullable: bool = False, ondelete: OnDelete = "CASCADE") -> Any:
    """A foreign key, indexed; ``ondelete`` applies when the referenced row goes."""
    return Field(
        default=None if nullable else ...,
        foreign_key=target,
        index=True,
        nullable=nullable,
        ondelete=ondelete if not nullable else "SET NULL",
    )


def id_of(row: Any) -> int:
    """The primary key of a row that has been flushed."""
    assert row.id is not None, f"{type(row).__name__} has no id yet (flush first)"
    return int(row.id)
