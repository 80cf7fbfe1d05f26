"""The learning network's records: meetings, the practice library, consent; CLI and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.domain.models import (
    AuditLog,
    GoodPractice,
    NetworkAttendance,
    NetworkMeeting,
    SharedPractice,
)
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.services import network
from qaudit.storage import transaction
from qaudit.storage.migrate import run_downgrade, run_upgrade
from qaudit.storage.schema import HEAD, current_revision

from .support import build_net

TODAY = date(2026, 11, 1)


def test_practices_are_drawn_from_strengths_and_tips_and_tagged(engine: Engine) -> None:
    net = build_net(engine)
    everything = network.library(engine, TODAY, include_unshared=True)
    tags = {(r.source, r.promise_id, r.theme_id, r.location_id) for r in everything}
    assert tags == {
        ("strength", "KB03", None, net.locations["N01"]),  # visitation: tagged by promise
        ("tip", "KB01", None, net.locations["N01"]),  # the tip's finding names KB01.1
        ("strength", None, "T05", net.locations["N03"]),  # audit: tagged by theme
    }
    assert not any("niet altijd" in r.text for r in everything)  # improvements are no practice
    assert network.library(engine, TODAY, include_unshared=True) == everything  # no duplicates
    with transaction(engine) as s:
        assert len(s.exec(select(GoodPractice)).all()) == 3


def test_only_consenting_locations_are_shared(engine: Engine) -> None:
    net = build_net(engine)
    assert network.library(engine, TODAY) == []
    network.set_consent(engine, net.locations["N01"], True, on=TODAY, by="locatiemanager")
    shared = network.library(engine, TODAY)
    assert {r.location_id for r in shared} == {net.locations["N01"]}
    assert [r.source for r in network.library(engine, TODAY, promise="KB03")] == ["strength"]
    assert network.library(engine, TODAY, theme="T05") == []
    network.set_consent(engine, net.locations["N01"], False, on=TODAY)
    assert network.library(engine, TODAY) == []


def test_a_meeting_with_attendance_shared_practices_and_their_spread(engine: Engine) -> None:
    net = build_net(engine)
    n01, n02, n03 = (net.locations[c] for c in ("N01", "N02", "N03"))
    network.set_consent(engine, n01, True, on=TODAY)
    practice = network.library(engine, TODAY, promise="KB03")[0]
    meeting_id = network.add_meeting(
        engine,
        held_on=date(2026, 10, 8),
        theme="Eigen regie",
        host_location_id=n01,
        attendance={n01: 2, n02: 3, n03: 1},
        shared="De ritmekaart en hoe het team die invoerde.",
        practice_ids=[practice.id],
    )
    with transaction(engine) as s:
        rows = network.meetings(s)
        assert len(s.exec(select(AuditLog).where(AuditLog.action == "network_meeting")).all()) == 1
    assert [r.as_json() for r in rows] == [
        {
            "id": meeting_id,
            "date": "2026-10-08",
            "theme": "Eigen regie",
            "host": "N01",
            "attendance": [
                {"location": "N01", "attendees": 2},
                {"location": "N02", "attendees": 3},
                {"location": "N03", "attendees": 1},
            ],
            "attendees": 6,
            "shared": "De ritmekaart en hoe het team die invoerde.",
            "practices": [practice.id],
        }
    ]
    spread = network.library(engine, TODAY, promise="KB03")[0]
    assert (spread.meetings, spread.reached) == (1, 2)  # two other locations heard it


def _counts(engine: Engine) -> tuple[int, int, int]:
    with transaction(engine) as s:
        return (
            len(s.exec(select(NetworkMeeting)).all()),
            len(s.exec(select(NetworkAttendance)).all()),
            len(s.exec(select(SharedPractice)).all()),
        )


def test_bad_meetings_are_refused_and_write_nothing(engine: Engine) -> None:
    net = build_net(engine)
    n01 = net.locations["N01"]
    practice = network.library(engine, TODAY, include_unshared=True)[0]
    base = {"held_on": TODAY, "host_location_id": n01}
    with pytest.raises(NotFound, match="999"):
        network.add_meeting(engine, theme="x", attendance={n01: 1, 999: 1}, **base)
    with pytest.raises(QauditError, match="0"):
        network.add_meeting(engine, theme="x", attendance={n01: 0}, **base)
    with pytest.raises(QauditError):
        network.add_meeting(engine, theme="  ", attendance={n01: 1}, **base)
    with pytest.raises(Refused, match="consent"):  # no consent: not shared at a meeting
        network.add_meeting(
            engine, theme="x", attendance={n01: 1}, practice_ids=[practice.id], **base
        )
    with pytest.raises(Refused, match="mevrouw Jansen"):
        network.add_meeting(
            engine, theme="x", attendance={n01: 1}, shared="Verhaal van mevrouw Jansen", **base
        )
    with pytest.raises(NotFound, match="XX9"):
        network.add_meeting_by_codes(
            engine, held_on=TODAY, theme="x", host="N01", attendance="N02:2, XX9"
        )
    assert _counts(engine) == (0, 0, 0)
    meeting = network.add_meeting_by_codes(
        engine, held_on=TODAY, theme="Samen leren", host="n01", attendance="N02:2, N03"
    )
    with transaction(engine) as s:
        row = network.meetings(s)[0]
    assert row.id == meeting and row.attendance == (("N02", 2), ("N03", 1)) and row.host == "N01"


def test_migration_0007_goes_down_and_up(engine: Engine) -> None:
    build_net(engine)
    run_downgrade(engine, "0003")
    assert current_revision(engine) == "0003"
    run_upgrade(engine)
    assert current_revision(engine) == HEAD


def _cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qaudit", "--database", db, *args],
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=120,
    )


def test_cli_meeting_add_list_practices_and_consent(sqlite_engine: Engine) -> None:
    net = build_net(sqlite_engine)
    db = str(sqlite_engine.url)
    n01, n02 = net.locations["N01"], net.locations["N02"]
    refused = _cli(db, "network", "meeting", "add", "--date", "2026-10-08", "--theme", "x",
                   "--attendee", "abc")  # fmt: skip
    assert refused.returncode == 1 and "abc" in refused.stderr
    assert "Traceback" not in refused.stderr
    done = _cli(db, "network", "consent", str(n01), "--give", "--by", "locatiemanager")
    assert done.returncode == 0, done.stderr
    practices = json.loads(_cli(db, "network", "practices", "--promise", "KB03", "--json").stdout)
    assert [p["promise"] for p in practices] == ["KB03"]
    added = _cli(db, "network", "meeting", "add", "--date", "2026-10-08", "--theme", "Eigen regie",
                 "--host", str(n01), "--attendee", f"{n01}:2", "--attendee", str(n02),
                 "--shared", "De ritmekaart", "--practice", str(practices[0]["id"]))  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = json.loads(_cli(db, "network", "meeting", "list", "--json").stdout)
    assert listed[0]["attendees"] == 3 and listed[0]["practices"] == [practices[0]["id"]]
    assert _cli(db, "network", "practices", "--theme", "T05", "--json").stdout.strip() == "[]"
