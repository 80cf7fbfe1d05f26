"""Storage: migrations from empty, agreement with the models, and refusing a newer schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlmodel import SQLModel

import qaudit.domain.models  # noqa: F401  (registers the tables)
from qaudit.errors import SchemaError
from qaudit.services.database import open_database
from qaudit.storage import make_engine
from qaudit.storage.migrate import script_revisions
from qaudit.storage.schema import HEAD, REVISIONS, check_schema, current_revision, upgrade


def test_revision_list_matches_the_migration_scripts() -> None:
    assert list(REVISIONS) == script_revisions()


def test_upgrade_from_empty_creates_every_table(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == HEAD
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables


def test_models_and_migrations_agree(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_newer_schema_is_refused_and_left_untouched(sqlite_engine: Engine) -> None:
    with sqlite_engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    sqlite_engine.dispose()  # the last connection out moves the WAL into the file: all of it
    url = sqlite_engine.url.render_as_string(hide_password=False)
    before = Path(sqlite_engine.url.database or "").read_bytes()
    with pytest.raises(SchemaError, match="nieuwer dan deze versie van qaudit"):
        open_database(url)
    with pytest.raises(SchemaError):
        check_schema(sqlite_engine)
    assert current_revision(sqlite_engine) == "9999_future"
    sqlite_engine.dispose()
    assert Path(sqlite_engine.url.database or "").read_bytes() == before


def test_postgres_urls_are_accepted_without_a_driver_suffix() -> None:
    from qaudit.storage.engine import normalise_url

    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_migration_0002_records_the_verdicts_of_earlier_closed_assessments(engine: Engine) -> None:
    from qaudit.services.demo import build_demo
    from qaudit.storage.migrate import run_downgrade

    build_demo(engine)
    query = text("SELECT id, outcome, score_percent FROM assessment WHERE status = 'closed'")
    with engine.connect() as connection:
        recorded = connection.execute(query).all()
    assert recorded and all(outcome for _id, outcome, _score in recorded)
    with engine.connect() as connection:
        answers = connection.execute(text("SELECT count(*) FROM answer")).scalar()
    run_downgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    upgrade(engine)
    with engine.connect() as connection:
        backfilled = connection.execute(query).all()
        assert connection.execute(text("SELECT count(*) FROM answer")).scalar() == answers
    assert sorted(backfilled) == sorted(recorded)
