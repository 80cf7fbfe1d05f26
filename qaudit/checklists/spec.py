"""Typed specs of the checklist files (see checklists/FORMAT.md)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Literal, Self, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from qaudit.i18n import _

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
ChecklistId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
"""A checklist or promise set: lowercase words joined by hyphens (``basis-op-orde``)."""
ThemeId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]*$")]
"""A theme: capitals and digits (``T01``, ``BO``, ``KB01``)."""
PointId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]*(\.[0-9]+)+$")]
"""A measurement point: its theme's prefix, a dot and a number (``T01.02``, ``CKB10.1``)."""
PromiseId = Annotated[str, StringConstraints(pattern=r"^[A-Z]+[0-9]+$")]
"""A client promise: capitals and a number (``KB01``)."""
ChecklistKind = Literal["basis", "visitation", "cirkel", "readiness"]

EvidenceKind = Literal["document", "record_sample", "observation", "interview", "system"]
Group = Literal["residents", "staff", "family", "management", "client_council", "volunteers"]
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


NvtRule = Literal["never", "with_reason", "by_profile"]
"""When "n.v.t." may be answered: never, with a reason in the note, or by the location profile."""


class ProfileCondition(_Strict):
    """The locations a point applies to: every condition given must hold for the profile."""

    behandeling: bool | None = None
    """The location provides behandeling (its own specialist elderly-care physician, therapies)."""
    psychogeriatric: bool | None = None
    """The location has psychogeriatric units."""
    wzd_accommodation: bool | None = None
    """The location is a Wzd accommodation (registered for involuntary care)."""
    verblijf: bool | None = None
    """Residents stay at least a day and night (verblijf)."""
    min_care_providers: int | None = Field(default=None, ge=0)
    """At least this many care providers work for the provider (Wtza thresholds)."""

    @model_validator(mode="after")
    def _not_empty(self) -> Self:
        if all(getattr(self, name) is None for name in type(self).model_fields):
            raise PydanticCustomError("empty_condition", "name at least one condition")
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
    nvt: NvtRule | None = None
    """None (files before 2027.1): n.v.t. allowed without a reason."""
    note_required: bool = False
    """A note is required for "voldoet niet", and for n.v.t. on a critical point."""
    applies_to: ProfileCondition | None = None
    replaces: list[PointId] = []
    """Points of the previous version this one replaces (same meaning, new wording or id)."""
    split_from: PointId | None = None
    """The previous version's point this one was split off from."""
    merged_from: list[PointId] = []
    """The previous version's points merged into this one."""
    unverified: str = ""
    """What in the basis could not be verified against a source (said, not hidden)."""
    scored: bool = True
    """False: an open question (strengths, tips) answered in words, outside every score."""

    @model_validator(mode="after")
    def _profile_rule(self) -> Self:
        if (self.nvt == "by_profile") != (self.applies_to is not None):
            raise PydanticCustomError(
                "profile_rule", "'nvt: by_profile' and 'applies_to' go together"
            )
        return self

    @property
    def predecessors(self) -> list[str]:
        """Every point of the previous version this one follows up."""
        split = [self.split_from] if self.split_from else []
        return [*self.replaces, *split, *self.merged_from]


class Theme(_Strict):
    id: ThemeId
    title: Text
    basis: str = ""
    points: list[Point] = Field(min_length=1)


class ConditionalRule(_Strict):
    """Certification practice: a repair term and a re-check of only what failed."""

    overall_min_percent: float = Field(default=70, ge=0, le=100)
    theme_min_percent: float = Field(default=50, ge=0, le=100)
    max_critical_failed: int = Field(default=2, ge=0)
    """At most this many critical points "voldoet niet" (each must be repaired in the term)."""
    repair_weeks: int = Field(default=13, ge=1, le=52)
    """The repair term: the re-check (herbeoordeling) is due this many weeks after closing."""


class VerdictRule(_Strict):
    """When is the basis "voldoende op orde"? Lives in the checklist file, not in code."""

    overall_min_percent: float = Field(default=80, ge=0, le=100)
    theme_min_percent: float = Field(default=60, ge=0, le=100)
    critical_must_comply: bool = True
    require_complete: bool = True
    conditional: ConditionalRule | None = None
    """When set: "op orde onder voorwaarde" instead of "niet op orde" within these bounds."""


# Fields added in 2027.1: at their old default they leave the content hash of older files alone.
_LATER_DEFAULTS: dict[str, Any] = {
    "nvt": None,
    "note_required": False,
    "applies_to": None,
    "replaces": [],
    "split_from": None,
    "merged_from": [],
    "unverified": "",
    "scored": True,
    "conditional": None,
    "appreciative": False,
    "learning_question": False,
}


def _without_later_defaults(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: _without_later_defaults(v)
            for k, v in value.items()
            if not (k in _LATER_DEFAULTS and v == _LATER_DEFAULTS[k])
        }
    if isinstance(value, list):
        return [_without_later_defaults(v) for v in value]
    return value


class _Versioned(_Strict):
    id: ChecklistId
    version: Text
    title: Text
    description: str = ""

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the canonical content: formatting and comments do not count."""
        canonical = json.dumps(
            _without_later_defaults(self.model_dump(mode="json")),
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ChecklistSpec(_Versioned):
    kind: ChecklistKind
    verdict: VerdictRule = VerdictRule()
    appreciative: bool = False
    """True: no pass/fail verdict (an appreciative visitation names strengths and tips)."""
    learning_question: bool = False
    """True: the location states its own learning question (leervraag) before the visit."""
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

    theme: ThemeId
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
