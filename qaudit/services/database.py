"""Opening the database a command or the UI works on."""

from __future__ import annotations

from sqlalchemy import Engine

from qaudit.storage import ensure_schema, make_engine


def open_database(url: str, *, upgrade: bool = True) -> Engine:
    """An engine on ``url`` whose schema is current (created or upgraded when ``upgrade``)."""
    engine = make_engine(url)
    if upgrade:
        ensure_schema(engine)
    return engine
