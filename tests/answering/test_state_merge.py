"""The checklist screen's state takes in answers others gave (no Textual)."""

from __future__ import annotations

from datetime import UTC, datetime

from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.services.live import AnswerView
from qaudit.tui.screens.checklist_state import ChecklistState


def view(point: str, result: Result, version: int, who: str) -> AnswerView:
    return AnswerView(point, result, "", "", version, who, datetime(2026, 11, 2, tzinfo=UTC))


def test_merge_takes_newer_answers_of_others_and_leaves_points_being_saved(
    mini_catalogue: Catalogue,
) -> None:
    state = ChecklistState(
        mini_catalogue.checklist("basis-op-orde"),
        "t",
        False,
        {"A.01": Result.COMPLIANT},
        {},
        {},
        False,
        versions={"A.01": 2},
    )
    answers = {
        "A.01": view("A.01", Result.PARTLY, 2, "anna"),  # seen already
        "A.02": view("A.02", Result.NOT_COMPLIANT, 1, "anna"),
        "B.01": view("B.01", Result.COMPLIANT, 3, "bram"),  # this screen is saving B.01
        "B.02": view("B.02", Result.PARTLY, 1, "tester"),  # given elsewhere by me
    }
    changed = state.merge(answers, busy={"B.01"}, me="tester")
    assert changed == ["A.02", "B.02"]
    assert state.results == {
        "A.01": Result.COMPLIANT,
        "A.02": Result.NOT_COMPLIANT,
        "B.02": Result.PARTLY,
    }
    assert state.marks == {"A.02": "anna"}
    assert state.versions == {"A.01": 2, "A.02": 1, "B.02": 1}
