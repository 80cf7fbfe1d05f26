"""The preview of an import and its result: pure data the CLI prints and the TUI shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from qaudit.excel import answers
from qaudit.excel.diff import Change, Diff
from qaudit.excel.metadata import AnswerState
from qaudit.i18n import _, ngettext


@dataclass(frozen=True, kw_only=True)
class ImportPreview(Diff):
    """What importing one workbook would change in one assessment: the diff and its context."""

    file: Path
    assessment_id: int
    location: str
    checklist: str
    exported_at: datetime
    exported_by: str
    point_texts: dict[str, str] = field(default_factory=dict)
    not_read: tuple[str, ...] = ()
    """Sheets and columns of the workbook that hold something but are not imported."""

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.changed or self.conflicts)

    def __str__(self) -> str:
        return "\n".join(describe(self))

    def as_json(self) -> dict[str, object]:
        def changes(items: list[Change]) -> list[dict[str, object]]:
            return [
                {
                    "point": c.point_id,
                    "cell": c.cell,
                    "before": _state_json(c.before),
                    "after": _state_json(c.after),
                    "changed_in_qaudit_at": c.changed_in_qaudit_at,
                }
                for c in items
            ]

        return {
            "file": str(self.file),
            "assessment_id": self.assessment_id,
            "location": self.location,
            "checklist": self.checklist,
            "exported_at": self.exported_at.isoformat(),
            "exported_by": self.exported_by,
            "new": changes(self.new),
            "changed": changes(self.changed),
            "conflicts": changes(self.conflicts),
            "kept": self.kept,
            "unchanged": self.unchanged,
            "absent": self.absent,
            "not_read": list(self.not_read),
        }


@dataclass(frozen=True)
class ImportResult:
    assessment_id: int
    written: tuple[str, ...]
    """Point ids whose answers were written (new, changed and conflicts taken from the file)."""
    conflicts_taken: tuple[str, ...] = ()
    conflicts_kept: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {
            "assessment_id": self.assessment_id,
            "written": list(self.written),
            "conflicts_taken": list(self.conflicts_taken),
            "conflicts_kept": list(self.conflicts_kept),
        }

    def __str__(self) -> str:
        return ngettext(
            "{n} answer written to assessment {id}; conflicts: {taken} taken from the "
            "file, {kept} kept as in qaudit",
            "{n} answers written to assessment {id}; conflicts: {taken} taken from the "
            "file, {kept} kept as in qaudit",
            len(self.written),
        ).format(
            n=len(self.written),
            id=self.assessment_id,
            taken=len(self.conflicts_taken),
            kept=len(self.conflicts_kept),
        )


def _state_json(state: AnswerState) -> dict[str, str]:
    return {"result": state.result.value, "note": state.note, "evidence": state.evidence}


def show(state: AnswerState) -> str:
    text = answers.label(state.result) or _("(empty)")
    extras = [part for part in (state.note, state.evidence) if part]
    if extras:
        joined = " | ".join(extras).replace("\n", " ")
        text += f" — {joined[:60]}{'…' if len(joined) > 60 else ''}"
    return text


def describe(preview: ImportPreview) -> list[str]:
    lines = [
        _("Workbook {file}: assessment {id}, {location}, checklist {checklist}").format(
            file=preview.file.name,
            id=preview.assessment_id,
            location=preview.location,
            checklist=preview.checklist,
        ),
        _("Exported {at} by {who}").format(
            at=preview.exported_at.strftime("%Y-%m-%d %H:%M UTC"), who=preview.exported_by
        ),
    ]
    sections = (
        (_("New answers"), preview.new),
        (_("Changed answers"), preview.changed),
        (_("CONFLICTS: changed in qaudit after the export"), preview.conflicts),
    )
    for title, items in sections:
        lines.append(f"{title}: {len(items)}")
        lines += [_line(preview, c) for c in items]
    if preview.kept:
        lines.append(
            _("Changed in qaudit since the export, untouched in the file (kept): {ids}").format(
                ids=", ".join(preview.kept)
            )
        )
    if preview.absent:
        lines.append(
            _("Not in the file (left as they are): {ids}").format(ids=", ".join(preview.absent))
        )
    lines.append(_("Unchanged: {n}").format(n=preview.unchanged))
    if preview.not_read:
        lines.append(_("NOT IMPORTED, check that nothing is lost:"))
        lines += [f"  - {notice}" for notice in preview.not_read]
    return lines


def _line(preview: ImportPreview, change: Change) -> str:
    text = preview.point_texts.get(change.point_id, "")
    short = f"{text[:50]}…" if len(text) > 50 else text
    line = (
        f"  {change.point_id} ({change.cell}) {short}: {show(change.before)} → {show(change.after)}"
    )
    lost = [
        label
        for label, before, after in (
            (_("note"), change.before.note, change.after.note),
            (_("evidence"), change.before.evidence, change.after.evidence),
        )
        if before and not after
    ]
    if lost:
        line += "  " + _("[REMOVES the {what}]").format(what=_(" and ").join(lost))
    if change.changed_in_qaudit_at is not None:
        line += "  " + _("[changed in qaudit {at}]").format(
            at=change.changed_in_qaudit_at.strftime("%Y-%m-%d %H:%M UTC")
        )
    return line
