"""PostgreSQL stopped in the middle of a visit: the answers given meanwhile wait in the
outbox and reach the database when it is started again; nothing is lost.

A real stop (``pg_ctl stop -m fast``) of a private cluster, not a relay that drops the
connection: the sessions end, the server is gone, and it comes back as a new process.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.services import assessments
from qaudit.services.answering import AnswerField
from qaudit.services.database import open_database
from qaudit.services.outbox import Outbox
from qaudit.services.write_queue import State, WriteQueue
from qaudit.storage import transaction
from tests.answering.private_postgres import PrivateCluster, available, wait_until
from tests.answering.support import make_location, start
from tests.answering.test_write_queue import Seen

RESULT, NOTE = AnswerField.RESULT, AnswerField.NOTE

pytestmark = pytest.mark.skipif(bool(available()), reason=available() or "available")


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    with PrivateCluster() as running:
        yield running


def versions(engine: Engine, assessment_id: int) -> dict[str, tuple[Result, str, int, int, int]]:
    with transaction(engine) as session:
        rows = assessments.answers(session, assessment_id)
    return {
        point: (a.result, a.note, a.result_version, a.note_version, a.version)
        for point, a in rows.items()
    }


def test_answers_given_while_postgresql_is_stopped_arrive_when_it_is_back(
    cluster: PrivateCluster, mini_catalogue: Catalogue, tmp_path: Path
) -> None:
    engine = open_database(cluster.url)  # migrated, as qaudit does on first use
    assessment_id = start(engine, make_location(engine), mini_catalogue)
    seen = Seen()
    outbox = Outbox(tmp_path / "outbox.db")
    queue = WriteQueue(engine, outbox, seen, retry_seconds=0.2).start()
    try:
        # The visit starts with the server up.
        queue.submit(assessment_id, "A.01", RESULT, Result.PARTLY, based_on=0)
        queue.submit(assessment_id, "A.02", RESULT, Result.COMPLIANT, based_on=0)
        assert queue.wait_idle(60)
        assert versions(engine, assessment_id)["A.01"] == (Result.PARTLY, "", 1, 0, 1)

        cluster.stop()
        assert not cluster.running()
        given = [
            ("A.01", NOTE, "Twee van vijf dossiers zonder evaluatie", 1),
            ("A.01", RESULT, Result.NOT_COMPLIANT, 1),  # the note came first: allowed
            ("A.02", NOTE, "Op orde", 1),
            ("B.01", RESULT, Result.COMPLIANT, 0),
            ("B.02", RESULT, Result.PARTLY, 0),
            ("B.02", NOTE, "Deels: zie bijlage", 0),
        ]
        for point, field, value, based_on in given:
            queue.submit(assessment_id, point, field, value, based_on=based_on)
        # Kept in the outbox, each of them, while the queue finds the server gone.
        assert wait_until(lambda: State.WAITING in seen.states())
        assert queue.pending() == len(given)
        assert [(e.point_id, e.field, e.value) for e in outbox.pending(queue.database)] == [
            (point, field, value) for point, field, value, _based_on in given
        ]
        assert not queue.reachable

        cluster.start()
        assert wait_until(lambda: queue.pending() == 0, rounds=1200), "not sent after start"
        assert queue.wait_idle(60)
    finally:
        left = queue.stop()
        outbox.close()
    assert left == 0
    assert versions(engine, assessment_id) == {
        "A.01": (Result.NOT_COMPLIANT, "Twee van vijf dossiers zonder evaluatie", 3, 2, 3),
        "A.02": (Result.COMPLIANT, "Op orde", 1, 2, 2),
        "B.01": (Result.COMPLIANT, "", 1, 0, 1),
        "B.02": (Result.PARTLY, "Deels: zie bijlage", 1, 2, 2),
    }
    assert State.CONFLICT not in seen.states() and State.REFUSED not in seen.states()
    engine.dispose()
