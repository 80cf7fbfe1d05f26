"""Fixtures for the report tests: the demo cooperative in a database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.services.database import open_database
from qaudit.services.demo import build_demo


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Engine, str]]:
    """The demo cooperative in a SQLite file, shared by a module's read-only tests."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    url = f"sqlite:///{path}"
    engine = open_database(url)
    build_demo(engine)
    yield engine, url
    engine.dispose()


@pytest.fixture
def demo(demo_db: tuple[Engine, str]) -> Engine:
    return demo_db[0]


@pytest.fixture
def demo_url(demo_db: tuple[Engine, str]) -> str:
    return demo_db[1]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
