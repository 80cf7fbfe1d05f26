"""The forms of recorded things (add and edit alike), and editing or deleting one.

An edit opens the record's own form filled in; a delete asks first, naming the record.
Both go through :mod:`qaudit.services.records` and are logged there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from qaudit.i18n import _
from qaudit.tui import format as fmt
from qaudit.tui.screens.base import WorkScreen
from qaudit.tui.screens.form import ConfirmDialog, Field, FormDialog
from qaudit.tui.screens.privacy_gate import privacy_warning

Changes = Callable[[dict[str, Any]], dict[str, Any]]


def _get(record: Any, name: str, default: Any) -> Any:
    return getattr(record, name) if record is not None else default


def interview_fields(today: date, record: Any = None) -> list[Field]:
    from qaudit.domain.enums import InterviewGroup

    groups = [(g.label, g.value) for g in InterviewGroup]
    group = _get(record, "group", None)
    return [
        Field("group", _("Group"), "select", group.value if group else "residents", groups),
        Field("participants", _("Participants"), "int", _get(record, "participants", 1)),
        Field("held_on", _("Date"), "date", _get(record, "held_on", today), required=True),
        Field(
            "notes",
            _("Notes (no names, no dates of birth)"),
            "area",
            _get(record, "notes", ""),
            check=privacy_warning,
        ),
    ]


def interview_changes(v: dict[str, Any]) -> dict[str, Any]:
    from qaudit.domain.enums import InterviewGroup

    return {
        "group": InterviewGroup(v["group"]),
        "participants": v["participants"],
        "held_on": v["held_on"],
        "notes": v["notes"],
    }


def finding_fields(record: Any = None) -> list[Field]:
    from qaudit.domain.enums import FindingKind

    kinds = [(k.label, k.value) for k in FindingKind]
    kind = _get(record, "kind", None)
    return [
        Field("kind", _("Kind"), "select", kind.value if kind else "improvement", kinds),
        Field(
            "points",
            _("Points (ids, comma separated)"),
            default=", ".join(_get(record, "point_ids", [])),
        ),
        Field(
            "text",
            _("Finding"),
            "area",
            _get(record, "text", ""),
            required=True,
            check=privacy_warning,
        ),
    ]


def point_ids(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


def finding_changes(v: dict[str, Any]) -> dict[str, Any]:
    from qaudit.domain.enums import FindingKind

    return {"kind": FindingKind(v["kind"]), "text": v["text"], "point_ids": point_ids(v["points"])}


def recommendation_fields(findings: Sequence[Any], record: Any = None) -> list[Field]:
    options = [(_("(none)"), 0)] + [(f"{f.id}: {f.text[:40]}", f.id) for f in findings]
    return [
        Field("finding", _("Finding"), "select", _get(record, "finding_id", 0) or 0, options),
        Field("text", _("Recommendation"), "area", _get(record, "text", ""), required=True),
    ]


def recommendation_changes(v: dict[str, Any]) -> dict[str, Any]:
    return {"finding_id": v["finding"] or None, "text": v["text"]}


def action_fields(record: Any = None) -> list[Field]:
    return [
        Field("title", _("Action"), default=_get(record, "title", ""), required=True, guard=True),
        Field("owner", _("Owner"), default=_get(record, "owner", "")),
        Field("deadline", _("Deadline"), "date", _get(record, "deadline", None)),
    ]


def action_changes(v: dict[str, Any]) -> dict[str, Any]:
    return {"title": v["title"], "owner": v["owner"], "deadline": v["deadline"]}


def training_fields(today: date, staff: int, record: Any = None) -> list[Field]:
    return [
        Field("held_on", _("Date"), "date", _get(record, "held_on", today), required=True),
        Field(
            "topic",
            _("Topic"),
            default=_get(record, "topic", _("Working with the client promises")),
            required=True,
        ),
        Field("attendees", _("Attendees"), "int", _get(record, "attendees", 0)),
        Field("staff", _("Staff at the location"), "int", _get(record, "staff_total", staff)),
    ]


def training_changes(v: dict[str, Any]) -> dict[str, Any]:
    return {
        "held_on": v["held_on"],
        "topic": v["topic"],
        "attendees": v["attendees"],
        "staff_total": v["staff"],
    }


def visibility_fields(
    today: date, kinds: Sequence[str], promises: Sequence[Any], record: Any = None
) -> list[Field]:
    options = [(k, k) for k in kinds] + [(_("other"), "anders")]
    kind = _get(record, "kind", "banner")
    if kind not in [value for _text, value in options]:
        options.append((kind, kind))
    chosen = [(_("(all promises)"), "")] + [
        (f"{p.promise.id} {p.promise.title}", p.promise.id) for p in promises
    ]
    return [
        Field("kind", _("Kind"), "select", kind, options),
        Field("placement", _("Where"), default=_get(record, "placement", "")),
        Field("promise", _("Promise"), "select", _get(record, "promise_id", "") or "", chosen),
        Field("placed_on", _("Placed on"), "date", _get(record, "placed_on", today)),
    ]


def visibility_changes(v: dict[str, Any]) -> dict[str, Any]:
    return {
        "kind": v["kind"],
        "placement": v["placement"],
        "promise_id": v["promise"] or None,
        "placed_on": v["placed_on"],
    }


def edit_record(
    screen: WorkScreen,
    kind: str,
    record_id: int,
    title: str,
    fields: list[Field],
    changes: Changes,
) -> None:
    """The record's form, filled in; saving changes it (a refusal keeps what was typed)."""
    from qaudit.services import records

    screen.ask(
        FormDialog(title, fields),
        lambda v: screen.act(records.edit, screen.engine, kind, record_id, changes(v)),
    )


def delete_record(screen: WorkScreen, kind: str, record_id: int, what: str) -> None:
    """Ask first, naming the record; yes deletes it (logged)."""
    from qaudit.services import records

    question = _("Delete {what}? It cannot be undone; the deletion is logged.").format(what=what)

    def answer(yes: bool) -> None:
        if yes and screen.act(records.delete, screen.engine, kind, record_id) is not None:
            screen.notify(_("Deleted: {what}").format(what=what))

    screen.ask(ConfirmDialog(question), answer)


def short(text: str, width: int = 50) -> str:
    """A record's text shortened for a question."""
    line = (text or "").splitlines()[0] if text else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def day(value: date | None) -> str:
    return fmt.day(value)
