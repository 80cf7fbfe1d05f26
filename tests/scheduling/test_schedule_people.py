"""The plan as people live it (SQLite and PostgreSQL): a calendar per person, invitations
that mail programs accept, answers to them, and the workload per person."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

import icalendar
import pytest
import vobject
from sqlmodel import select

from qaudit.cli import main
from qaudit.domain.enums import EventKind
from qaudit.domain.models import EventAssignment, Person, ScheduledEvent
from qaudit.errors import NotFound
from qaudit.scheduling.ics import Attendee
from qaudit.services import schedule
from qaudit.services.schedule_people import export_per_person, respond, workload
from qaudit.storage import transaction

from .test_schedule_service import START, _propose, coop  # noqa: F401  (the fixture)

ORGANIZER = Attendee("Kwaliteit@ planning", "planning@coop.example")
STAMP = datetime(2027, 1, 1, 9, tzinfo=UTC)


def _give_addresses(engine) -> dict[int, str]:
    with transaction(engine) as s:
        people = s.exec(select(Person)).all()
        for p in people:
            p.email = f"person{p.id}@example.org"
            s.add(p)
        return {p.id: p.email for p in people}


def _assignments(engine) -> list[tuple[str, int]]:
    with transaction(engine) as s:
        return list(
            s.exec(
                select(ScheduledEvent.uid, EventAssignment.person_id).join(
                    EventAssignment, EventAssignment.event_id == ScheduledEvent.id
                )
            ).all()
        )


def test_every_person_gets_a_calendar_and_an_invitation_per_event(engine, coop, tmp_path):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    addresses = _give_addresses(engine)
    assigned = _assignments(engine)
    done = export_per_person(engine, tmp_path, invitations=True, organizer=ORGANIZER, stamp=STAMP)
    people = {person for _uid, person in assigned}
    assert done.calendars == len(people) and done.invitations == len(assigned)
    for person in people:
        (path,) = tmp_path.glob(f"{person}-*.ics")
        data = path.read_bytes()
        own = {uid for uid, p in assigned if p == person}
        parsed = icalendar.Calendar.from_ical(data)  # parser one
        assert {str(e["UID"]) for e in parsed.walk("VEVENT")} == own
        second = vobject.readOne(data.decode("utf-8"))  # parser two, independent
        assert {e.uid.value for e in second.vevent_list} == own
        assert {e.transp.value for e in second.vevent_list} == {"OPAQUE"}
    mails = sorted((tmp_path / "invitations").glob("*.eml"))
    assert len(mails) == len(assigned)
    message = email.message_from_bytes(mails[0].read_bytes(), policy=email.policy.default)
    person = int(mails[0].name.split("-")[0])
    assert message["To"].addresses[0].addr_spec == addresses[person]
    assert message["From"].addresses[0].addr_spec == ORGANIZER.email
    part = next(p for p in message.walk() if p.get_content_type() == "text/calendar")
    assert part.get_param("method") == "REQUEST"
    invite = vobject.readOne(part.get_content())
    assert invite.method.value == "REQUEST"
    event = invite.vevent
    assert event.organizer.value == f"mailto:{ORGANIZER.email}"
    attendees = {a.value for a in event.attendee_list}
    assert f"mailto:{addresses[person]}" in attendees
    assert {a.params["PARTSTAT"][0] for a in event.attendee_list} == {"NEEDS-ACTION"}
    attachment = next(p for p in message.walk() if p.get_filename() == "invite.ics")
    assert icalendar.Calendar.from_ical(attachment.get_content())["METHOD"] == "REQUEST"


def test_a_declined_event_is_planned_again_for_that_persons_place(engine, coop):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    uid, person = next((uid, p) for uid, p in _assignments(engine) if "cirkel" in uid)
    respond(engine, uid, person, "declined")
    again = next(e for e in _propose(engine).plan.events if e.uid == uid)
    assert person not in again.person_ids
    assert again.kind is EventKind.CIRKEL


def test_answers_are_checked(engine, coop, db_url, capsys):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    uid, person = _assignments(engine)[0]
    with pytest.raises(NotFound):
        respond(engine, uid, 999_999, "accepted")
    respond_argv = ["--database", db_url, "schedule", "respond", uid, "--person", str(person)]
    with pytest.raises(SystemExit) as usage:
        main([*respond_argv, "maybe"])
    assert usage.value.code == 2
    assert main([*respond_argv, "accepted"]) == 0
    assert str(person) in capsys.readouterr().out
    with transaction(engine) as s:
        row = s.exec(
            select(EventAssignment)
            .join(ScheduledEvent, EventAssignment.event_id == ScheduledEvent.id)
            .where(EventAssignment.person_id == person, ScheduledEvent.uid == uid)
        ).one()
        assert row.response == "accepted" and row.responded_at is not None


def test_invitations_need_a_sender(engine, coop, db_url, tmp_path, capsys):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    argv = ["--database", db_url, "schedule", "ics", "--per-person", "--out-dir", str(tmp_path)]
    assert main([*argv, "--invitations"]) == 1
    assert "organizer_email" in capsys.readouterr().err
    assert main(argv) == 0
    assert list(tmp_path.glob("*.ics"))


def test_workload_counts_each_persons_events_per_month(engine, coop):  # noqa: F811
    schedule.apply(engine, _propose(engine))
    assigned = _assignments(engine)
    rows = workload(engine, start=START, months=36)
    total = sum(sum(r.per_month.values()) for r in rows)
    assert total == len(assigned)
    for row in rows:
        assert sum(row.per_month.values()) == sum(1 for _u, p in assigned if p == row.person_id)
        assert next(iter(row.per_month)) == "2027-01"
