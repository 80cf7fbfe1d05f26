"""Fixtures of the safety tests: a populated SQLite database at migration 0001."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qaudit.services.database import open_database


@pytest.fixture(scope="session")
def demo_at_0001(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo cooperative (closed assessments, answers, plans) downgraded to 0001."""
    from qaudit.services.demo import build_demo
    from qaudit.storage.migrate import run_downgrade

    path = tmp_path_factory.mktemp("at0001") / "demo.db"
    engine = open_database(f"sqlite:///{path}")
    build_demo(engine)
    run_downgrade(engine, "0001")
    engine.dispose()
    return path


@pytest.fixture
def old_database(demo_at_0001: Path, tmp_path: Path) -> Path:
    path = tmp_path / "db" / "qaudit.db"
    path.parent.mkdir()
    shutil.copy(demo_at_0001, path)
    return path
