"""See each other work: a thread that notices answers others give to one assessment.

On PostgreSQL it listens for the notification every answer change sends at commit
(``LISTEN qaudit_answers``, see :mod:`qaudit.services.answering`); on SQLite it polls the
cheap ``PRAGMA data_version``, which changes when another connection commits. When
something changed it reads the assessment's answers (in the thread, never on the UI's) and
hands them to the callback, which merges what is new. No Textual here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Engine

from qaudit.domain.enums import Result
from qaudit.services.answering import ANSWER, NOTIFY_CHANNEL


@dataclass(frozen=True)
class AnswerView:
    """One answer as the screen shows it, with its version and who changed it last."""

    point_id: str
    result: Result
    note: str
    evidence: str
    version: int
    changed_by: str
    changed_at: datetime | None


def read_answers(engine: Engine, assessment_id: int) -> dict[str, AnswerView]:
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(
                ANSWER.c.point_id,
                ANSWER.c.result,
                ANSWER.c.note,
                ANSWER.c.evidence,
                ANSWER.c.version,
                ANSWER.c.changed_by,
                ANSWER.c.answered_at,
            ).where(ANSWER.c.assessment_id == assessment_id)
        ).all()
    return {row[0]: AnswerView(row[0], Result(row[1]), *row[2:]) for row in rows}


Callback = Callable[[dict[str, AnswerView]], None]


class Watcher:
    """Calls ``on_change(answers)`` within about ``interval`` seconds of a change."""

    def __init__(
        self, engine: Engine, assessment_id: int, on_change: Callback, interval: float = 0.3
    ) -> None:
        self.engine, self.assessment_id = engine, assessment_id
        self.on_change, self.interval = on_change, interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.errors = 0

    def start(self) -> Watcher:
        target = self._listen if self.engine.dialect.name == "postgresql" else self._poll
        self._thread = threading.Thread(target=target, name="qaudit-live", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(2 * self.interval + 1)
            self._thread = None

    def _changed(self) -> None:
        try:
            answers = read_answers(self.engine, self.assessment_id)
        except sa.exc.SQLAlchemyError:
            self.errors += 1  # the database is away: the next change reads again
            return
        self.on_change(answers)

    def _poll(self) -> None:
        """SQLite: ``data_version`` changes when another connection commits."""
        last: Any = None
        while not self._stop.is_set():
            try:
                with self.engine.connect() as connection:
                    while not self._stop.is_set():
                        version = connection.exec_driver_sql("PRAGMA data_version").scalar()
                        if last is not None and version != last:
                            self._changed()
                        last = version
                        self._stop.wait(self.interval)
            except sa.exc.SQLAlchemyError:
                self.errors += 1
                self._stop.wait(self.interval)

    def _listen(self) -> None:
        """PostgreSQL: wait for ``NOTIFY qaudit_answers, '<assessment id>'``."""
        import psycopg

        conninfo = self.engine.url.set(drivername="postgresql").render_as_string(
            hide_password=False
        )
        wanted = str(self.assessment_id)
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo, autocommit=True) as connection:
                    connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    while not self._stop.is_set():
                        hits = [
                            n.payload
                            for n in connection.notifies(timeout=self.interval, stop_after=50)
                        ]
                        if wanted in hits:
                            self._changed()
            except psycopg.Error:
                self.errors += 1
                self._stop.wait(self.interval * 3)
