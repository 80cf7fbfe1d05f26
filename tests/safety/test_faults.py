"""Database and file faults are one clear Dutch message, exit 1, never a traceback."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from qaudit.cli import main
from tests.conftest import POSTGRES_SKIP, POSTGRES_URL


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


def sqlite(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def hold_lock(sqlite_engine: Engine) -> Iterator[str]:
    """Another program holds the SQLite file locked (even for readers) meanwhile."""
    add_person(sqlite_engine)
    path = Path(sqlite_engine.url.database or "")
    sqlite_engine.dispose()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("DELETE FROM person WHERE id < 0")  # takes the write lock
    yield sqlite(path)
    other.execute("ROLLBACK")
    other.close()


def test_a_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Dit is een boodschappenlijst, geen database.\n" * 40)
    before = path.read_bytes()
    code, err = run(capsys, "--database", sqlite(path), "location", "list")
    assert code == 1 and f"{path} is geen qaudit-database" in err
    assert path.read_bytes() == before


def test_a_directory_and_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, "--database", sqlite(tmp_path), "location", "list")
    assert code == 1 and f"kan de database {tmp_path} niet openen: het is een map" in err
    code, err = run(capsys, "--database", sqlite(Path("/proc/nope/q.db")), "location", "list")
    assert code == 1 and "de map /proc/nope bestaat niet" in err


def add_person(engine: Engine) -> None:
    from qaudit.domain.models import Person
    from qaudit.storage import transaction

    with transaction(engine) as session:
        session.add(Person(id=1, name="Auditor Een"))


def test_a_read_only_database(sqlite_engine: Engine, capsys: pytest.CaptureFixture[str]) -> None:
    add_person(sqlite_engine)
    path = sqlite_engine.url.database
    sqlite_engine.dispose()
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    code, err = run(
        capsys,
        "--database",
        url,
        "person",
        "absent",
        "1",
        "--from",
        "2027-01-01",
        "--until",
        "2027-01-02",
    )
    assert code == 1
    assert "kan niet worden geschreven: het bestand of de map is alleen-lezen" in err


def test_a_locked_database_is_waited_for_then_named(
    hold_lock: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, "--database", hold_lock, "location", "list")
    assert code == 1
    assert "is in gebruik door een ander programma (5 seconden gewacht)" in err


def test_out_of_range_ids_and_dates_are_usage_errors(
    sqlite_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = str(sqlite_engine.url)
    for argv in (
        ["assessment", "list", "--location", "99999999999999999999999"],
        ["excel", "export", "--assessment", "-1", "--out", "x.xlsx"],
        ["schedule", "plan", "--years", "2", "--from", "9999-01-01"],
        ["person", "absent", "1", "--from", "0001-01-01", "--until", "2027-01-01"],
        ["schedule", "keep", "x", "--on", "2027-01-01", "--people", "1,99999999999"],
    ):
        with pytest.raises(SystemExit) as exit_:
            main(["--database", url, *argv])
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert "geen geldig id" in err or "geen aannemelijke datum" in err or "geen lijst" in err


@pytest.mark.postgres
@pytest.mark.skipif(not POSTGRES_URL, reason=POSTGRES_SKIP)
def test_postgres_faults_name_server_user_and_database(capsys: pytest.CaptureFixture[str]) -> None:
    base = make_url(POSTGRES_URL)
    down = base.set(host="127.0.0.1", port=1, password="geheim123")
    code, err = run(capsys, "--database", down.render_as_string(False), "location", "list")
    assert code == 1 and "kan de databaseserver van" in err and "127.0.0.1:1" in err
    assert "geheim123" not in err and "***" in err
    nobody = base.set(username="qaudit_no_such_role_i10b")
    code, err = run(capsys, "--database", nobody.render_as_string(False), "location", "list")
    assert code == 1 and "kent geen gebruiker (rol) qaudit_no_such_role_i10b" in err
    nothing = base.set(database="qaudit_no_such_database_i10b", query={})
    code, err = run(capsys, "--database", nothing.render_as_string(False), "location", "list")
    assert code == 1 and "heeft geen database qaudit_no_such_database_i10b" in err


def test_the_mapping_of_driver_messages() -> None:
    """Faults the test machine cannot cause (wrong password under trust, a full server)."""
    from sqlalchemy.exc import DatabaseError, OperationalError

    from qaudit.storage.faults import fault_message

    url = "postgresql+psycopg://anna:s3cret@db.example:5432/qaudit"
    wrong = OperationalError("connect", {}, Exception('password authentication failed for "anna"'))
    assert fault_message(wrong, url) == (
        "de databaseserver db.example weigert gebruiker anna: verkeerde naam of wachtwoord"
    )
    full = OperationalError("insert", {}, Exception("could not extend file: No space left"))
    message = fault_message(full, url)
    assert message and "geen schijfruimte" in message and "s3cret" not in message
    other = DatabaseError("x", {}, Exception("something odd\nsecond line"))
    assert fault_message(other, url) == (
        "de database postgresql+psycopg://anna:***@db.example:5432/qaudit meldt een fout: "
        "something odd"
    )
    assert fault_message(OverflowError("Python int too large")) is not None
    assert fault_message(ValueError("a bug")) is None


async def test_the_workbench_shows_a_locked_database_and_keeps_running(
    hold_lock: str, sqlite_engine: Engine
) -> None:
    from datetime import date

    from qaudit.config import Settings
    from qaudit.services import people
    from qaudit.tui.app import QAuditApp

    app = QAuditApp(Settings(), engine=sqlite_engine)
    shown: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (shown.append(str(message)), notify(message, **kw))[1]  # type: ignore[method-assign]
    async with app.run_test() as pilot:
        outcome: list[object] = []

        def write() -> None:  # a service that writes, as a screen runs it
            period = (date(2027, 1, 1), date(2027, 1, 2))
            outcome.append(app.call_service(people.add_absence, sqlite_engine, 1, *period, ""))

        worker = threading.Thread(target=write)
        worker.start()
        while worker.is_alive():
            await pilot.pause(0.1)
        assert outcome == [None]
        await pilot.pause()
        assert any("is in gebruik door een ander programma" in m for m in shown), shown
        assert app.is_running


def test_a_question_without_an_answer_changes_nothing(
    sqlite_engine: Engine, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``schedule apply`` asks on a terminal; when the input ends, nothing is stored."""
    import io

    url = str(sqlite_engine.url)
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"")))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    code, err = run(capsys, "--database", url, "schedule", "apply", "--years", "1")
    assert code == 1 and "de invoer eindigde" in err
