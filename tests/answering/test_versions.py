"""Saving one field at a time, over what the person saw: no lost updates, typed conflicts."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.domain.models import AuditLog
from qaudit.services import answering, assessments, audit
from qaudit.services.answering import AnswerConflict, AnswerField
from qaudit.storage import transaction
from tests.answering.support import make_location, start

RESULT, NOTE, EVIDENCE = AnswerField.RESULT, AnswerField.NOTE, AnswerField.EVIDENCE


@pytest.fixture
def assessment_id(engine: Engine, mini_catalogue: Catalogue) -> int:
    return start(engine, make_location(engine), mini_catalogue)


def answer_of(engine: Engine, assessment_id: int, point: str) -> tuple[Result, str, int, str]:
    with transaction(engine) as session:
        row = assessments.answers(session, assessment_id)[point]
        return row.result, row.note, row.version, row.changed_by


def test_a_note_based_on_an_old_version_keeps_the_other_persons_answer(
    engine: Engine, assessment_id: int
) -> None:
    """The lost update of issue 10: B opened the point before A answered, then adds a note."""
    seen_by_b = 0  # B saw no answer yet
    answering.save(
        engine, assessment_id, "A.01", RESULT, Result.NOT_COMPLIANT, based_on=0, actor="anna"
    )
    saved = answering.save(
        engine, assessment_id, "A.01", NOTE, "Geen plan", based_on=seen_by_b, actor="bram"
    )
    assert saved.changed and saved.version == 2
    assert answer_of(engine, assessment_id, "A.01") == (
        Result.NOT_COMPLIANT,
        "Geen plan",
        2,
        "bram",
    )


def test_a_second_answer_based_on_an_old_version_is_a_conflict_and_changes_nothing(
    engine: Engine, assessment_id: int
) -> None:
    answering.save(engine, assessment_id, "A.01", RESULT, Result.PARTLY, based_on=0, actor="anna")
    with pytest.raises(AnswerConflict) as caught:
        answering.save(
            engine, assessment_id, "A.01", RESULT, Result.COMPLIANT, based_on=0, actor="bram"
        )
    conflict = caught.value
    assert (conflict.point_id, conflict.field, conflict.theirs, conflict.mine) == (
        "A.01",
        RESULT,
        Result.PARTLY,
        Result.COMPLIANT,
    )
    assert conflict.who == "anna" and conflict.version == 1 and conflict.when is not None
    assert "anna" in str(conflict) and "A.01" in str(conflict)
    assert answer_of(engine, assessment_id, "A.01")[:3] == (Result.PARTLY, "", 1)
    # Bram keeps his: he saves again, now based on the version he has seen in the conflict.
    kept = answering.save(
        engine,
        assessment_id,
        "A.01",
        RESULT,
        Result.COMPLIANT,
        based_on=conflict.version,
        actor="bram",
    )
    assert kept.version == 2
    assert answer_of(engine, assessment_id, "A.01") == (Result.COMPLIANT, "", 2, "bram")


def test_saving_what_is_already_there_is_no_conflict_and_no_change(
    engine: Engine, assessment_id: int
) -> None:
    answering.save(engine, assessment_id, "A.01", RESULT, Result.PARTLY, based_on=0, actor="anna")
    same = answering.save(
        engine, assessment_id, "A.01", RESULT, Result.PARTLY, based_on=0, actor="bram"
    )
    assert not same.changed and same.version == 1 and same.changed_by == "anna"
    nothing = answering.save(engine, assessment_id, "B.01", NOTE, "", based_on=0)
    assert not nothing.changed and nothing.version == 0
    with transaction(engine) as session:
        assert "B.01" not in assessments.answers(session, assessment_id)


def test_undo_follows_the_same_rule(engine: Engine, assessment_id: int) -> None:
    mine = answering.save(
        engine, assessment_id, "A.02", RESULT, Result.COMPLIANT, based_on=0, actor="anna"
    )
    answering.save(
        engine, assessment_id, "A.02", RESULT, Result.NOT_COMPLIANT, based_on=1, actor="bram"
    )
    with pytest.raises(AnswerConflict):  # Anna's undo would wipe Bram's answer
        answering.save(
            engine,
            assessment_id,
            "A.02",
            RESULT,
            Result.NOT_ASSESSED,
            based_on=mine.version,
            actor="anna",
        )
    assert answer_of(engine, assessment_id, "A.02")[0] is Result.NOT_COMPLIANT


def test_every_change_is_logged_with_before_and_after(engine: Engine, assessment_id: int) -> None:
    answering.save(engine, assessment_id, "B.02", RESULT, Result.PARTLY, actor="anna")
    answering.save(engine, assessment_id, "B.02", NOTE, "Twee van vijf", actor="anna")
    answering.save(engine, assessment_id, "B.02", EVIDENCE, "map 3", actor="bram")
    answering.save(engine, assessment_id, "B.02", NOTE, "Drie van vijf", actor="bram")
    with transaction(engine) as session:
        logged = session.exec(select(AuditLog).order_by(AuditLog.id)).all()
        changes = [
            (e.action, e.actor, e.detail["before"], e.detail["after"], e.detail["version"])
            for e in logged
            if e.action in ("answer", "note", "evidence")
        ]
        login = audit.current_actor(session) if engine.dialect.name == "postgresql" else None
    # On PostgreSQL the database login is who you are: a given actor name cannot change it.
    anna, bram = (login, login) if login else ("anna", "bram")
    assert changes == [
        ("answer", anna, None, "voldoet_deels", 1),
        ("note", anna, None, "Twee van vijf", 2),
        ("evidence", bram, None, "map 3", 3),
        ("note", bram, "Twee van vijf", "Drie van vijf", 4),
    ]


def test_concurrent_first_answers_to_one_point_never_raise(
    engine: Engine, assessment_id: int
) -> None:
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def first(field: AnswerField, value: Result | str) -> None:
        try:
            barrier.wait()
            answering.save(engine, assessment_id, "B.01", field, value)
        except BaseException as exc:  # collected, asserted below
            errors.append(exc)

    work = [(RESULT, Result.COMPLIANT), (NOTE, "a"), (EVIDENCE, "b"), (RESULT, Result.COMPLIANT)]
    threads = [threading.Thread(target=first, args=w) for w in work]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with transaction(engine) as session:
        row = assessments.answers(session, assessment_id)["B.01"]
    assert (row.result, row.note, row.evidence, row.version) == (Result.COMPLIANT, "a", "b", 3)


def test_an_unknown_point_or_assessment_is_refused_and_nothing_is_written(
    engine: Engine, assessment_id: int
) -> None:
    from qaudit.errors import NotFound

    with pytest.raises(NotFound, match=r"Z\.99"):
        answering.save(engine, assessment_id, "Z.99", RESULT, Result.COMPLIANT)
    with pytest.raises(NotFound, match="999"):
        answering.save(engine, 999, "A.01", RESULT, Result.COMPLIANT)
    with transaction(engine) as session:
        assert assessments.answers(session, assessment_id) == {}
