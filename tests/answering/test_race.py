"""Two processes answering and noting one assessment while a third closes it.

The benchmark (benchmarks/bench_70_concurrency.py) runs 100 such trials per database; this
test runs fewer, with the closer at different moments (early, while the writers meet on
the same points, and late), on SQLite and on PostgreSQL, and then checks the database's
invariants with ``qaudit db check``.
"""

from __future__ import annotations

from tests.answering.race import Race, db_check

TRIALS = 8


def test_two_writers_and_a_closer_lose_nothing_and_nothing_gets_in_after_the_close(
    db_url: str,
) -> None:
    with Race(db_url) as race:
        outcomes = [race.trial(delay=0.05 + 0.1 * (t % 4), seed=1000 * t) for t in range(TRIALS)]
    assert sum(o.accepted for o in outcomes) > 0  # the writers did race the closer
    assert [o.lost_updates for o in outcomes] == [0] * TRIALS
    assert [o.answers_after_close for o in outcomes] == [0] * TRIALS
    assert [o.exceptions for o in outcomes] == [0] * TRIALS
    assert all(o.verdict_matches for o in outcomes)
    checked = db_check(db_url)
    assert (checked.returncode, checked.stderr) == (0, ""), checked.stdout + checked.stderr
    assert checked.stdout.startswith("OK")
    assert "Traceback" not in checked.stdout + checked.stderr
