"""Scoring: weights, n.v.t. excluded, open points counted as open work."""

from __future__ import annotations

import pytest

from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.domain.scoring import differences, score

V, D, N, X = Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE


@pytest.fixture
def basis(mini_catalogue: Catalogue):
    return mini_catalogue.checklist("basis-op-orde")


def test_weighted_theme_and_overall_percentages(basis) -> None:
    # A.01 weight 3 voldoet, A.02 weight 1 deels, B.01 weight 2 niet, B.02 weight 2 voldoet
    scored = score(basis, {"A.01": V, "A.02": D, "B.01": N, "B.02": V})
    theme_a, theme_b = (t.tally for t in scored.themes)
    assert theme_a.percent == pytest.approx(100 * 3.5 / 4)
    assert theme_b.percent == pytest.approx(50.0)
    assert scored.overall.percent == pytest.approx(100 * 5.5 / 8)
    assert scored.overall.complete


def test_not_applicable_is_left_out_of_the_percentage(basis) -> None:
    scored = score(basis, {"A.01": V, "A.02": X, "B.01": X, "B.02": N})
    assert scored.overall.percent == pytest.approx(100 * 3 / 5)
    assert scored.overall.not_applicable == 2
    assert scored.overall.answered == 4


def test_unanswered_points_are_open_and_not_scored(basis) -> None:
    scored = score(basis, {"A.02": D})
    assert scored.overall.open == 3
    assert scored.overall.percent == pytest.approx(50.0)
    assert scored.themes[1].tally.percent is None


def test_a_theme_that_is_entirely_not_applicable_has_no_percentage(basis) -> None:
    scored = score(basis, {"B.01": X, "B.02": X})
    assert scored.themes[1].tally.percent is None
    assert scored.themes[1].tally.complete


def test_critical_failures_are_listed(basis) -> None:
    assert score(basis, {"A.01": N}).overall.critical_failed == ("A.01",)
    assert score(basis, {"A.01": D}).overall.critical_failed == ()


def test_differences_only_where_both_answered_differently(basis) -> None:
    ours = {"A.01": V, "A.02": N, "B.01": V}
    theirs = {"A.01": V, "A.02": V, "B.02": N}
    assert differences(basis, ours, theirs) == ["A.02"]
