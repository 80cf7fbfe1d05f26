"""Is the database's schema the one this program expects? Upgrade it, or refuse it.

Checking needs no Alembic import (it is slow): the known revisions are listed here, and a
test keeps the list equal to the migration scripts.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect, text

from qaudit.errors import SchemaError
from qaudit.i18n import _

REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
)
"""Every migration revision, oldest first; the last one is what the models describe."""
HEAD = REVISIONS[-1]


def current_revision(engine: Engine) -> str | None:
    """The database's Alembic revision, or None for a database without qaudit tables."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_schema(engine: Engine) -> str | None:
    """Refuse a schema newer than this program; return the current revision."""
    revision = current_revision(engine)
    if revision is not None and revision not in REVISIONS:
        message = _(
            "the database {url} has schema revision '{revision}', newer than this version of "
            "qaudit knows (up to '{head}'); upgrade qaudit to open it. "
            "The database was not changed."
        )
        url = engine.url.render_as_string(hide_password=True)
        raise SchemaError(message.format(url=url, revision=revision, head=HEAD))
    return revision


def ensure_schema(engine: Engine) -> Path | None:
    """Bring an empty or older database up to date; refuse a newer one untouched.

    Returns the backup copy taken before upgrading an existing SQLite database, if any.
    """
    if check_schema(engine) != HEAD:
        return upgrade(engine)
    return None


def upgrade(engine: Engine, revision: str = "head") -> Path | None:
    """Upgrade in one transaction; return the backup copy of a SQLite file taken first."""
    from qaudit.storage.migrate import run_upgrade  # Alembic only when there is work

    current = check_schema(engine)
    if current == (HEAD if revision == "head" else revision):
        return None
    return run_upgrade(engine, revision, current=current)
