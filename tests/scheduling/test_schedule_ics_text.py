"""The calendar is written as RFC 5545 text by qaudit itself: two independent parsers read
back exactly what went in, however awkward the texts (escapes, long lines, non-ASCII)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import icalendar
import vobject

from qaudit.scheduling.ics import Attendee, CalendarEvent, calendar

AWKWARD = 'Zorggroep "De Linde"; Noord, Oost\\West — é ü ß 😀 ' * 4


def test_two_parsers_read_back_every_text_and_attendee():
    organizer = Attendee("Planner, Kwaliteit@", "planner@example.org")
    people = (
        Attendee("Jansen; J.", "j@example.org", "accepted"),
        Attendee('Piet "P" de Vries', "p@example.org"),
    )
    events = [
        CalendarEvent(
            uid=f"loc{n}-cirkel-1@qaudit",
            on=date(2027, 3, n),
            summary=f"Cirkel {n}: {AWKWARD}",
            location=AWKWARD[: 20 + n],
            description=f"Regel één\nRegel twee: {AWKWARD}\\n niet een regel",
            sequence=n,
            attendees=people,
        )
        for n in range(1, 6)
    ]
    data = calendar(
        events, datetime(2026, 11, 28, 12, tzinfo=UTC), name="Plan 2027", organizer=organizer
    )
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    first = icalendar.Calendar.from_ical(data)
    second = vobject.readOne(data.decode("utf-8"))
    parsed = sorted(first.walk("VEVENT"), key=lambda e: str(e["UID"]))
    other = sorted(second.vevent_list, key=lambda e: e.uid.value)
    for event, one, two in zip(events, parsed, other, strict=True):
        for field in ("summary", "location", "description"):
            assert str(one[field]) == getattr(event, field)
            assert getattr(two, field).value == getattr(event, field)
        assert one.decoded("dtstart") == event.on == two.dtstart.value
        assert int(one["sequence"]) == event.sequence
        names = sorted(str(a.params["CN"]) for a in one["attendee"])
        assert names == sorted(["Jansen; J.", "Piet 'P' de Vries"])
        assert {a.params["PARTSTAT"][0] for a in two.attendee_list} == {"ACCEPTED", "NEEDS-ACTION"}
    assert str(first["X-WR-CALNAME"]) == "Plan 2027"
    assert str(first["METHOD"]) == "REQUEST"
