"""A copy of a SQLite database before it is upgraded, taken with SQLite's backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection

from qaudit.files import write_atomically


def backup_path(database: Path, revision: str, now: datetime | None = None) -> Path:
    """``qaudit.backup-0002-20261128-171500.db`` beside ``qaudit.db`` (never an existing file)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    base = f"{database.stem}.backup-{revision}-{stamp}"
    candidate, number = database.with_name(base + database.suffix), 1
    while candidate.exists():
        number += 1
        candidate = database.with_name(f"{base}-{number}{database.suffix}")
    return candidate


def backup_sqlite(connection: Connection, revision: str) -> Path | None:
    """Copy the database of ``connection`` (outside a transaction) beside it, privately."""
    database = connection.engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    source = connection.connection.dbapi_connection
    assert isinstance(source, sqlite3.Connection)
    target = backup_path(Path(database).expanduser(), revision)

    def copy(temporary: Path) -> None:
        temporary.touch(mode=0o600)
        with sqlite3.connect(temporary) as copy_connection:
            source.backup(copy_connection)
        copy_connection.close()

    return write_atomically(target, copy)
