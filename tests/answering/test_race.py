"""Two processes answering and noting one assessment while a third closes it."""

from __future__ import annotations

from tests.answering.race import Race

TRIALS = 4


def test_two_writers_and_a_closer_lose_nothing_and_nothing_gets_in_after_the_close(
    db_url: str,
) -> None:
    with Race(db_url) as race:
        outcomes = [race.trial(delay=0.3 + 0.2 * t, seed=1000 * t) for t in range(TRIALS)]
    assert sum(o.accepted for o in outcomes) > 0  # the writers did race the closer
    assert [o.lost_updates for o in outcomes] == [0] * TRIALS
    assert [o.answers_after_close for o in outcomes] == [0] * TRIALS
    assert [o.exceptions for o in outcomes] == [0] * TRIALS
    assert all(o.verdict_matches for o in outcomes)
