"""What changed between two versions of a checklist, following replaces/split_from/merged_from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

from qaudit.checklists.catalogue import version_key
from qaudit.checklists.spec import ChecklistSpec, Point

T = TypeVar("T")
ChangeKind = Literal[
    "unchanged", "moved", "changed", "cited", "split", "merged", "added", "removed"
]
COMPARED = ("text", "guidance", "weight", "critical", "evidence", "applies_to", "scored")
"""The fields whose change makes a point "changed"."""
CITED = ("basis", "unverified", "nvt", "note_required")
"""Fields whose change alone makes a point "cited": a new grondslag or answer rule only."""
RE_ANSWER = ("text", "scored")
"""A change to these means the old answer no longer answers the point."""


@dataclass(frozen=True)
class PointChange:
    kind: ChangeKind
    old: tuple[str, ...]
    """The point ids in the old version (empty for an added point)."""
    new: str | None
    """The point id in the new version (None for a removed point)."""
    fields: tuple[str, ...] = ()
    old_theme: str = ""
    new_theme: str = ""

    @property
    def keeps_answer(self) -> bool:
        """May an answer to the old point stand for the new one? (Never for split or merged.)"""
        if self.kind in ("unchanged", "moved", "cited"):
            return True
        return self.kind == "changed" and not set(self.fields) & set(RE_ANSWER)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "old": list(self.old),
            "new": self.new,
            "fields": list(self.fields),
            "old_theme": self.old_theme,
            "new_theme": self.new_theme,
            "keeps_answer": self.keeps_answer,
        }


@dataclass(frozen=True)
class VersionDiff:
    checklist_id: str
    old_version: str
    new_version: str
    changes: tuple[PointChange, ...]

    def of_kind(self, *kinds: ChangeKind) -> list[PointChange]:
        return [c for c in self.changes if c.kind in kinds]

    def by_old_id(self) -> dict[str, list[PointChange]]:
        """Old point id -> the changes that follow it up (empty list: it was removed)."""
        index: dict[str, list[PointChange]] = {}
        for change in self.changes:
            for old in change.old:
                index.setdefault(old, []).append(change)
        return index

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.kind] = counts.get(change.kind, 0) + 1
        return counts

    def as_json(self) -> dict[str, object]:
        return {
            "checklist": self.checklist_id,
            "added": [c.new for c in self.of_kind("added")],
            "removed": [c.old[0] for c in self.of_kind("removed")],
            "changed": [c.new for c in self.of_kind("changed", "split", "merged")],
            "moved": [c.new for c in self.of_kind("moved")],
            "from": self.old_version,
            "to": self.new_version,
            "counts": self.counts(),
            "changes": [c.as_json() for c in self.changes if c.kind != "unchanged"],
        }


def diff(old: ChecklistSpec, new: ChecklistSpec) -> VersionDiff:
    """Every point of ``new`` with where it came from, and the points of ``old`` that went."""
    changes: list[PointChange] = []
    followed: set[str] = set()
    for point in new.points:
        change = _follow(old, new, point)
        followed.update(change.old)
        changes.append(change)
    for point in old.points:
        if point.id not in followed:
            theme = old.theme_of[point.id].id
            changes.append(PointChange("removed", (point.id,), None, old_theme=theme))
    return VersionDiff(old.id, old.version, new.version, tuple(changes))


def _follow(old: ChecklistSpec, new: ChecklistSpec, point: Point) -> PointChange:
    new_theme = new.theme_of[point.id].id
    sources = [p for p in point.predecessors if p in old.point_index]
    if not sources and not point.predecessors and point.id in old.point_index:
        sources = [point.id]
    if not sources:
        return PointChange("added", (), point.id, new_theme=new_theme)
    old_theme = old.theme_of[sources[0]].id
    if point.split_from:
        return PointChange("split", tuple(sources), point.id, ("text",), old_theme, new_theme)
    if len(sources) > 1 or point.merged_from:
        return PointChange("merged", tuple(sources), point.id, ("text",), old_theme, new_theme)
    before = old.point_index[sources[0]]
    fields = tuple(f for f in COMPARED if _value(before, f) != _value(point, f))
    cited = tuple(f for f in CITED if _value(before, f) != _value(point, f))
    if fields:
        fields += cited
        return PointChange("changed", (before.id,), point.id, fields, old_theme, new_theme)
    if cited:
        return PointChange("cited", (before.id,), point.id, cited, old_theme, new_theme)
    kind: ChangeKind = "moved" if before.id != point.id or old_theme != new_theme else "unchanged"
    return PointChange(kind, (before.id,), point.id, (), old_theme, new_theme)


def _value(point: Point, field: str) -> object:
    value = getattr(point, field)
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [v.model_dump() if hasattr(v, "model_dump") else v for v in value]
    if hasattr(value, "model_dump"):
        return value.model_dump()
    return value


def carry(source: ChecklistSpec, target: ChecklistSpec, answers: Mapping[str, T]) -> dict[str, T]:
    """``answers`` given on ``source`` keyed by the ids of ``target``, either direction.

    Only answers that still answer the point travel (unchanged, moved, cited, or changed in
    guidance or weight); split, merged and reworded points have no comparable answer.
    """
    if source.content_hash == target.content_hash:
        return dict(answers)
    forward = version_key(source.version) <= version_key(target.version)
    changes = diff(source, target).changes if forward else diff(target, source).changes
    pairs: list[tuple[str, str]] = []
    for change in changes:
        if change.keeps_answer and change.new is not None and len(change.old) == 1:
            old, new = change.old[0], change.new
            pairs.append((old, new) if forward else (new, old))
    return {new: answers[old] for old, new in pairs if old in answers}
