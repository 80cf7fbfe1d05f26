"""What an import would change: a pure three-way comparison per point.

For every row we know three states of the answer: as exported (its digest in the hidden
sheet), as in the file now ("theirs") and as in qaudit now ("ours"). A row the location
did not touch changes nothing, even when qaudit changed meanwhile. A touched row is new or
changed when qaudit still holds what was exported, and a conflict when qaudit changed it
after the export too (its digest differs, or it was answered after the export time).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from qaudit.excel.metadata import AnswerState, as_utc
from qaudit.excel.reader import FileRow


@dataclass(frozen=True)
class Current:
    """An answer as it is in qaudit now."""

    state: AnswerState
    answered_at: datetime


@dataclass(frozen=True)
class Change:
    point_id: str
    cell: str
    """Where the new answer is in the workbook, e.g. ``Meetpunten!H12``."""
    before: AnswerState
    after: AnswerState
    changed_in_qaudit_at: datetime | None = None
    """For a conflict: when the answer was last changed in qaudit."""


@dataclass(frozen=True)
class Diff:
    new: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    conflicts: list[Change] = field(default_factory=list)
    """Answered differently in the file and changed in qaudit after the export: you choose."""
    kept: list[str] = field(default_factory=list)
    """Points the file left as exported while qaudit changed them since: qaudit's stays."""
    unchanged: int = 0
    absent: list[str] = field(default_factory=list)
    """Points of the checklist with no row in the file (left as they are)."""


def theirs(row: FileRow, ours: AnswerState) -> AnswerState:
    """The file's answer; a column the workbook lacks keeps qaudit's value."""
    note = ours.note if row.note is None else row.note
    evidence = ours.evidence if row.evidence is None else row.evidence
    return AnswerState(row.result, note, evidence)


def compare(
    rows: Iterable[FileRow],
    base: Mapping[str, str],
    current: Mapping[str, Current],
    exported_at: datetime,
    sheet: str,
) -> Diff:
    diff = Diff()
    seen: set[str] = set()
    unchanged = 0
    for row in rows:
        seen.add(row.point_id)
        now = current.get(row.point_id)
        ours = now.state if now else AnswerState()
        after = theirs(row, ours)
        if after == ours:
            unchanged += 1
            continue
        if after.digest == base.get(row.point_id):
            diff.kept.append(row.point_id)
            continue
        change = Change(row.point_id, f"{sheet}!{row.cell}", ours, after)
        if now is not None and _changed_since(now, base.get(row.point_id), exported_at):
            conflict = Change(change.point_id, change.cell, ours, after, as_utc(now.answered_at))
            diff.conflicts.append(conflict)
        elif ours.empty:
            diff.new.append(change)
        else:
            diff.changed.append(change)
    diff.absent.extend(sorted(set(base) - seen))
    return Diff(diff.new, diff.changed, diff.conflicts, diff.kept, unchanged, diff.absent)


def _changed_since(now: Current, base_digest: str | None, exported_at: datetime) -> bool:
    return now.state.digest != base_digest or as_utc(now.answered_at) > exported_at
