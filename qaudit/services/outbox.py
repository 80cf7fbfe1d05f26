"""The local outbox: answers waiting to reach the central database, in a SQLite file.

Every answer given on a central (PostgreSQL) database is written here first, before the key
press is acknowledged, and removed once the database has it (or refused it). When the
network or the server is down the answers simply stay, in order, and the write queue
(:mod:`qaudit.services.write_queue`) sends them when it is back, or at the next start.
The file lives in the user's data directory; entries name the database they are for.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from qaudit.domain.enums import Result
from qaudit.paths import user_dirs
from qaudit.services.answering import AnswerField, Value

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pending (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    database TEXT NOT NULL,
    assessment_id INTEGER NOT NULL,
    point_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    based_on INTEGER,
    actor TEXT NOT NULL,
    queued_at TEXT NOT NULL
)
"""


def default_path() -> Path:
    return user_dirs().data / "outbox.db"


@dataclass(frozen=True)
class Pending:
    id: int
    database: str
    assessment_id: int
    point_id: str
    field: AnswerField
    value: Value
    based_on: int | None
    actor: str
    queued_at: datetime


class Outbox:
    """A small append-and-remove store; safe to use from the UI and the sending thread."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        # WAL with NORMAL: each entry is in the file (it survives the program being killed)
        # without waiting for the disk on every key press.
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.execute(_SCHEMA)

    def put(
        self,
        database: str,
        assessment_id: int,
        point_id: str,
        field: AnswerField,
        value: Value,
        based_on: int | None,
        actor: str,
    ) -> int:
        """Keep one answer; written to the file when this returns."""
        stored = value.value if isinstance(value, Result) else value
        now = datetime.now(UTC).isoformat()
        with self._lock:
            cursor = self._db.execute(
                "INSERT INTO pending (database, assessment_id, point_id, field, value, "
                "based_on, actor, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (database, assessment_id, point_id, field.value, stored, based_on, actor, now),
            )
            assert cursor.lastrowid is not None
            return cursor.lastrowid

    def pending(self, database: str) -> list[Pending]:
        """The answers waiting for ``database``, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, database, assessment_id, point_id, field, value, based_on, actor, "
                "queued_at FROM pending WHERE database = ? ORDER BY id",
                (database,),
            ).fetchall()
        return [_pending(row) for row in rows]

    def count(self, database: str) -> int:
        with self._lock:
            (number,) = self._db.execute(
                "SELECT count(*) FROM pending WHERE database = ?", (database,)
            ).fetchone()
        return int(number)

    def remove(self, entry_id: int) -> None:
        with self._lock:
            self._db.execute("DELETE FROM pending WHERE id = ?", (entry_id,))

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _pending(row: tuple[object, ...]) -> Pending:
    entry_id, database, assessment_id, point_id, field, value, based_on, actor, queued = row
    kind = AnswerField(str(field))
    return Pending(
        int(str(entry_id)),
        str(database),
        int(str(assessment_id)),
        str(point_id),
        kind,
        Result(str(value)) if kind is AnswerField.RESULT else str(value),
        None if based_on is None else int(str(based_on)),
        str(actor),
        datetime.fromisoformat(str(queued)),
    )
