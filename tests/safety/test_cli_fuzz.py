"""A fuzz of every command with malformed arguments: no traceback, exit 1 or 2, and the
database unchanged.

The commands and their arguments are read from the parser itself (so a new command is
fuzzed too); each invocation gets one malformed value for one argument (huge, negative or
non-numeric ids, impossible and far-away dates, missing files, folders for files, /proc
paths, wrong extensions, the database itself), or a database URL that cannot work (a
PostgreSQL server that is not there, a file that is no database, a folder).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from qaudit.cli import build_parser, main
from qaudit.cli.arguments import day, record_id, record_ids

SKIPPED = {("ui",), ("demo",)}
"""They open the terminal workbench."""
NO_DATABASE = {"checklist", "locate"}
"""They never open the database, so a bad database URL is no fault for them."""
FREE_TEXT = {
    *("note", "notes", "text", "title", "summary", "shared", "effect", "follow_up", "notice"),
    *("action", "owner", "by", "reference", "login", "name", "point", "unit", "period"),
    *("promise", "theme", "reason"),  # filters that may match nothing (action add: see CHANGELOG)
}
"""Values any text is right for: a note, a new login or unit name, a filter that may match
nothing (a point, a unit), a period whose empty value means the default."""
UNREACHABLE = "postgresql+psycopg://qaudit:geheim123@127.0.0.1:1/qaudit"


@dataclass(frozen=True)
class Place:
    root: Path
    database: Path

    @property
    def url(self) -> str:
        return f"sqlite:///{self.database}"


def leaf_commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers:
        yield path, parser
        return
    for name, child in subparsers[0].choices.items():
        yield from leaf_commands(child, (*path, name))


def arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    skip = {"help", "database", "language", "json"}
    return [
        a
        for a in parser._actions
        if a.dest not in skip
        and not isinstance(a, argparse._StoreTrueAction | argparse._HelpAction)
        and a.dest != argparse.SUPPRESS
    ]


def extension(action: argparse.Action) -> str:
    metavar = str(action.metavar or "")
    return metavar.rsplit(".", 1)[1] if "." in metavar else ""


def plausible(action: argparse.Action, place: Place) -> str:
    if action.choices:
        return str(next(iter(action.choices)))
    if action.type in (record_id, int):
        return "1"
    if action.type is record_ids:
        return "1,2"
    if action.type is day:
        return "2027-03-01"
    if action.type is Path:
        if action.dest in ("out", "out_dir"):
            return str(place.root / "out" / f"fresh.{extension(action) or 'd'}")
        return str(place.root / "missing.yaml")
    return "x"


def malformed(action: argparse.Action, place: Place) -> list[str]:
    root, ext = place.root, extension(action)
    if action.choices:
        return ["bogus", ""]
    if action.type in (record_id, int):
        return ["99999999999999999999999", "2147483648", "-1", "0", "abc", "1.5", ""]
    if action.type is record_ids:
        return ["1,x", "1,99999999999999999", ","]
    if action.type is day:
        return ["9999-01-01", "0001-01-01", "2026-02-30", "morgen", ""]
    if action.type is Path and action.dest == "out_dir":
        return [str(root / "garbage.txt"), "/proc/x", str(place.database), "/proc/self/status"]
    if action.type is Path and action.dest == "out":
        return [
            str(root / "folder.d" if not ext else root / f"folder.{ext}"),
            f"/proc/x/file.{ext or 'txt'}",
            str(root / "no" / "such" / f"folder.{ext or 'txt'}"),
            str(root / "wrong.extension"),
            str(place.database),
            str(root / f"link-to-db.{ext or 'txt'}"),
            str(root / f"fifo.{ext or 'txt'}"),
        ]
    if action.type is Path:
        return [
            str(root / f"missing.{ext or 'yaml'}"),
            str(root / f"folder.{ext}" if ext else root / "folder.d"),
            f"/proc/x/file.{ext or 'yaml'}",
            str(root / f"garbage.{ext or 'yaml'}"),
            str(root / "wrong.extension"),
            str(place.database),
            "/proc/self/status",
            "/dev/null",
        ]
    if action.dest in FREE_TEXT:
        return []
    return ["nope", "", "x" * 5000]


def invocations(place: Place) -> Iterator[list[str]]:
    for path, parser in leaf_commands(build_parser()):
        if path[:1] in {p[:1] for p in SKIPPED}:
            continue
        actions = arguments(parser)
        for bad in actions:
            for value in malformed(bad, place):
                yield [*path, *_argv(actions, place, bad, value)]
        argv = [*path, *_argv(actions, place, None, "")]
        yield ["--language", "fr", *argv]
        if path[0] not in NO_DATABASE:
            for url in (
                UNREACHABLE,
                f"sqlite:///{place.root / 'garbage.txt'}",
                f"sqlite:///{place.root / 'folder.d'}",
                "sqlite:////proc/x/qaudit.db",
                "postgresql://127.0.0.1:1/qaudit",
                "mysql+nosuchdriver://u@h/x",
                "geen-url",
                "postgresql://qaudit:geheim123@host:abc/qaudit",
            ):
                yield ["--database", url, *argv]


def _argv(
    actions: list[argparse.Action], place: Place, bad: argparse.Action | None, value: str
) -> list[str]:
    argv: list[str] = []
    for action in actions:
        if action is bad:
            chosen = value
        elif action.required or not action.option_strings:
            chosen = plausible(action, place)
        else:
            continue
        if action.option_strings:
            argv += [action.option_strings[0], chosen]
        else:
            argv.append(chosen)
    return argv


def digest(database: Path) -> str:
    """Everything the database holds (read through a fresh connection, WAL included)."""
    with sqlite3.connect(database) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Place:
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    root = tmp_path_factory.mktemp("fuzz")
    database = root / "qaudit.db"
    engine = open_database(f"sqlite:///{database}")
    build_demo(engine)
    engine.dispose()
    (root / "garbage.txt").write_text("geen database, geen werkmap\n" * 50)
    for ext in ("xlsx", "docx", "ics", "yaml", "d"):
        (root / f"folder.{ext}").mkdir()
        shutil.copy(root / "garbage.txt", root / f"garbage.{ext}")
    (root / "wrong.extension").write_text("x")
    (root / "out").mkdir()
    for ext in ("xlsx", "docx", "ics", "txt"):
        (root / f"link-to-db.{ext}").symlink_to(database)
        os.mkfifo(root / f"fifo.{ext}")  # writing onto it would block: must be refused
    return Place(root, database)


def test_every_command_refuses_malformed_arguments_without_a_traceback(
    place: Place, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QAUDIT_DATABASE_URL", place.url)
    monkeypatch.chdir(place.root / "out")
    before = digest(place.database)
    data = place.database.read_bytes()
    garbage = (place.root / "garbage.txt").read_bytes()
    problems: list[str] = []
    runs = 0
    for argv in invocations(place):
        runs += 1
        code, err = _run(argv)
        if code not in (1, 2) or "Traceback" in err:
            problems.append(f"{argv!r}: exit {code}\n{err[-1500:]}")
        if runs % 40 == 0:
            gc.collect()  # close the engines of earlier runs
    gc.collect()
    assert not problems, f"{len(problems)} of {runs} runs:\n" + "\n".join(problems[:20])
    assert runs >= 300
    assert digest(place.database) == before
    assert place.database.read_bytes() == data
    assert (place.root / "garbage.txt").read_bytes() == garbage
    assert list((place.root / "out").iterdir()) == []
    leftovers = [p for p in place.root.rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_the_fuzz_changes_nothing_on_postgres(
    place: Place, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    engine = open_database(db_url)
    build_demo(engine)
    before = postgres_digest(engine)
    monkeypatch.setenv("QAUDIT_DATABASE_URL", db_url)
    monkeypatch.chdir(place.root / "out")
    problems = []
    for argv in invocations(place):
        if "--database" in argv:
            continue  # the same on either database, and run above
        code, err = _run(argv)
        if code not in (1, 2) or "Traceback" in err:
            problems.append(f"{argv!r}: exit {code}\n{err[-1500:]}")
    gc.collect()
    assert not problems, "\n".join(problems[:20])
    assert postgres_digest(engine) == before
    engine.dispose()


def postgres_digest(engine: object) -> dict[str, str]:
    from sqlalchemy import Engine, text

    assert isinstance(engine, Engine)
    with engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
        return {
            table: connection.execute(
                text(
                    f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                    f'FROM "{table}" t'
                )
            ).scalar_one()
            for table in list(tables)
        }


def _run(argv: list[str]) -> tuple[int | str | None, str]:
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            code: int | str | None = main(argv)
        except SystemExit as exit_:
            code = exit_.code
        except BaseException:
            code = "exception"
            err.write(traceback.format_exc())
    return code, err.getvalue()


@pytest.mark.parametrize(
    "argv",
    [
        ["--database", UNREACHABLE, "location", "list"],
        ["assessment", "list", "--location", "99999999999999999999999"],
        ["schedule", "plan", "--years", "3", "--from", "9999-01-01"],
        ["report", "basis-op-orde", "--all", "--out-dir", "/proc/x"],
        ["schedule", "ics", "--out", "QAUDIT_DB"],
    ],
)
def test_a_real_process_prints_no_traceback(place: Place, argv: list[str]) -> None:
    argv = [str(place.database) if a == "QAUDIT_DB" else a for a in argv]
    before = digest(place.database)
    result = subprocess.run(
        [sys.executable, "-m", "qaudit", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "QAUDIT_DATABASE_URL": place.url},
        timeout=300,
    )
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "geheim123" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3, result.stderr
    assert digest(place.database) == before
