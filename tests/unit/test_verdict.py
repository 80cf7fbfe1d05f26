"""The verdict follows the rule in the checklist file and explains every failed rule."""

from __future__ import annotations

import pytest

from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.domain.verdict import Outcome, verdict
from qaudit.i18n import set_language

V, D, N, X = Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE


@pytest.fixture
def basis(mini_catalogue: Catalogue):
    return mini_catalogue.checklist("basis-op-orde")


def codes(judged) -> list[str]:
    return [reason.code for reason in judged.reasons]


def test_all_compliant_is_sufficient_without_reasons(basis) -> None:
    judged = verdict(basis, dict.fromkeys(["A.01", "A.02", "B.01", "B.02"], V))
    assert judged.outcome is Outcome.SUFFICIENT
    assert judged.reasons == ()


def test_a_critical_point_not_compliant_knocks_out_despite_a_high_score(basis) -> None:
    # Make the critical point light enough that the overall score would pass on its own
    answers = {"A.01": N, "A.02": V, "B.01": V, "B.02": V}
    judged = verdict(basis, answers)
    assert judged.outcome is Outcome.INSUFFICIENT
    assert "critical" in codes(judged)
    assert "A.01" in judged.explanation


def test_a_knock_out_is_final_even_while_points_are_open(basis) -> None:
    judged = verdict(basis, {"A.01": N})
    assert judged.outcome is Outcome.INSUFFICIENT
    assert codes(judged)[0] == "critical"
    assert "open" in codes(judged)


def test_overall_below_minimum(basis) -> None:
    judged = verdict(basis, {"A.01": D, "A.02": D, "B.01": D, "B.02": D})
    assert judged.outcome is Outcome.INSUFFICIENT
    assert set(codes(judged)) == {"overall", "theme"}


def test_one_theme_below_its_minimum_while_overall_passes(basis) -> None:
    rule = basis.verdict.model_copy(update={"overall_min_percent": 50})
    lenient = basis.model_copy(update={"verdict": rule})
    judged = verdict(lenient, {"A.01": V, "A.02": V, "B.01": N, "B.02": D})
    assert judged.outcome is Outcome.INSUFFICIENT
    assert codes(judged) == ["theme"]
    assert judged.reasons[0].params["theme"] == "B"


def test_not_applicable_points_do_not_pull_the_score_down(basis) -> None:
    judged = verdict(basis, {"A.01": V, "A.02": X, "B.01": X, "B.02": V})
    assert judged.outcome is Outcome.SUFFICIENT


def test_incomplete_without_failures(basis) -> None:
    judged = verdict(basis, {"A.01": V, "A.02": V})
    assert judged.outcome is Outcome.INCOMPLETE
    assert codes(judged) == ["open"]
    assert judged.reasons[0].params == {"count": 2, "total": 4}


def test_nothing_answered_is_incomplete(basis) -> None:
    assert verdict(basis, {}).outcome is Outcome.INCOMPLETE


def test_critical_rule_can_be_switched_off_in_the_file(basis) -> None:
    rule = basis.verdict.model_copy(
        update={"critical_must_comply": False, "overall_min_percent": 50, "theme_min_percent": 0}
    )
    judged = verdict(
        basis.model_copy(update={"verdict": rule}), {"A.01": N, "A.02": V, "B.01": V, "B.02": V}
    )
    assert judged.outcome is Outcome.SUFFICIENT


def test_explanation_is_dutch_by_default_and_english_by_setting(basis) -> None:
    judged = verdict(basis, {"A.01": N, "A.02": V, "B.01": V, "B.02": V})
    dutch = judged.explanation
    set_language("en")
    english = judged.explanation
    assert "Critical point A.01 is not compliant." in english
    assert dutch != english
    assert "A.01" in dutch
