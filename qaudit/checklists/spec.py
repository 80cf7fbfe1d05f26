"""Typed specs of the checklist files (see checklists/FORMAT.md)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from qaudit.i18n import _

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
ChecklistKind = Literal["basis", "visitation", "cirkel", "readiness"]
EvidenceKind = Literal["document", "record_sample", "observation", "interview", "system"]
Group = Literal["residents", "staff", "family", "management"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

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


class Point(_Strict):
    id: Id
    text: Text
    guidance: Text
    basis: Text
    weight: int = Field(default=1, ge=1, le=3)
    critical: bool = False
    evidence: list[Evidence] = Field(min_length=1)
    promises: list[Id] = []
    refs: list[Id] = []


class Theme(_Strict):
    id: Id
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
    id: Id
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


class Dimension(_Strict):
    """A dimension of a readiness scan: one theme, its threshold and the advice on it."""

    theme: Id
    threshold_percent: float = Field(ge=0, le=100)
    advice_below: Text
    advice_met: Text


class ReadinessSpec(ChecklistSpec):
    """The readiness scan (gereedheidsscan) before step 2: themes are its dimensions."""

    kind: Literal["readiness"]
    dimensions: list[Dimension] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_dimension_per_theme(self) -> Self:
        themes = [t.id for t in self.themes]
        named = [d.theme for d in self.dimensions]
        if sorted(themes) != sorted(named):
            message = _("dimensions must name every theme exactly once (themes: {themes})")
            raise ValueError(message.format(themes=", ".join(themes)))
        return self

    @cached_property
    def dimension_of(self) -> dict[str, Dimension]:
        return {d.theme: d for d in self.dimensions}


def checklist_from_json(text: str, kind: str) -> ChecklistSpec:
    """A stored checklist spec (JSON) as the model of its kind."""
    model = ReadinessSpec if kind == "readiness" else ChecklistSpec
    return model.model_validate_json(text)


class Promise(_Strict):
    id: Id
    title: Text
    text: Text
    perceived: list[Text] = Field(min_length=1)
    check: Text
    measurement_points: list[Id] = []


class PromiseSetSpec(_Versioned):
    kind: Literal["promises"]
    promises: list[Promise] = Field(min_length=1)

    @cached_property
    def promise_index(self) -> dict[str, Promise]:
        return {p.id: p for p in self.promises}


Spec = ChecklistSpec | PromiseSetSpec
