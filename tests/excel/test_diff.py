"""The three-way comparison behind the preview (pure: no database, no files)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qaudit.domain.enums import Result
from qaudit.excel.diff import Current, compare
from qaudit.excel.metadata import AnswerState
from qaudit.excel.reader import FileRow

EXPORTED_AT = datetime(2026, 5, 1, 12, tzinfo=UTC)
BEFORE, AFTER = EXPORTED_AT - timedelta(days=1), EXPORTED_AT + timedelta(days=1)
EMPTY = AnswerState()
OK = AnswerState(Result.COMPLIANT, "ok")
NOT_OK = AnswerState(Result.NOT_COMPLIANT)


def row(point_id: str, state: AnswerState, note: str | None = "") -> FileRow:
    return FileRow(point_id, "H2", state.result, state.note if note == "" else note, state.evidence)


def test_every_case() -> None:
    base = {
        "new": EMPTY.digest,
        "changed": OK.digest,
        "untouched": OK.digest,
        "kept": OK.digest,
        "conflict": OK.digest,
        "same": OK.digest,
        "late": OK.digest,
        "absent": EMPTY.digest,
    }
    current = {
        "changed": Current(OK, BEFORE),
        "untouched": Current(OK, BEFORE),
        "kept": Current(NOT_OK, AFTER),
        "conflict": Current(NOT_OK, AFTER),
        "same": Current(NOT_OK, AFTER),
        "late": Current(OK, AFTER),  # re-answered after the export with the same answer
    }
    rows = [
        row("new", OK),
        row("changed", NOT_OK),
        row("untouched", OK),
        row("kept", OK),
        row("conflict", AnswerState(Result.PARTLY)),
        row("same", NOT_OK),
        row("late", NOT_OK),
    ]
    diff = compare(rows, base, current, EXPORTED_AT, "Meetpunten")
    assert [c.point_id for c in diff.new] == ["new"]
    assert [c.point_id for c in diff.changed] == ["changed"]
    assert [c.point_id for c in diff.conflicts] == ["conflict", "late"]
    assert diff.kept == ["kept"]
    assert diff.unchanged == 2  # untouched, same
    assert diff.absent == ["absent"]
    assert diff.new[0].cell == "Meetpunten!H2"
    assert diff.conflicts[0].changed_in_qaudit_at == AFTER


def test_a_missing_note_column_keeps_the_notes() -> None:
    current = {"p": Current(OK, BEFORE)}
    diff = compare([row("p", OK, note=None)], {"p": OK.digest}, current, EXPORTED_AT, "S")
    assert diff.unchanged == 1
    diff = compare(
        [FileRow("p", "H2", Result.PARTLY, None, "")], {"p": OK.digest}, current, EXPORTED_AT, "S"
    )
    assert diff.changed[0].after == AnswerState(Result.PARTLY, "ok", "")


def test_naive_times_from_sqlite_are_utc() -> None:
    naive_after = AFTER.replace(tzinfo=None)
    current = {"p": Current(OK, naive_after)}
    diff = compare([row("p", NOT_OK)], {"p": OK.digest}, current, EXPORTED_AT, "S")
    assert [c.point_id for c in diff.conflicts] == ["p"]
