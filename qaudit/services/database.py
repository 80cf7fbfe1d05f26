"""Opening the database a command or the UI works on."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from qaudit.errors import QauditError
from qaudit.storage import ensure_schema, make_engine
from qaudit.storage.faults import fault_message


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


def describe_fault(error: BaseException, url: str | None = None) -> str | None:
    """A user error's message, or a database or file fault's; None for anything else."""
    if isinstance(error, QauditError):
        return str(error)
    return fault_message(error, url)
