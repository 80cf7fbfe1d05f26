"""Upgrades that cannot half-happen, a backup before each, and a newer schema never written."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from qaudit.errors import SchemaError
from qaudit.services.database import open_database
from qaudit.storage import make_engine
from qaudit.storage.schema import HEAD, current_revision, upgrade


def revision_of(path: Path) -> str | None:
    """The revision, read with the standard library (a fresh connection, as after a crash)."""
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def columns(path: Path, table: str) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'alembic_version'"
            )
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def assert_usable(path: Path, before: dict[str, int]) -> str:
    """At the old or the new revision, intact, nothing lost, and upgradable."""
    revision = revision_of(path)
    assert revision in ("0001", HEAD)
    if revision == "0001":
        assert "outcome" not in columns(path, "assessment")
    else:
        assert "outcome" in columns(path, "assessment")
    assert {t: n for t, n in counts(path).items() if t in before} == before
    engine = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()
    return revision


def test_a_failed_upgrade_leaves_the_old_revision_usable(
    old_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qaudit.storage import migrate

    before = counts(old_database)

    def fail_at_the_end(config: object, revision: str) -> None:
        real_upgrade(config, revision)  # every step ran, DDL included ...
        raise RuntimeError("power cut")  # ... and then the upgrade fails

    real_upgrade = migrate.command.upgrade
    monkeypatch.setattr(migrate.command, "upgrade", fail_at_the_end)
    engine = make_engine(f"sqlite:///{old_database}")
    with pytest.raises(RuntimeError):
        upgrade(engine)
    engine.dispose()
    assert revision_of(old_database) == "0001"
    assert "outcome" not in columns(old_database, "assessment")
    monkeypatch.undo()
    assert assert_usable(old_database, before) == "0001"


def test_an_upgrade_takes_a_private_backup_and_names_it(
    old_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qaudit.cli import main

    before = old_database.read_bytes()
    assert main(["--database", f"sqlite:///{old_database}", "db", "upgrade"]) == 0
    out = capsys.readouterr().out
    backups = list(old_database.parent.glob("qaudit.backup-0001-*.db"))
    assert len(backups) == 1 and str(backups[0]) in out
    assert backups[0].stat().st_mode & 0o777 == 0o600
    assert revision_of(backups[0]) == "0001"
    kept = counts(backups[0])  # the 0001 tables; later migrations add their own
    assert kept == {t: n for t, n in counts(old_database).items() if t in kept}
    assert len(before) > 0 and revision_of(old_database) == HEAD
    assert main(["--database", f"sqlite:///{old_database}", "db", "upgrade"]) == 0
    assert len(list(old_database.parent.glob("qaudit.backup-*"))) == 1  # no work, no copy


@pytest.mark.parametrize("journal", ["delete", "wal", "truncate"])
def test_a_newer_schema_is_never_written_in_any_journal_mode(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "future.db"
    engine = open_database(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA journal_mode={journal}")
    before = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    with pytest.raises(SchemaError):
        open_database(f"sqlite:///{path}")
    from qaudit.cli import main

    assert main(["--database", f"sqlite:///{path}", "db", "upgrade"]) == 1
    assert main(["--database", f"sqlite:///{path}", "location", "list"]) == 1
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == stamp
    assert not list(tmp_path.glob("future.backup-*"))


def test_kill_9_during_an_upgrade_leaves_old_or_new_revision(old_database: Path) -> None:
    """20 upgrades from 0001 killed at random moments: every file usable, old or new.

    Half of the kills fall anywhere in the command's run; the other half inside the
    migration itself, which starts right after the backup copy appears.
    """
    before = counts(old_database)
    pristine = old_database.read_bytes()
    command = [sys.executable, "-m", "qaudit", "--database", f"sqlite:///{old_database}"]
    whole, migration = _timed_upgrade(command, old_database)
    rng = random.Random(10)
    seen = []
    for trial in range(20):
        for side in old_database.parent.iterdir():
            side.unlink()
        old_database.write_bytes(pristine)
        process = subprocess.Popen(
            [*command, "db", "upgrade"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            if trial % 2:
                _wait_for_backup(process, old_database)
                process.wait(timeout=rng.uniform(0, migration))
            else:
                process.wait(timeout=rng.uniform(0, whole))
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        seen.append(assert_usable(old_database, before))
    assert len(seen) == 20, seen
    print("revisions after the kills:", seen)


def _timed_upgrade(command: list[str], database: Path) -> tuple[float, float]:
    """How long a whole upgrade takes here, and how long after its backup appeared."""
    started = time.monotonic()
    process = subprocess.Popen([*command, "db", "upgrade"], stdout=subprocess.DEVNULL)
    backup_seen = _wait_for_backup(process, database)
    assert process.wait(timeout=300) == 0
    ended = time.monotonic()
    return ended - started, ended - backup_seen


def _wait_for_backup(process: subprocess.Popen[bytes], database: Path) -> float:
    while process.poll() is None and not list(database.parent.glob("qaudit.backup-*.db")):
        time.sleep(0.002)
    return time.monotonic()
