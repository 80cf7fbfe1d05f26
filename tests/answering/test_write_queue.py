"""The write queue and the outbox: in order, states per answer, nothing lost to the network."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.services import answering, assessments
from qaudit.services.answering import AnswerField
from qaudit.services.outbox import Outbox
from qaudit.services.write_queue import State, Update, WriteQueue
from qaudit.storage import make_engine, transaction
from tests.answering.proxy import Relay
from tests.answering.support import make_location, start

RESULT, NOTE = AnswerField.RESULT, AnswerField.NOTE


class Seen:
    """The updates a queue reports, collected across threads."""

    def __init__(self) -> None:
        self.updates: list[Update] = []
        self.lock = threading.Lock()

    def __call__(self, update: Update) -> None:
        with self.lock:
            self.updates.append(update)

    def states(self, point: str | None = None) -> list[State]:
        with self.lock:
            return [u.state for u in self.updates if point in (None, u.entry.point_id)]


@pytest.fixture
def assessment_id(engine: Engine, mini_catalogue: Catalogue) -> int:
    return start(engine, make_location(engine), mini_catalogue)


def stored(engine: Engine, assessment_id: int) -> dict[str, tuple[Result, str]]:
    with transaction(engine) as session:
        rows = assessments.answers(session, assessment_id)
    return {p: (a.result, a.note) for p, a in rows.items()}


def test_answers_are_saved_in_order_and_each_reports_its_state(
    engine: Engine, assessment_id: int, tmp_path: Path
) -> None:
    seen = Seen()
    queue = WriteQueue(engine, Outbox(tmp_path / "outbox.db"), seen).start()
    queue.submit(assessment_id, "A.01", RESULT, Result.PARTLY, based_on=0)
    queue.submit(assessment_id, "A.01", NOTE, "Twee van vijf", based_on=0)
    queue.submit(assessment_id, "A.01", RESULT, Result.COMPLIANT, based_on=0)  # changed mind
    queue.submit(assessment_id, "B.01", RESULT, Result.NOT_COMPLIANT, based_on=0)
    assert queue.wait_idle(30)
    assert queue.stop() == 0
    assert stored(engine, assessment_id) == {
        "A.01": (Result.COMPLIANT, "Twee van vijf"),
        "B.01": (Result.NOT_COMPLIANT, ""),
    }
    assert seen.states("A.01") == [State.SAVING, State.SAVED] * 3
    saved = [u.saved for u in seen.updates if u.saved and u.entry.point_id == "A.01"]
    assert [s.version for s in saved if s] == [1, 2, 3]


def test_a_conflict_and_a_close_are_reported_not_raised(
    engine: Engine, assessment_id: int, tmp_path: Path
) -> None:
    answering.save(engine, assessment_id, "A.02", RESULT, Result.COMPLIANT, actor="anna")
    seen = Seen()
    queue = WriteQueue(engine, Outbox(tmp_path / "outbox.db"), seen)
    queue.submit(assessment_id, "A.02", RESULT, Result.NOT_COMPLIANT, based_on=0, actor="bram")
    assert queue.send_pending()
    conflict = next(u.conflict for u in seen.updates if u.state is State.CONFLICT)
    assert conflict is not None and conflict.who == "anna" and conflict.theirs is Result.COMPLIANT
    assessments.close(engine, assessment_id)
    queue.submit(assessment_id, "B.02", RESULT, Result.COMPLIANT, based_on=0)
    assert queue.send_pending()
    assert seen.states("B.02")[-1] is State.REFUSED
    assert queue.pending() == 0
    assert stored(engine, assessment_id) == {"A.02": (Result.COMPLIANT, "")}


def test_the_outbox_keeps_answers_while_the_database_cannot_be_reached(
    mini_catalogue: Catalogue, tmp_path: Path
) -> None:
    """A closed port: the answers wait in the outbox file, nothing is lost or raised."""
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/test")
    seen = Seen()
    outbox = tmp_path / "outbox.db"
    queue = WriteQueue(engine, Outbox(outbox), seen, retry_seconds=0.1).start()
    for point in ("A.01", "A.02", "B.01"):
        queue.submit(1, point, RESULT, Result.COMPLIANT, based_on=0)
    queue.wait_idle(1)
    assert queue.stop() == 3
    assert State.WAITING in seen.states() and State.SAVED not in seen.states()
    assert not queue.reachable
    kept = Outbox(outbox).pending(queue.database)  # the next start reads the file
    assert [(p.point_id, p.value) for p in kept] == [
        ("A.01", Result.COMPLIANT),
        ("A.02", Result.COMPLIANT),
        ("B.01", Result.COMPLIANT),
    ]


@pytest.mark.postgres
def test_answers_given_while_postgres_is_away_reach_it_when_it_is_back(
    db_url: str, engine: Engine, assessment_id: int, tmp_path: Path
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("the central database is PostgreSQL")
    server = make_url(db_url)
    relay = Relay((server.host or "127.0.0.1", server.port or 5432))
    relayed = make_engine(server.set(host="127.0.0.1", port=relay.port).render_as_string(False))
    outbox = tmp_path / "outbox.db"
    relay.up()
    queue = WriteQueue(relayed, Outbox(outbox), Seen(), retry_seconds=0.1).start()
    queue.submit(assessment_id, "A.01", RESULT, Result.PARTLY, based_on=0)
    assert queue.wait_idle(30)
    relay.down()  # the server is stopped in the middle of the visit
    queue.submit(assessment_id, "A.02", RESULT, Result.COMPLIANT, based_on=0)
    queue.submit(assessment_id, "A.01", NOTE, "Twee van vijf", based_on=1)
    assert not queue.wait_idle(1)
    assert queue.stop() == 2  # quitting with answers waiting: they stay in the outbox
    assert stored(engine, assessment_id) == {"A.01": (Result.PARTLY, "")}
    relay.up()  # the next start, with the server back
    seen = Seen()
    again = WriteQueue(relayed, Outbox(outbox), seen, retry_seconds=0.1).start()
    assert again.wait_idle(30)
    assert again.stop() == 0
    assert seen.states().count(State.SAVED) == 2
    assert stored(engine, assessment_id) == {
        "A.01": (Result.PARTLY, "Twee van vijf"),
        "A.02": (Result.COMPLIANT, ""),
    }
    relay.down()
    relayed.dispose()
