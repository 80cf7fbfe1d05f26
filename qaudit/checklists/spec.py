"""Typed specs of the checklist files (see checklists/FORMAT.md)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ChecklistId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
"""A checklist or promise set: lowercase words joined by hyphens (``basis-op-orde``)."""
ThemeId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]*$")]
"""A theme: capitals and digits (``T01``, ``BO``, ``KB01``)."""
PointId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]*(\.[0-9]+)+$")]
"""A measurement point: its theme's prefix, a dot and a number (``T01.02``, ``CKB10.1``)."""
PromiseId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]+$")]
"""A client promise: capitals and a number (``KB01``)."""
ChecklistKind = Literal["basis", "visitation", "cirkel"]
EvidenceKind = Literal["document", "record_sample", "observation", "interview", "system"]
Group = Literal["residents", "staff", "family", "management"]
_GROUPS = ", ".join(get_args(Group))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    """Strict: ``true`` is not a weight, ``"yes"`` is not a boolean, ``5`` is not text."""

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy without the cached derived values (hash, indexes) of the original."""
        copy = super().model_copy(update=update, deep=deep)
        for name in [k for k in copy.__dict__ if k not in type(self).model_fields]:
            del copy.__dict__[name]
        return copy


class Evidence(_Strict):
    kind: EvidenceKind
    detail: str = ""
    group: Group | None = None

    @model_validator(mode="after")
    def _group_with_interview(self) -> Self:
        if self.kind == "interview" and self.group is None:
            raise PydanticCustomError(
                "interview_group", "an interview needs a group ({groups})", {"groups": _GROUPS}
            )
        if self.kind != "interview" and self.group is not None:
            raise PydanticCustomError("group_without_interview", "only an interview has a group")
        return self


class Point(_Strict):
    id: PointId
    text: Text
    guidance: Text
    basis: Text
    weight: int = Field(default=1, ge=1, le=3)
    critical: bool = False
    evidence: list[Evidence] = Field(min_length=1)
    promises: list[PromiseId] = []
    refs: list[PointId] = []


class Theme(_Strict):
    id: ThemeId
    title: Text
    basis: str = ""
    points: list[Point] = Field(min_length=1)


class VerdictRule(_Strict):
    """When is the basis "voldoende op orde"? Lives in the checklist file, not in code."""

    overall_min_percent: float = Field(default=80, ge=0, le=100)
    theme_min_percent: float = Field(default=60, ge=0, le=100)
    critical_must_comply: bool = True
    require_complete: bool = True


class _Versioned(_Strict):
    id: ChecklistId
    version: Text
    title: Text
    description: str = ""

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the canonical content: formatting and comments do not count."""
        canonical = json.dumps(
            self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
        )
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ChecklistSpec(_Versioned):
    kind: ChecklistKind
    verdict: VerdictRule = VerdictRule()
    themes: list[Theme] = Field(min_length=1)

    @cached_property
    def points(self) -> tuple[Point, ...]:
        return tuple(p for theme in self.themes for p in theme.points)

    @cached_property
    def point_index(self) -> dict[str, Point]:
        return {p.id: p for p in self.points}

    @cached_property
    def theme_of(self) -> dict[str, Theme]:
        return {p.id: theme for theme in self.themes for p in theme.points}


class Promise(_Strict):
    id: PromiseId
    title: Text
    text: Text
    perceived: list[Text] = Field(min_length=1)
    check: Text
    measurement_points: list[PointId] = []


class PromiseSetSpec(_Versioned):
    kind: Literal["promises"]
    promises: list[Promise] = Field(min_length=1)

    @cached_property
    def promise_index(self) -> dict[str, Promise]:
        return {p.id: p for p in self.promises}


Spec = ChecklistSpec | PromiseSetSpec
