"""Mutated exports are imported correctly or refused with a message; never half-written.

Hypothesis edits a valid export the way people and broken tools do (deleted rows, swapped
or unknown ids, junk answers, new notes, removed or edited metadata, truncated or damaged
bytes). A small model of the sheet predicts the outcome: if the model says the workbook is
valid, the database must then hold exactly the file's answers; otherwise the import must
be refused with a QauditError and the database must be unchanged.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from excel.support import (
    audit_count,
    column_of,
    db_answers,
    make_assessment,
    points_sheet,
)
from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.errors import QauditError
from qaudit.excel import answers, layout
from qaudit.excel.cells import normalise_text
from qaudit.services import assessments
from qaudit.services.excel import apply_import, export_assessment, preview_import

IDS = ["A.01", "A.02", "B.01", "B.02"]
_codes = itertools.count(1)

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12)
answer_text = st.one_of(
    st.sampled_from(
        [
            "voldoet",
            "Voldoet deels",
            "VOLDOET NIET",
            "n.v.t.",
            "nvt",
            "compliant",
            "partly compliant",
            "",
            " voldoet ",
        ]
    ),
    text,
)
row_index = st.integers(0, 3)
sheet_edit = st.one_of(
    st.tuples(st.just("delete"), row_index),
    st.tuples(st.just("swap"), row_index, row_index),
    st.tuples(st.just("answer"), row_index, answer_text),
    st.tuples(st.just("note"), row_index, text),
    st.tuples(st.just("id"), row_index, st.sampled_from([*IDS, "Z.99", "a.01", ""])),
)
file_edit = st.one_of(
    st.tuples(st.just("drop_meta")),
    st.tuples(
        st.just("meta"),
        st.sampled_from(["assessment_id", "content_hash", "location_code", "format"]),
        text,
    ),
    st.tuples(st.just("truncate"), st.floats(0.05, 0.95)),
    st.tuples(st.just("flip"), st.floats(0, 1)),
)


@dataclass
class Row:
    point_id: str | None
    answer: str | None
    note: str | None


def _model(rows: list[Row]) -> dict[str, tuple[str, str]] | None:
    """What a valid workbook means (id -> result, note), or None when it must be refused."""
    expected: dict[str, tuple[str, str]] = {}
    for row in rows:
        result = answers.parse(row.answer)
        if not row.point_id:
            if result not in (None, Result.NOT_ASSESSED) or normalise_text(row.note):
                return None
            continue
        if result is None or row.point_id not in IDS or row.point_id in expected:
            return None
        expected[row.point_id] = (result.value, normalise_text(row.note))
    return expected


def _apply_sheet_edits(path: Path, edits: list[tuple]) -> list[Row]:
    workbook = openpyxl.load_workbook(path)
    sheet = points_sheet(workbook)
    cols = {k: column_of(sheet, k) for k in ("id", "answer", "note")}
    rows = [
        Row(*(sheet.cell(r, cols[k]).value for k in ("id", "answer", "note"))) for r in range(2, 6)
    ]
    for edit in edits:
        kind, i = edit[0], edit[1]
        if i >= len(rows):
            continue
        if kind == "delete":
            rows.pop(i)
        elif kind == "swap":
            j = edit[2] % len(rows)
            rows[i].point_id, rows[j].point_id = rows[j].point_id, rows[i].point_id
        elif kind == "answer":
            rows[i].answer = edit[2]
        elif kind == "note":
            rows[i].note = edit[2]
        elif kind == "id":
            rows[i].point_id = edit[2]
    sheet.delete_rows(2, 4)
    for number, row in enumerate(rows, start=2):
        for key, value in (("id", row.point_id), ("answer", row.answer), ("note", row.note)):
            sheet.cell(number, cols[key]).value = value
    workbook.save(path)
    return rows


def _apply_file_edit(path: Path, edit: tuple) -> None:
    if edit[0] == "drop_meta":
        workbook = openpyxl.load_workbook(path)
        del workbook[layout.META_SHEET]
        workbook.save(path)
    elif edit[0] == "meta":
        workbook = openpyxl.load_workbook(path)
        meta = workbook[layout.META_SHEET]
        next(r for r in meta.iter_rows() if r[0].value == edit[1])[1].value = edit[2] or "x"
        workbook.save(path)
    else:
        data = bytearray(path.read_bytes())
        at = int(edit[1] * (len(data) - 1))
        if edit[0] == "truncate":
            del data[at:]
        else:
            data[at] ^= 0xFF
        path.write_bytes(bytes(data))


def _fresh(engine, catalogue: Catalogue, folder: Path) -> tuple[int, Path]:  # type: ignore[no-untyped-def]
    assessment_id, _ = make_assessment(engine, catalogue, code=f"P{next(_codes)}")
    assessments.give_answer(engine, assessment_id, "B.01", Result.PARTLY, note="eerder")
    out = export_assessment(engine, assessment_id, folder / f"a{assessment_id}.xlsx")
    return assessment_id, out


def _import(engine, path: Path) -> bool:  # type: ignore[no-untyped-def]
    """True when imported, False when refused with a user-facing message."""
    try:
        apply_import(engine, preview_import(engine, path), take_theirs=True)
    except QauditError as refusal:
        assert str(refusal).strip()
        return False
    return True


SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(edits=st.lists(sheet_edit, max_size=4))
def test_sheet_mutations(
    engine,
    mini_catalogue: Catalogue,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    edits: list[tuple],
) -> None:
    assessment_id, path = _fresh(engine, mini_catalogue, tmp_path)
    before = db_answers(engine, assessment_id), audit_count(engine)
    expected = _model(_apply_sheet_edits(path, edits))
    imported = _import(engine, path)
    stored = db_answers(engine, assessment_id)
    if expected is None:
        assert not imported
        assert (stored, audit_count(engine)) == before
        return
    assert imported
    for point_id in IDS:
        if point_id in expected:
            result, note = expected[point_id]
            if result == "nog_niet" and not note and point_id not in before[0]:
                assert point_id not in stored
            else:
                assert stored[point_id][:2] == (result, note)
        else:
            assert stored.get(point_id) == before[0].get(point_id)


@SETTINGS
@given(edit=file_edit, also=st.lists(sheet_edit, max_size=2))
def test_file_mutations(
    engine,
    mini_catalogue: Catalogue,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    edit: tuple,
    also: list[tuple],
) -> None:
    assessment_id, path = _fresh(engine, mini_catalogue, tmp_path)
    _apply_sheet_edits(path, also)
    before = db_answers(engine, assessment_id), audit_count(engine)
    _apply_file_edit(path, edit)
    imported = _import(engine, path)
    if edit[0] in ("drop_meta", "meta", "truncate"):
        assert not imported
    if not imported:
        assert (db_answers(engine, assessment_id), audit_count(engine)) == before
