"""PostgreSQL enforces who sees what: real login roles on the demo cooperative.

The demo is written into a schema of its own with ``qaudit --database URL demo``; logins are
created with ``qaudit user add`` (unique names, dropped afterwards) and connect as
themselves, not as the tables' owner, so row-level security applies to them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from qaudit.cli import main
from qaudit.domain.enums import AssessmentKind
from qaudit.services import access, assessments, audit, dashboard
from qaudit.services.demo import cast, network
from qaudit.storage import make_engine, transaction
from qaudit.storage.security import GROUP

DEMO_LOCATIONS = [*cast.LOCATIONS, *network.LOCATIONS]  # the demo's member locations

POSTGRES_URL = os.environ.get("QAUDIT_TEST_POSTGRES_URL", "")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not POSTGRES_URL, reason="QAUDIT_TEST_POSTGRES_URL is not set"),
]


@dataclass
class Server:
    schema: str
    admin_url: str
    logins: dict[str, str]
    """role in the test (contact, peer, board) -> login name"""
    l02_assessment: int
    visitation: int
    other_visitation: int

    def url(self, who: str) -> str:
        login = self.logins[who]
        base = make_url(POSTGRES_URL).set(username=login, password=None)
        return _with_search_path(base.render_as_string(hide_password=False), self.schema)

    def engine(self, who: str) -> Engine:
        return make_engine(self.url(who))


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}"


def _run(*argv: str) -> int:
    return main(list(argv))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    suffix = uuid.uuid4().hex[:8]
    schema = f"qaudit_access_{suffix}"
    logins = {who: f"qa_{suffix}_{who}" for who in ("contact", "peer", "board", "staff", "auditor")}
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = _with_search_path(POSTGRES_URL, schema)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("QAUDIT_HOME", str(tmp_path_factory.mktemp("home")))
        patch.delenv("QAUDIT_DATABASE_URL", raising=False)
        try:
            yield _populate(url, schema, logins)
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
                for login in logins.values():
                    connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
            admin.dispose()


def _populate(url: str, schema: str, logins: dict[str, str]) -> Server:
    assert _run("--database", url, "demo", "--create-only") == 0
    engine = make_engine(url)
    today = date.today()
    with transaction(engine) as session:
        ids = dict(session.execute(text("SELECT code, id FROM location")).all())
        l01 = assessments.start(
            session, ids["L01"], AssessmentKind.SELF_EVALUATION, started_on=today
        )
        l02 = assessments.start(
            session, ids["L02"], AssessmentKind.SELF_EVALUATION, started_on=today
        )
        visits = [
            assessments.start(session, ids[code], AssessmentKind.VISITATION, started_on=today)
            for code in ("L08", "L09")
        ]
        session.flush()
        assert l01.id and l02.id and visits[0].id and visits[1].id
        found = Server(schema, url, logins, l02.id, visits[0].id, visits[1].id)
    engine.dispose()
    assert _run("--database", url, "user", "add", logins["contact"], "--person", "1") == 0
    assert _run("--database", url, "user", "add", logins["peer"], "--person", "2") == 0
    assert _run("--database", url, "user", "add", logins["board"], "--person", "3") == 0
    assert _run("--database", url, "user", "add", logins["staff"], "--person", "4") == 0
    assert _run("--database", url, "user", "add", logins["auditor"], "--person", "5") == 0
    grants = [
        (logins["contact"], "location-contact", "--location", str(ids["L01"])),
        (logins["peer"], "peer-visitor", "--assessment", str(found.visitation)),
        (logins["board"], "board", "--organisation", "1"),
        (logins["auditor"], "auditor", "--location", str(ids["L10"])),
    ]
    assert _run("--database", url, "access", "grant", logins["staff"], "staff") == 0
    for login, role, flag, value in grants:
        assert _run("--database", url, "access", "grant", login, role, flag, value) == 0
    return found


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    import json

    capsys.readouterr()
    assert _run(*argv) == 0
    return json.loads(capsys.readouterr().out)


def test_a_location_contact_sees_one_location_everywhere(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = server.url("contact")
    rows = _json(capsys, "--database", url, "location", "list", "--json")
    assert [r["code"] for r in rows] == ["L01"]  # type: ignore[union-attr, index]
    engine = server.engine("contact")
    try:
        assert [r.code for r in dashboard.rows_for(engine, date.today())] == ["L01"]
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM location")).scalar() == 1
            assert connection.execute(text("SELECT count(*) FROM interview")).scalar() == 0
    finally:
        engine.dispose()
    out = tmp_path / "results.xlsx"
    assert _run("--database", url, "excel", "results", "--out", str(out)) == 0
    sheet = load_workbook(out, read_only=True).worksheets[0]
    codes = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]}
    assert codes == {"L01"}


@pytest.mark.skipif(shutil.which("psql") is None, reason="psql is not installed")
def test_psql_as_the_login_counts_one_location(server: Server) -> None:
    parsed = make_url(POSTGRES_URL)
    command = [
        "psql",
        "-h",
        parsed.host or "127.0.0.1",
        "-p",
        str(parsed.port or 5432),
        "-U",
        server.logins["contact"],
        "-d",
        parsed.database or "postgres",
        "-At",
        "-c",
        f'SET search_path = "{server.schema}"; SELECT count(*) FROM location',
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["SET", "1"] or done.stdout.strip().endswith("1")


def test_a_report_or_export_of_another_location_is_refused(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = server.url("contact")
    capsys.readouterr()
    argv = ["--database", url, "excel", "export", "--assessment", str(server.l02_assessment)]
    assert _run(*argv, "--out", str(tmp_path / "l02.xlsx")) == 1
    assert "geen toegang" in capsys.readouterr().err
    argv = ["--database", url, "report", "basis-op-orde", "--assessment"]
    assert _run(*argv, str(server.l02_assessment), "--out", str(tmp_path / "r.docx")) == 1
    assert "geen toegang tot beoordeling" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())
    assert _run("--database", url, "report", "overzicht", "--out", str(tmp_path / "o.docx")) == 1


def test_a_peer_visitor_works_on_its_visitation_only(
    server: Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url = server.url("peer")
    mine = ["--database", url, "excel", "export", "--assessment", str(server.visitation)]
    assert _run(*mine, "--out", str(tmp_path / "mine.xlsx")) == 0
    capsys.readouterr()
    other = ["--database", url, "excel", "export", "--assessment", str(server.other_visitation)]
    assert _run(*other, "--out", str(tmp_path / "other.xlsx")) == 1
    assert "geen toegang" in capsys.readouterr().err
    engine = server.engine("peer")
    try:
        with engine.connect() as connection:
            seen = connection.execute(text("SELECT id FROM assessment")).scalars().all()
        assert seen == [server.visitation]
    finally:
        engine.dispose()


def test_the_board_reads_but_changes_nothing(server: Server) -> None:
    engine = server.engine("board")
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM location")).scalar() == 2
            changed = connection.execute(text("UPDATE location SET city = 'X'")).rowcount
            assert changed == 0
    finally:
        engine.dispose()


def test_staff_see_everything_without_owning_the_tables(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _json(capsys, "--database", server.url("staff"), "location", "list", "--json")
    assert len(rows) == len(DEMO_LOCATIONS)  # type: ignore[arg-type]
    engine = server.engine("staff")
    try:
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM interview")).scalar()
            owner = connection.execute(
                text("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'location'")
            ).scalar()
        assert owner != server.logins["staff"]
    finally:
        engine.dispose()


@pytest.mark.parametrize("who", ["contact", "peer", "board", "staff", "auditor", "admin"])
def test_the_audit_log_is_append_only_for_every_login(server: Server, who: str) -> None:
    engine = make_engine(server.admin_url) if who == "admin" else server.engine(who)
    try:
        for statement in ("UPDATE auditlog SET actor = 'someone else'", "DELETE FROM auditlog"):
            with pytest.raises(DBAPIError), engine.begin() as connection:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def test_the_actor_is_the_login_whatever_qaudit_actor_says(
    server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QAUDIT_ACTOR", "iemand-anders")
    engine = server.engine("contact")
    try:
        with transaction(engine) as session:
            assert access.identity(session).login == server.logins["contact"]
            assert access.identity(session).person_id == 1
            audit.log(session, "test", "location", None, "iemand-anders")
        with engine.connect() as connection:
            actor = connection.execute(
                text("SELECT actor FROM auditlog WHERE action = 'test'")
            ).scalar()
        assert actor == server.logins["contact"]
    finally:
        engine.dispose()


def test_every_login_is_in_the_group(server: Server) -> None:
    engine = make_engine(server.admin_url)
    try:
        with engine.connect() as connection:
            for login in server.logins.values():
                sql = "SELECT pg_has_role(:login, :group, 'MEMBER')"
                assert connection.execute(text(sql), {"login": login, "group": GROUP}).scalar()
    finally:
        engine.dispose()


def test_a_password_is_hashed_here_and_never_printed(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    login = server.logins["contact"] + "_pw"
    secret = "Geheim-" + uuid.uuid4().hex
    monkeypatch.setattr("sys.stdin", io.StringIO(secret + "\n"))
    admin = make_engine(server.admin_url)
    try:
        argv = ["--database", server.admin_url, "user", "add", login, "--person", "4"]
        assert _run(*argv, "--password-stdin") == 0
        captured = capsys.readouterr()
        assert secret not in captured.out + captured.err
        with admin.connect() as connection:
            stored = connection.execute(
                text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": login}
            ).scalar()
        assert str(stored).startswith("SCRAM-SHA-256$") and secret not in str(stored)
        assert _run("--database", server.admin_url, "user", "remove", login) == 0
        assert "verwijderd" in capsys.readouterr().out
        with admin.connect() as connection:
            sql = "SELECT count(*) FROM pg_roles WHERE rolname = :n"
            assert connection.execute(text(sql), {"n": login}).scalar() == 0
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP ROLE IF EXISTS "{login}"'))
        admin.dispose()


def test_a_contact_starts_its_self_evaluation_and_readiness_scan_but_no_audit_visit(
    server: Server,
) -> None:
    engine = server.engine("contact")
    insert = text(
        "INSERT INTO assessment (location_id, kind, checklist_version_id, status, started_on, "
        "summary, quality_advice) SELECT location_id, :kind, checklist_version_id, 'open', "
        "started_on, '', '' FROM assessment LIMIT 1"
    )
    try:
        with engine.connect() as connection:
            for kind in ("self_evaluation", "readiness_scan"):
                with connection.begin() as transaction_:
                    assert connection.execute(insert, {"kind": kind}).rowcount == 1
                    transaction_.rollback()
            with pytest.raises(DBAPIError, match="row-level security"), connection.begin():
                connection.execute(insert, {"kind": "audit_visit"})
    finally:
        engine.dispose()


@pytest.mark.parametrize("who", ["contact", "peer", "board", "auditor"])
def test_the_sql_rules_mirror_the_python_rules(server: Server, who: str) -> None:
    """The policies' functions and qaudit/domain/access.py give the same sets."""
    login = server.logins[who]
    admin = make_engine(server.admin_url)
    try:
        with transaction(admin) as session:
            python_scope = access.scope_of_login(session, login)
            sql = {
                name: set(
                    session.execute(
                        text(f"SELECT qaudit_{name}(:login)"), {"login": login}
                    ).scalars()
                )
                for name in (
                    "read_locations",
                    "write_locations",
                    "read_assessments",
                    "write_assessments",
                    "interview_assessments",
                )
            }
    finally:
        admin.dispose()
    assert sql["read_locations"] == python_scope.read_locations
    assert sql["write_locations"] == python_scope.write_locations
    assert sql["read_assessments"] == python_scope.read_assessments
    assert sql["write_assessments"] == python_scope.write_assessments
    assert sql["interview_assessments"] == python_scope.interview_assessments
    assert python_scope.read_locations  # each login sees something
