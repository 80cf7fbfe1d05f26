"""The pure rules, with figures worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from qaudit.domain import clientvoice as cv
from qaudit.domain.clientvoice_enums import EvaluationKind
from qaudit.domain.clientvoice_rhythm import (
    Period,
    complaint_overdue,
    decision_due,
    extension_problem,
    parse_period,
    rhythm_status,
)
from qaudit.errors import QauditError


def test_nps_of_ten_scores_by_hand() -> None:
    # promoters 10, 9, 9, 10, 9 (5); passives 8, 7 (2); detractors 6, 3, 0 (3)
    figure = cv.nps([10, 9, 9, 8, 7, 6, 3, 10, 0, 9, None], min_n=30, target=80)
    assert figure.n == 10
    assert figure.value == pytest.approx(20.0)
    # var = (0.5 + 0.3 - 0.2²) / 10 = 0.076; half = 1.96 · √0.076 · 100 = 54.03
    assert figure.low == pytest.approx(20 - 54.03, abs=0.01)
    assert figure.high == pytest.approx(20 + 54.03, abs=0.01)
    assert figure.indicative and figure.meets_target is None


def test_nps_interval_is_clipped_and_judged_with_enough_responses() -> None:
    figure = cv.nps([10] * 40, min_n=30, target=80)
    assert (figure.value, figure.low, figure.high) == (100.0, 100.0, 100.0)
    assert not figure.indicative and figure.meets_target is True
    assert cv.nps([], target=80).value is None


def test_mean_with_a_t_interval_by_hand() -> None:
    figure = cv.mean([5, 4, 4, 3], min_n=3, target=4.5)
    # mean 4, s² = 2/3, se = 0.408, t(3) = 3.182: 4 ± 1.299, clipped at 5
    assert figure.value == pytest.approx(4.0)
    assert figure.low == pytest.approx(2.701, abs=0.001)
    assert figure.high == 5.0
    assert figure.meets_target is False
    assert cv.mean([4]).low is None


def test_wilson_share_by_hand() -> None:
    figure = cv.share(8, 10)
    assert figure.value == pytest.approx(80.0)
    assert figure.low == pytest.approx(49.02, abs=0.01)
    assert figure.high == pytest.approx(94.33, abs=0.01)
    assert cv.share(0, 5).low == 0.0 and cv.share(0, 0).value is None


def test_t_quantile_beyond_the_table() -> None:
    assert cv.t_quantile(31) == pytest.approx(2.0395, abs=0.001)
    assert cv.t_quantile(120) == pytest.approx(1.9799, abs=0.001)


def test_promise_tally_leaves_out_not_applicable() -> None:
    t = cv.tally(["ja", "ja", "deels", "nee", "nvt", None, "??"])
    assert (t.yes, t.partly, t.no, t.not_applicable, t.applicable) == (2, 1, 1, 1, 4)
    assert cv.promise_share(t).value == pytest.approx(50.0)


@pytest.mark.parametrize(
    "count, check", [(0, "too_few"), (1, "in_range"), (5, "in_range"), (6, "too_many")]
)
def test_one_to_five_actions_from_feedback(count: int, check: str) -> None:
    assert cv.action_check(count) == check


def test_periods() -> None:
    assert parse_period("2026") == Period(2026)
    q3 = parse_period("2026-Q3")
    assert (q3.start, q3.end, str(q3)) == (date(2026, 7, 1), date(2026, 9, 30), "2026-Q3")
    assert parse_period("2026-Q4").next() == Period(2027, 1)
    with pytest.raises(QauditError, match="2026-Q5"):
        parse_period("2026-Q5")


def test_complaint_decision_due_after_six_weeks_or_ten_with_notice() -> None:
    received = date(2026, 1, 5)
    assert decision_due(received) == date(2026, 2, 16)
    assert decision_due(received, 4, None) == date(2026, 2, 16)  # no notice, no extension
    assert decision_due(received, 4, date(2026, 2, 1)) == date(2026, 3, 16)
    assert not complaint_overdue(date(2026, 2, 16), received)
    assert complaint_overdue(date(2026, 2, 17), received)
    assert not complaint_overdue(date(2026, 2, 17), received, 4, date(2026, 2, 1))
    assert complaint_overdue(date(2026, 3, 17), received, 4, date(2026, 2, 1))
    assert not complaint_overdue(date(2026, 6, 1), received, decided_on=date(2026, 2, 1))


def test_an_extension_needs_a_notice_within_six_weeks() -> None:
    received = date(2026, 1, 5)
    assert extension_problem(5, date(2026, 1, 10), received)
    assert extension_problem(2, None, received)
    assert extension_problem(2, date(2026, 3, 1), received)
    assert extension_problem(2, date(2026, 2, 1), received) is None


def test_the_staff_evaluation_is_due_every_quarter() -> None:
    kind = EvaluationKind.STAFF
    today = date(2026, 11, 28)  # Q4
    assert rhythm_status(kind, [date(2026, 10, 2)], today).state == "ok"
    status = rhythm_status(kind, [date(2026, 8, 1)], today)
    assert (status.state, str(status.window)) == ("due", "2026-Q4")
    status = rhythm_status(kind, [date(2026, 5, 1)], today)
    assert (status.state, str(status.window), status.due_on) == (
        "overdue",
        "2026-Q3",
        date(2026, 9, 30),
    )


def test_the_client_evaluation_is_due_every_year() -> None:
    kind = EvaluationKind.CLIENT
    today = date(2026, 11, 28)
    assert rhythm_status(kind, [date(2025, 6, 1)], today).state == "due"
    assert rhythm_status(kind, [date(2024, 6, 1)], today).state == "overdue"
    assert rhythm_status(kind, [], today).state == "due"
    assert rhythm_status(kind, [], today, since=date(2025, 2, 1)).state == "overdue"
    assert rhythm_status(kind, [date(2027, 1, 1)], today).last_held is None
