"""Alembic, configured in code (no alembic.ini to lose)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from qaudit.errors import SchemaError
from qaudit.i18n import _
from qaudit.paths import migrations_dir
from qaudit.storage.security import secure_tables


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


@contextmanager
def migrating(engine: Engine) -> Iterator[Config]:
    """A config bound to one transaction; on SQLite with foreign keys off meanwhile.

    SQLite alters a table by copying it and dropping the old one; with foreign keys on,
    that drop would cascade and delete every row that refers to the table (all answers of
    every assessment). The keys are checked before they are switched back on.
    """
    config = alembic_config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only outside a transaction
            connection.commit()
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                yield config
                if sqlite:
                    _check_foreign_keys(connection)
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        message = _("the migration would break {count} references; nothing changed")
        raise SchemaError(message.format(count=len(broken)))


def run_upgrade(engine: Engine, revision: str = "head") -> None:
    with migrating(engine) as config:
        command.upgrade(config, revision)
        secure_tables(config.attributes["connection"])  # tables of every migration


def run_downgrade(engine: Engine, revision: str) -> None:
    with migrating(engine) as config:
        command.downgrade(config, revision)


def script_revisions() -> list[str]:
    """Every revision of the migration scripts, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]
