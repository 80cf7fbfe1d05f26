"""The checklist screen's live view: answers someone else gives reach a watcher."""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.domain.enums import Result
from qaudit.services import answering
from qaudit.services.answering import AnswerField
from qaudit.services.database import open_database
from qaudit.services.live import AnswerView, Watcher
from tests.answering.support import make_location, start


def test_an_answer_from_another_connection_reaches_the_watcher(
    engine: Engine, db_url: str, mini_catalogue: Catalogue
) -> None:
    assessment_id = start(engine, make_location(engine), mini_catalogue)
    seen: list[dict[str, AnswerView]] = []
    arrived = threading.Event()

    def on_change(answers: dict[str, AnswerView]) -> None:
        seen.append(answers)
        if "B.01" in answers:
            arrived.set()

    watcher = Watcher(engine, assessment_id, on_change, interval=0.1).start()
    other = open_database(db_url)  # another auditor's program
    try:
        for _attempt in range(50):  # the watcher may still be connecting: answer until seen
            answering.save(
                other, assessment_id, "B.01", AnswerField.RESULT, Result.PARTLY, actor="anna"
            )
            answering.save(
                other, assessment_id, "B.01", AnswerField.RESULT, Result.COMPLIANT, actor="anna"
            )
            if arrived.wait(0.5):
                break
    finally:
        watcher.stop()
        other.dispose()
    assert arrived.is_set()
    view = seen[-1]["B.01"]
    assert view.changed_by == "anna" and view.version >= 2
    assert watcher.errors == 0
