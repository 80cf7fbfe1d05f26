"""Safety figures: a transactional SQLite upgrade with its backup, db check, atomic writes."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from timing import median_seconds, rounded


def figures(quick: bool) -> dict[str, float]:
    from qaudit.services.database import open_database
    from qaudit.services.dbcheck import check_database
    from qaudit.services.demo import build_demo
    from qaudit.storage import make_engine
    from qaudit.storage.migrate import run_downgrade
    from qaudit.storage.schema import upgrade

    repeat = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="qaudit-bench-safety-") as folder:
        root = Path(folder)
        demo = root / "demo.db"
        engine = open_database(f"sqlite:///{demo}")
        build_demo(engine)
        check = median_seconds(lambda: check_database(engine), repeat)
        run_downgrade(engine, "0001")
        engine.dispose()

        def upgrade_copy() -> None:
            copy = root / "copy" / "qaudit.db"
            shutil.rmtree(copy.parent, ignore_errors=True)
            copy.parent.mkdir()
            shutil.copy(demo, copy)
            copied = make_engine(f"sqlite:///{copy}")
            upgrade(copied)
            copied.dispose()

        def backup_only() -> None:
            target = root / "backup.db"
            target.unlink(missing_ok=True)
            with sqlite3.connect(demo) as source, sqlite3.connect(target) as copy:
                source.backup(copy)
            copy.close()

        upgrade_s = median_seconds(upgrade_copy, repeat)
        backup_s = median_seconds(backup_only, 3 if quick else 7)
        atomic, plain = _writes(root, 10 if quick else 30)
    return {
        "sqlite_upgrade_0001_demo_s": rounded(upgrade_s),
        "sqlite_upgrade_backup_share": rounded(backup_s / upgrade_s, 3),
        "db_check_demo_s": rounded(check),
        "atomic_write_1mib_ratio": rounded(atomic / plain, 2),
    }


def _writes(root: Path, repeat: int) -> tuple[float, float]:
    """A 1 MiB output through qaudit's atomic writer (temporary, fsync, rename) vs in place."""
    from qaudit.files import write_bytes

    data = b"x" * 2**20
    target = root / "output.bin"
    atomic = median_seconds(lambda: write_bytes(target, data), repeat)
    plain = median_seconds(lambda: target.write_bytes(data), repeat)
    return atomic, plain
