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

import icalendar

from qaudit import __version__

PRODID = f"-//qaudit//Kwaliteit@ planner {__version__}//NL"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    on: date
    summary: str
    location: str = ""
    description: str = ""
    sequence: int = 0
    cancelled: bool = False


def calendar(events: Sequence[CalendarEvent], stamp: datetime, name: str = "qaudit") -> bytes:
    """The VCALENDAR of ``events``; ``stamp`` (UTC) is every event's DTSTAMP."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    for event in sorted(events, key=lambda e: (e.on, e.uid)):
        cal.add_component(_vevent(event, stamp))
    return bytes(cal.to_ical())


def _vevent(event: CalendarEvent, stamp: datetime) -> icalendar.Event:
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
    return vevent
