"""RFC 5545 iCalendar export of scheduled events (the ``icalendar`` library does the format:
folding, escaping and the ``DATE`` values that Outlook and Google Calendar need).

Events are all-day (``DTSTART;VALUE=DATE``) with the stable ``ScheduledEvent.uid``, so a
re-export updates the events already imported instead of duplicating them; ``SEQUENCE``
counts the revisions, and a cancelled event is exported as ``STATUS:CANCELLED`` so calendars
remove it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from qaudit import __version__

if TYPE_CHECKING:
    import icalendar

PRODID = f"-//qaudit//Kwaliteit@ planner {__version__}//NL"


@dataclass(frozen=True)
class Attendee:
    """Someone taking part in an event: name, e-mail and their answer to the invitation."""

    name: str
    email: str
    response: str = ""
    """"" (not yet answered), "accepted" or "declined"."""


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    on: date
    summary: str
    location: str = ""
    description: str = ""
    sequence: int = 0
    cancelled: bool = False
    attendees: tuple[Attendee, ...] = ()


PARTSTAT = {"": "NEEDS-ACTION", "accepted": "ACCEPTED", "declined": "DECLINED"}


def calendar(
    events: Sequence[CalendarEvent],
    stamp: datetime,
    name: str = "qaudit",
    *,
    organizer: Attendee | None = None,
) -> bytes:
    """The VCALENDAR of ``events``; ``stamp`` (UTC) is every event's DTSTAMP. With an
    ``organizer`` it is an invitation (METHOD:REQUEST, or CANCEL for cancelled events) with
    ORGANIZER and an ATTENDEE per person, as mail programs expect; else a published plan."""
    import icalendar  # only when a calendar is written (planning does not need it)

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", _method(events, organizer))
    cal.add("x-wr-calname", name)
    for event in sorted(events, key=lambda e: (e.on, e.uid)):
        cal.add_component(_vevent(event, stamp, organizer))
    return bytes(cal.to_ical())


def _method(events: Sequence[CalendarEvent], organizer: Attendee | None) -> str:
    if organizer is None:
        return "PUBLISH"
    return "CANCEL" if events and all(e.cancelled for e in events) else "REQUEST"


def _address(person: Attendee) -> icalendar.vCalAddress:
    import icalendar

    address = icalendar.vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = icalendar.vText(person.name)
    return address


def _vevent(
    event: CalendarEvent, stamp: datetime, organizer: Attendee | None = None
) -> icalendar.Event:
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.on)
    vevent.add("dtend", event.on + timedelta(days=1))
    vevent.add("summary", event.summary)
    if event.location:
        vevent.add("location", event.location)
    if event.description:
        vevent.add("description", event.description)
    vevent.add("sequence", event.sequence)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    vevent.add("transp", "TRANSPARENT" if event.cancelled else "OPAQUE")  # a visit day is busy
    if organizer is not None:
        vevent.add("organizer", _address(organizer))
        for person in event.attendees:
            if not person.email:
                continue
            address = _address(person)
            address.params["role"] = icalendar.vText("REQ-PARTICIPANT")
            address.params["partstat"] = icalendar.vText(
                PARTSTAT.get(person.response, "NEEDS-ACTION")
            )
            address.params["rsvp"] = icalendar.vText("TRUE")
            vevent.add("attendee", address, encode=False)
    return vevent
