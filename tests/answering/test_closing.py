"""Closing is a barrier, records the verdict of the stored answers and keeps its reference."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.domain.enums import AssessmentKind, Result
from qaudit.errors import Refused
from qaudit.services import answering, assessments, report_data
from qaudit.services.answering import AnswerField
from qaudit.services.checklist_view import checklist_view
from qaudit.storage import transaction
from tests.answering.support import make_location, start


@pytest.fixture
def pair(engine: Engine, mini_catalogue: Catalogue) -> tuple[int, int]:
    """A self-evaluation and the audit visit compared with it."""
    location = make_location(engine)
    own = start(engine, location, mini_catalogue)
    visit = start(engine, location, mini_catalogue, AssessmentKind.AUDIT_VISIT, reference=own)
    return own, visit


def test_the_recorded_verdict_is_that_of_the_stored_answers(
    engine: Engine, pair: tuple[int, int]
) -> None:
    _own, visit = pair
    for point, result in (("A.01", Result.COMPLIANT), ("A.02", Result.PARTLY)):
        assessments.give_answer(engine, visit, point, result)
    with transaction(engine) as session:
        assert assessments.unanswered(session, assessments.get(session, visit)) == 2
    assessments.close(engine, visit)
    with transaction(engine) as session:
        closed = assessments.get(session, visit)
        judged = assessments.verdict_of(session, closed)
        assert closed.outcome is judged.outcome
        assert closed.score_percent == judged.score.overall.percent


def test_no_answer_note_or_evidence_after_closing(engine: Engine, pair: tuple[int, int]) -> None:
    _own, visit = pair
    answering.save(engine, visit, "A.01", AnswerField.RESULT, Result.COMPLIANT)
    assessments.close(engine, visit)
    for field, value in (
        (AnswerField.RESULT, Result.NOT_COMPLIANT),
        (AnswerField.NOTE, "later"),
        (AnswerField.EVIDENCE, "later"),
    ):
        with pytest.raises(Refused, match="afgesloten"):
            answering.save(engine, visit, "A.01", field, value)
    with transaction(engine) as session:
        row = assessments.answers(session, visit)["A.01"]
    assert (row.result, row.note, row.evidence, row.version) == (Result.COMPLIANT, "", "", 1)


def test_a_closed_audit_keeps_the_self_evaluation_it_was_compared_with(
    engine: Engine, pair: tuple[int, int]
) -> None:
    own, visit = pair
    assessments.give_answer(engine, own, "A.01", Result.COMPLIANT, note="Alles op orde")
    assessments.give_answer(engine, own, "B.01", Result.PARTLY)
    assessments.give_answer(engine, visit, "A.01", Result.NOT_COMPLIANT)
    assessments.give_answer(engine, visit, "B.01", Result.PARTLY)
    assessments.close(engine, visit)

    def compared() -> tuple[dict[str, Result], dict[str, Result], dict[str, str]]:
        with transaction(engine) as session:
            audit = assessments.get(session, visit)
            reference = assessments.get(session, own)
            data = report_data.reference_data(session, audit, reference)
            state = checklist_view(session, visit)
        notes = {point: answer.note for point, answer in data.answers.items()}
        return data.results, state.reference, notes

    before = compared()
    assert before[0] == {"A.01": Result.COMPLIANT, "B.01": Result.PARTLY}
    assert before[2]["A.01"] == "Alles op orde"
    # The self-evaluation is still open and changes after the audit closed.
    assessments.give_answer(engine, own, "A.01", Result.NOT_COMPLIANT, note="Toch niet")
    assessments.give_answer(engine, own, "B.01", Result.COMPLIANT)
    assessments.give_answer(engine, own, "B.02", Result.COMPLIANT)
    assert compared() == before


def test_an_open_audit_compares_with_the_live_self_evaluation(
    engine: Engine, pair: tuple[int, int]
) -> None:
    own, visit = pair
    assessments.give_answer(engine, own, "A.01", Result.COMPLIANT)
    assessments.give_answer(engine, own, "A.01", Result.PARTLY)
    with transaction(engine) as session:
        data = report_data.reference_data(
            session, assessments.get(session, visit), assessments.get(session, own)
        )
    assert data.results == {"A.01": Result.PARTLY}
