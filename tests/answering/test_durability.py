"""SQLite: WAL with synchronous=NORMAL, and the checkpoint that puts answers on disk."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from qaudit.domain.enums import Result
from qaudit.services import answering
from qaudit.services.answering import AnswerField
from qaudit.services.durability import DiskFlush
from qaudit.storage import make_engine
from tests.answering.support import make_location, start


def test_sqlite_runs_in_wal_mode_with_normal_sync(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = connection.exec_driver_sql("PRAGMA synchronous").scalar()
    assert (mode, sync) == ("wal", 1)  # 1: NORMAL


def test_a_flush_checkpoints_every_committed_answer(sqlite_engine: Engine, mini_catalogue) -> None:
    assessment_id = start(sqlite_engine, make_location(sqlite_engine), mini_catalogue)
    flush = DiskFlush(sqlite_engine, quiet=3600)  # never by itself: close() flushes now
    for point in ("A.01", "A.02", "B.01"):
        answering.save(sqlite_engine, assessment_id, point, AnswerField.RESULT, Result.COMPLIANT)
        flush.committed()
    flush.close()
    assert flush.flushes == 1  # one checkpoint for the three answers
    assert flush.last is not None
    busy, frames, done = flush.last
    assert busy == 0 and frames > 0 and frames == done  # every committed frame is on disk


def test_nothing_to_flush_on_postgresql_urls() -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    flush = DiskFlush(engine)
    flush.committed()
    flush.close()
    assert flush.flushes == 0


def test_a_pause_after_answering_flushes_by_itself(sqlite_engine: Engine, mini_catalogue) -> None:
    assessment_id = start(sqlite_engine, make_location(sqlite_engine), mini_catalogue)
    flush = DiskFlush(sqlite_engine, quiet=0.05)
    answering.save(sqlite_engine, assessment_id, "A.01", AnswerField.RESULT, Result.COMPLIANT)
    flush.committed()
    for _ in range(200):  # waits for the event, not for a time: no timing is asserted
        if flush.flushes:
            break
        threading.Event().wait(0.05)
    assert flush.flushes == 1
    flush.close()
    assert flush.flushes == 1  # nothing new was committed: closing does not sync again
