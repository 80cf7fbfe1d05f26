"""Opening the database a command or the UI works on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from qaudit.storage import ensure_schema, make_engine


def open_database(
    url: str, *, upgrade: bool = True, on_backup: Callable[[Path], object] | None = None
) -> Engine:
    """An engine on ``url`` whose schema is current (created or upgraded when ``upgrade``).

    ``on_backup`` is told where the copy taken before upgrading a SQLite file went.
    """
    engine = make_engine(url)
    if upgrade:
        backup = ensure_schema(engine)
        if backup is not None and on_backup is not None:
            on_backup(backup)
    return engine
