"""Many auditors on one database: commit times, the UI's wait, and a two-writer-plus-closer race.

    answer_commit_service_median_ms   SQLite: one answer saved and committed (service call)
    answer_commit_pg_median_ms        the same on PostgreSQL
    answer_ui_blocked_pg_ms           PostgreSQL: median time the caller waits to enqueue one
                                      answer in the write queue (outbox written, not sent)
    concurrent_lost_updates           two writers and a closer, on each database: accepted
    answers_after_close               saves that were lost, and saves accepted after the close
    concurrent_exceptions             exceptions in any of the three processes
    race_trials_per_database          100 (5 with --quick)
    race_accepted_saves               saves the writers got in before the closes (not vacuous)
    db_check_failures                 databases on which ``qaudit db check`` fails afterwards

PostgreSQL figures only when QAUDIT_TEST_POSTGRES_URL is set (a private schema is made and
dropped). The race runs in separate processes (tests/answering/race.py).
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from timing import rounded

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("QAUDIT_TEST_POSTGRES_URL", "")


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A migrated private schema on the test server, dropped afterwards."""
    from sqlalchemy import text

    from qaudit.services.database import open_database
    from qaudit.storage import make_engine

    schema = f"bench_i10_{uuid.uuid4().hex[:8]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    url = f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    try:
        open_database(url).dispose()
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def commit_ms(url: str, count: int) -> float:
    """Median milliseconds of one answer saved and committed by the service."""
    from qaudit.domain.enums import Result
    from qaudit.services import answering, assessments, checklists
    from qaudit.services.answering import AnswerField
    from qaudit.storage import make_engine, transaction

    sys.path.insert(0, str(ROOT))
    from tests.answering.race import new_assessment

    assessment_id = new_assessment(url)
    engine = make_engine(url)
    with transaction(engine) as session:
        spec = checklists.spec_of_assessment(session, assessments.get(session, assessment_id))
    times = []
    for point in spec.points[:count]:
        start = time.perf_counter()
        answering.save(engine, assessment_id, point.id, AnswerField.RESULT, Result.PARTLY)
        times.append(time.perf_counter() - start)
    engine.dispose()
    return statistics.median(times[1:]) * 1000


def race(running: object, url: str, trials: int) -> tuple[int, int, int, int, int]:
    """Lost updates, answers after close (or a recorded verdict that is not that of the
    stored answers) and exceptions over ``trials`` races on ``url``; then 1 when
    ``qaudit db check`` fails on it; and the saves accepted before the closes."""
    from tests.answering.race import db_check

    outcomes = [  # the closer after 0.05 to 0.5 s: early, mid-race and late
        running.trial(delay=0.05 + 0.05 * (i % 10), seed=100 * i, url=url)  # type: ignore[attr-defined]
        for i in range(trials)
    ]
    return (
        sum(o.lost_updates for o in outcomes),
        sum(o.answers_after_close + (0 if o.verdict_matches else 1) for o in outcomes),
        sum(o.exceptions for o in outcomes),
        0 if db_check(url).returncode == 0 else 1,
        sum(o.accepted for o in outcomes),
    )


def figures(quick: bool) -> dict[str, float]:
    from qaudit.services.database import open_database

    sys.path.insert(0, str(ROOT))
    from tests.answering.race import Race

    count, trials = (20, 5) if quick else (200, 100)
    result: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        url = f"sqlite:///{Path(tmp) / 'race.db'}"
        open_database(url).dispose()
        pg_url = stack.enter_context(postgres_schema()) if POSTGRES_URL else ""
        running = stack.enter_context(Race(url))  # three processes, for both databases
        result["answer_commit_service_median_ms"] = rounded(commit_ms(url, count), 2)
        lost, after, errors, failed, accepted = race(running, url, trials)
        if pg_url:
            result["answer_commit_pg_median_ms"] = rounded(commit_ms(pg_url, count), 2)
            result |= ui_blocked(pg_url, count)
            pg = race(running, pg_url, trials)
            lost, after, errors, failed, accepted = (
                lost + pg[0],
                after + pg[1],
                errors + pg[2],
                failed + pg[3],
                accepted + pg[4],
            )
    result["concurrent_lost_updates"] = lost
    result["answers_after_close"] = after
    result["concurrent_exceptions"] = errors
    result["race_trials_per_database"] = trials
    result["db_check_failures"] = failed
    result["race_accepted_saves"] = accepted
    return result


def ui_blocked(url: str, count: int) -> dict[str, float]:
    """Median time ``WriteQueue.submit`` holds the caller (the UI thread) on PostgreSQL.

    The sending thread runs meanwhile, as in the app; all answers must arrive.
    """
    from qaudit.domain.enums import Result
    from qaudit.services import assessments, checklists
    from qaudit.services.answering import AnswerField
    from qaudit.services.outbox import Outbox
    from qaudit.services.write_queue import WriteQueue
    from qaudit.storage import make_engine, transaction

    sys.path.insert(0, str(ROOT))
    from tests.answering.race import new_assessment

    assessment_id = new_assessment(url)
    engine = make_engine(url)
    with transaction(engine) as session:
        spec = checklists.spec_of_assessment(session, assessments.get(session, assessment_id))
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        queue = WriteQueue(engine, Outbox(Path(tmp) / "outbox.db")).start()
        for point in spec.points[:count]:
            start = time.perf_counter()
            queue.submit(assessment_id, point.id, AnswerField.RESULT, Result.PARTLY, based_on=0)
            times.append(time.perf_counter() - start)
            time.sleep(0.002)  # a fast auditor still takes a moment per key
        assert queue.wait_idle(60), "the queued answers did not arrive"
        queue.stop()
        queue.outbox.close()
    with transaction(engine) as session:
        assert len(assessments.results(session, assessment_id)) == count
    engine.dispose()
    return {"answer_ui_blocked_pg_ms": rounded(statistics.median(times) * 1000, 3)}


if __name__ == "__main__":
    import json

    print(json.dumps(figures("--quick" in sys.argv), indent=2))
