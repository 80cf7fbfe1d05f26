"""Alembic, configured in code (no alembic.ini to lose), run in one transaction.

On SQLite the standard driver commits by itself before DDL, so a failed or killed upgrade
would leave a half-migrated file. The migration therefore runs on its own connection in
which the driver's transaction handling is switched off and qaudit emits ``BEGIN
IMMEDIATE`` itself (SQLAlchemy's documented recipe for "serializable isolation /
savepoints / transactional DDL" with pysqlite): every step of the upgrade, the Alembic
version included, is committed together or not at all. Before an upgrade of an existing
SQLite database a backup copy is taken with SQLite's backup API.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool

from qaudit.errors import SchemaError
from qaudit.i18n import _
from qaudit.paths import migrations_dir
from qaudit.storage.backup import backup_sqlite
from qaudit.storage.engine import BUSY_TIMEOUT_MS, sqlite_file
from qaudit.storage.security import secure_tables


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def transactional_sqlite_engine(engine: Engine) -> Engine:
    """A second engine on the same SQLite file whose transactions include DDL."""
    own = create_engine(engine.url, poolclass=NullPool)

    @event.listens_for(own, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # the driver emits no BEGIN/COMMIT itself
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # SQLite alters a table by copying it and dropping the old one; with foreign keys
        # on, that drop would cascade and delete every row that refers to the table. The
        # keys are checked before the transaction commits instead.
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.close()

    @event.listens_for(own, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # the writer's lock from the start

    return own


@contextmanager
def migrating(engine: Engine, *, backup_from: str | None = None) -> Iterator[Config]:
    """A config bound to one transaction; on SQLite with foreign keys checked at the end.

    ``backup_from`` (the current revision) asks for a backup copy of a SQLite file first;
    its path is in ``config.attributes["backup"]``.
    """
    config = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    if sqlite and sqlite_file(engine.url.database) is None:
        with _in_memory(engine, config) as memory:  # nothing on disk to half-migrate
            yield memory
        return
    own = transactional_sqlite_engine(engine) if sqlite else engine
    try:
        with own.connect() as connection:
            if sqlite and backup_from is not None:  # SQLite copies only outside a write
                config.attributes["backup"] = backup_sqlite(connection, backup_from)
            with connection.begin():
                config.attributes["connection"] = connection
                yield config
                if sqlite:
                    _check_foreign_keys(connection)
    finally:
        if own is not engine:
            own.dispose()


@contextmanager
def _in_memory(engine: Engine, config: Config) -> Iterator[Config]:
    """An in-memory database lives in its engine's one connection: migrate on that one."""
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only outside a transaction
        connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                yield config
                _check_foreign_keys(connection)
        finally:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        message = _("the migration would break {count} references; nothing changed")
        raise SchemaError(message.format(count=len(broken)))


def run_upgrade(
    engine: Engine, revision: str = "head", *, current: str | None = None
) -> Path | None:
    """Upgrade to ``revision``; return the backup copy taken first (SQLite), if any."""
    with migrating(engine, backup_from=current) as config:
        command.upgrade(config, revision)
        secure_tables(config.attributes["connection"])  # tables of every migration
    backup = config.attributes.get("backup")
    return backup if isinstance(backup, Path) else None


def run_downgrade(engine: Engine, revision: str) -> None:
    with migrating(engine) as config:
        command.downgrade(config, revision)


def script_revisions() -> list[str]:
    """Every revision of the migration scripts, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
