"""Shared fixtures: an isolated user environment, and real databases (SQLite and PostgreSQL).

``db_url`` runs a test twice, on a SQLite file and on the PostgreSQL server named by
``QAUDIT_TEST_POSTGRES_URL`` (skipped, with the reason shown, when that is not set).
The schema is migrated once per session; each test starts from empty tables.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from qaudit.checklists import Catalogue, load_catalogue
from qaudit.i18n import set_language
from qaudit.services.database import open_database
from qaudit.storage import make_engine

FIXTURES = Path(__file__).parent / "fixtures"
POSTGRES_URL = os.environ.get("QAUDIT_TEST_POSTGRES_URL", "")
POSTGRES_SKIP = "QAUDIT_TEST_POSTGRES_URL is not set: PostgreSQL cases skipped"


@pytest.fixture(autouse=True)
def isolated_user(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test sees the real user's config, data or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("QAUDIT_HOME", str(home))
    monkeypatch.setenv("QAUDIT_ACTOR", "tester")
    for name in ("QAUDIT_DATABASE_URL", "QAUDIT_LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    set_language("nl")
    yield home
    set_language("nl")


@pytest.fixture(scope="session")
def mini_catalogue() -> Catalogue:
    """A four-point checklist set whose scores are easy to work out by hand."""
    return load_catalogue(FIXTURES / "mini")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo cooperative in a SQLite file, written once per test module (copy it to
    change it)."""
    from qaudit.services.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    engine = open_database(f"sqlite:///{path}")
    build_demo(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(f"sqlite:///{path}").dispose()
    return path


@pytest.fixture(scope="session")
def _postgres_schema() -> Iterator[str]:
    if not POSTGRES_URL:
        pytest.skip(POSTGRES_SKIP)
    schema = f"qaudit_test_{uuid.uuid4().hex[:8]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = _with_search_path(POSTGRES_URL, schema)
    open_database(url).dispose()
    yield url
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty database: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        path = tmp_path / "qaudit.db"
        shutil.copy(request.getfixturevalue("_sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("_postgres_schema")
    yield url
    engine = make_engine(url)
    with engine.begin() as connection:
        tables = (
            connection.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                    "AND tablename <> 'alembic_version'"
                )
            )
            .scalars()
            .all()
        )
        if tables:
            connection.execute(
                text(
                    "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"
                )
            )
    engine.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_database(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path: Path, _sqlite_template: Path) -> Iterator[Engine]:
    """Only SQLite, for tests that are about one file (e.g. killing a process)."""
    path = tmp_path / "sqlite-only.db"
    shutil.copy(_sqlite_template, path)
    engine = open_database(f"sqlite:///{path}")
    yield engine
    engine.dispose()
