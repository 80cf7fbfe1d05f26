"""Outputs are written whole or not at all, never onto the database, and follow the umask."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.cli import main
from qaudit.errors import QauditError
from qaudit.files import check_output, protect

OUTPUTS = {
    "ics": ["schedule", "ics", "--out"],
    "xlsx": ["excel", "results", "--out"],
    "docx": ["report", "overzicht", "--out"],
}


def run(capsys: pytest.CaptureFixture[str], url: str, *argv: str) -> tuple[int, str]:
    code = main(["--database", url, *argv])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


@pytest.fixture
def database(sqlite_engine: Engine) -> Iterator[tuple[str, Path]]:
    url = sqlite_engine.url.render_as_string(hide_password=False)
    sqlite_engine.dispose()  # checkpointed: the file alone holds everything
    yield url, Path(sqlite_engine.url.database or "")


@pytest.mark.parametrize("kind", sorted(OUTPUTS))
def test_no_output_replaces_the_database(
    database: tuple[str, Path], kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url, path = database
    before = path.read_bytes()
    symlink = path.with_name(f"link.{kind}")
    symlink.symlink_to(path)
    hardlink = path.with_name(f"hard.{kind}")
    os.link(path, hardlink)
    for target in (symlink, hardlink):
        code, err = run(capsys, url, *OUTPUTS[kind], str(target))
        assert code == 1 and "is een databasebestand van qaudit" in err, err
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_the_side_files_of_a_database_are_protected(tmp_path: Path) -> None:
    database = tmp_path / "werk.db"
    protect(database)
    for side in ("", "-wal", "-shm", "-journal"):
        with pytest.raises(QauditError, match="databasebestand"):
            check_output(database.with_name(database.name + side))
    assert check_output(tmp_path / "werk.docx") == tmp_path / "werk.docx"


def test_the_calendar_must_be_an_ics_file(
    database: tuple[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url, path = database
    for name in ("plan.txt", "plan", path.name):
        code, err = run(capsys, url, "schedule", "ics", "--out", str(path.parent / name))
        assert code == 1 and "moet eindigen op .ics" in err
    assert not (path.parent / "plan.txt").exists()


@pytest.mark.parametrize("kind", sorted(OUTPUTS))
def test_outputs_follow_the_umask(
    database: tuple[str, Path], kind: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, _path = database
    previous = os.umask(0o002)
    try:
        out = tmp_path / f"gedeeld.{kind}"
        code, _err = run(capsys, url, *OUTPUTS[kind], str(out))
    finally:
        os.umask(previous)
    assert code == 0
    assert out.stat().st_mode & 0o777 == 0o664
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_new_database_and_its_folder_are_private(
    isolated_user: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from qaudit.paths import user_dirs

    previous = os.umask(0o022)
    try:
        assert main(["location", "list", "--json"]) == 0
    finally:
        os.umask(previous)
    database = user_dirs().database_file
    assert database.stat().st_mode & 0o777 == 0o600
    assert database.parent.stat().st_mode & 0o777 == 0o700


def test_locate_masks_the_password(capsys: pytest.CaptureFixture[str]) -> None:
    url = "postgresql+psycopg://anna:geheim123@db.example/qaudit"
    assert main(["--database", url, "locate", "--json"]) == 0
    out = capsys.readouterr().out
    assert "geheim123" not in out and "anna:***@db.example" in out


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A small file system that is filled up after the test puts its files there."""
    mount = tmp_path / "small"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root): " + made.stderr.decode())
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> None:
    descriptor = os.open(folder / "vulling", os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        while os.write(descriptor, b"\0" * 512):
            pass
    except OSError:
        pass  # full
    finally:
        os.close(descriptor)


@pytest.mark.parametrize("kind", sorted(OUTPUTS))
def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    database: tuple[str, Path], full_disk: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _path = database
    out = full_disk / f"uitvoer.{kind}"
    out.write_bytes(b"the previous version")
    fill(full_disk)
    code, err = run(capsys, url, *OUTPUTS[kind], str(out))
    assert code == 1 and "de schijf is vol" in err, err
    assert out.read_bytes() == b"the previous version"
    assert sorted(p.name for p in full_disk.iterdir()) == sorted([out.name, "vulling"])


def test_a_full_disk_in_a_real_process_prints_one_line(
    database: tuple[str, Path], full_disk: Path
) -> None:
    import sys

    url, _path = database
    fill(full_disk)
    out = full_disk / "resultaten.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "qaudit", "--database", url, "excel", "results", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"qaudit: fout: kan {out} niet schrijven: de schijf is vol"
    ]


def test_a_full_disk_under_the_database_is_a_message(
    full_disk: Path, _sqlite_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil
    import sqlite3

    database = full_disk / "qaudit.db"
    shutil.copy(_sqlite_template, database)
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO person (id, name, email, region, max_per_year) "
            "VALUES (1, 'Auditor Een', '', '', 6)"
        )
    connection.close()
    fill(full_disk)
    code, err = run(
        capsys,
        f"sqlite:///{database}",
        "person",
        "absent",
        "1",
        "--from",
        "2027-01-01",
        "--until",
        "2027-12-31",
        "--note",
        "x" * 200_000,
    )
    assert code == 1
    assert f"de database {database} kan niet worden geschreven: de schijf is vol" in err, err
    (full_disk / "vulling").unlink()  # room again: nothing of the refused write is there
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM absence").fetchone() == (0,)
    connection.close()


def test_a_read_only_file_system_is_named(
    database: tuple[str, Path],
    full_disk: Path,
    _sqlite_template: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A real read-only mount (permissions alone do not stop root, who runs the tests here)."""
    import shutil

    url, _path = database
    shutil.copy(_sqlite_template, full_disk / "qaudit.db")
    subprocess.run(["mount", "-o", "remount,ro", str(full_disk)], check=True)
    code, err = run(capsys, url, "excel", "results", "--out", str(full_disk / "r.xlsx"))
    assert code == 1 and "het bestandssysteem is alleen-lezen" in err, err
    on_read_only = f"sqlite:///{full_disk / 'qaudit.db'}"
    code, err = run(
        capsys,
        on_read_only,
        "person",
        "absent",
        "1",
        "--from",
        "2027-01-01",
        "--until",
        "2027-01-02",
    )
    assert code == 1
    assert f"kan de database {full_disk / 'qaudit.db'} niet openen" in err
    assert "de map is alleen-lezen" in err


def test_what_a_killed_writer_left_is_removed_by_the_next_write(tmp_path: Path) -> None:
    from qaudit.files import STALE_SECONDS, temporary_path, write_bytes

    target = tmp_path / "plan.ics"
    stale, running = temporary_path(target), temporary_path(target)
    stale.write_bytes(b"half")
    running.write_bytes(b"being written right now")
    old = stale.stat().st_mtime - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    write_bytes(target, b"BEGIN:VCALENDAR")
    assert target.read_bytes() == b"BEGIN:VCALENDAR"
    assert not stale.exists() and running.exists()
