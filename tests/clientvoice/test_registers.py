"""Complaints, suggestions, evaluations and actions through the command line and services."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine

from clientvoice.support import location_with_units
from qaudit.cli import main
from qaudit.domain.clientvoice_enums import ActionSource, EvaluationKind
from qaudit.domain.enums import AssessmentKind
from qaudit.domain.models import Assessment, ChecklistVersion, ImprovementAction
from qaudit.errors import Refused
from qaudit.services.voice_register import add_complaint, complaints, extend_complaint
from qaudit.services.voice_rhythm import actions, add_evaluation, rhythm_of
from qaudit.storage import transaction


def test_a_complaint_is_overdue_after_six_weeks_or_ten_with_notice(engine: Engine) -> None:
    location_id = location_with_units(engine)
    received = date(2026, 9, 1)
    first = add_complaint(
        engine, location_id, "K-2026-01", received, unit="Noord", promise_id="KB07"
    )
    second = add_complaint(engine, location_id, "K-2026-02", received)
    extend_complaint(engine, second.id or 0, 4, date(2026, 10, 1))
    six_weeks = received + timedelta(weeks=6)
    on_time = {r.complaint.reference: r.overdue for r in complaints(engine, today=six_weeks)}
    assert on_time == {"K-2026-01": False, "K-2026-02": False}
    later = {
        r.complaint.reference: r for r in complaints(engine, today=six_weeks + timedelta(days=1))
    }
    assert later["K-2026-01"].overdue and not later["K-2026-02"].overdue
    assert later["K-2026-02"].due == received + timedelta(weeks=10)
    assert later["K-2026-01"].unit == "Noord"
    ten_weeks = received + timedelta(weeks=10, days=1)
    assert all(r.overdue for r in complaints(engine, location_id, today=ten_weeks))
    assert first.promise_id == "KB07"


def test_a_complaint_keeps_only_a_reference(engine: Engine) -> None:
    location_id = location_with_units(engine)
    with pytest.raises(Refused, match="mevrouw Jansen"):
        add_complaint(engine, location_id, "mevrouw Jansen", date(2026, 9, 1))
    with pytest.raises(Refused):
        add_complaint(engine, location_id, "K1", date(2026, 9, 1), summary="geboren 3-4-1938")
    assert complaints(engine) == []


def test_complaint_cli_round_trip(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    location_id = str(location_with_units(engine))
    base = ["--database", db_url, "complaint"]
    add = [
        *base,
        "add",
        "--location",
        location_id,
        "--reference",
        "K-7",
        "--received",
        "2026-01-05",
    ]
    assert main([*add, "--channel", "email", "--promise", "KB11", "--unit", "Zuid"]) == 0
    assert main([*base, "acknowledge", "1", "--on", "2026-01-07"]) == 0
    assert main([*base, "extend", "1", "--weeks", "5", "--notice", "2026-01-20"]) == 1
    assert "1 tot 4 weken" in capsys.readouterr().err
    assert main([*base, "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[0]["decision_due"] == "2026-02-16" and listed[0]["overdue"] is True
    assert listed[0]["acknowledged"] == "2026-01-07"
    close = [*base, "close", "1", "--decided", "2026-02-10", "--outcome", "partly_upheld"]
    assert main([*close, "--action", "Belrooster herzien", "--owner", "teamleider"]) == 0
    assert main([*base, "list", "--open", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1]) == []
    rows = actions(engine, int(location_id), ActionSource.COMPLAINT)
    assert [(r.action.title, r.unit) for r in rows] == [("Belrooster herzien", "Zuid")]
    assert main(["--database", db_url, "action", "list", "--source", "complaint", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["source"] == "complaint"


def test_the_evaluation_rhythm_of_a_location(engine: Engine) -> None:
    location_id = location_with_units(engine)
    today = date(2026, 11, 28)
    assert rhythm_of(engine, location_id, today) == []  # not started
    add_evaluation(engine, location_id, EvaluationKind.STAFF, date(2026, 5, 1), today=today)
    add_evaluation(engine, location_id, EvaluationKind.CLIENT, date(2026, 3, 1), today=today)
    states = {s.kind: s.state for s in rhythm_of(engine, location_id, today)}
    assert states == {
        EvaluationKind.CLIENT: "ok",
        EvaluationKind.STAFF: "overdue",  # Q3 passed without one
        EvaluationKind.THIRD_PARTY: "due",  # the rhythm started in 2026: due by year end
        EvaluationKind.CLIENT_PANEL: "overdue",  # due in 2026-Q1, when the rhythm started
    }


def test_old_actions_get_their_source_from_their_assessment(engine: Engine) -> None:
    location_id = location_with_units(engine)
    with transaction(engine) as session:
        version = ChecklistVersion(
            checklist_id="v", version="1", kind="visitation", title="v", content_hash="h"
        )
        session.add(version)
        session.flush()
        visit = Assessment(
            location_id=location_id,
            kind=AssessmentKind.VISITATION,
            checklist_version_id=version.id or 0,
            started_on=date(2026, 1, 1),
        )
        session.add(visit)
        session.flush()
        session.add(ImprovementAction(location_id=location_id, assessment_id=visit.id, title="Tip"))
    assert [r.source for r in actions(engine, location_id)] == [ActionSource.VISITATION_TIP]


def test_the_calendar_export_carries_the_evaluation_rhythm(engine: Engine, tmp_path) -> None:
    import icalendar

    from qaudit.services.schedule import export_ics

    location_id = location_with_units(engine)
    today = date.today()
    add_evaluation(engine, location_id, EvaluationKind.CLIENT, today, today=today)
    out = tmp_path / "plan.ics"
    assert export_ics(engine, out, location_id=location_id) == 4
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    uids = {str(e["uid"]) for e in events}
    assert f"loc{location_id}-evaluation-client-{today.year + 1}@qaudit" in uids
    client = next(e for e in events if "client-" in str(e["uid"]))
    assert str(client["summary"]).startswith("cliëntevaluatie: De Linde")
    assert client.decoded("dtstart") == date(today.year + 1, 12, 31)
