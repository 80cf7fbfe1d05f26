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
from datetime import UTC, date, datetime, timedelta

from qaudit import __version__

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
    ORGANIZER and an ATTENDEE per person, as mail programs expect; else a published plan.

    Written as RFC 5545 text here (escaped, folded at 75 octets): the ``icalendar`` library
    folds each line a character at a time, most of a minute for a cooperative's plan. The
    tests read what is written with two independent parsers."""
    when = stamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{_text(PRODID)}",
        "CALSCALE:GREGORIAN",
        f"METHOD:{_method(events, organizer)}",
        f"X-WR-CALNAME:{_text(name)}",
    ]
    for event in sorted(events, key=lambda e: (e.on, e.uid)):
        lines += _vevent(event, when, organizer)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines).encode("utf-8")


def _method(events: Sequence[CalendarEvent], organizer: Attendee | None) -> str:
    if organizer is None:
        return "PUBLISH"
    return "CANCEL" if events and all(e.cancelled for e in events) else "REQUEST"


def _vevent(event: CalendarEvent, stamp: str, organizer: Attendee | None = None) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_text(event.uid)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.on.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(event.on + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{_text(event.summary)}",
    ]
    if event.location:
        lines.append(f"LOCATION:{_text(event.location)}")
    if event.description:
        lines.append(f"DESCRIPTION:{_text(event.description)}")
    lines += [
        f"SEQUENCE:{event.sequence}",
        f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
        f"TRANSP:{'TRANSPARENT' if event.cancelled else 'OPAQUE'}",  # a visit day is busy
    ]
    if organizer is not None:
        lines.append(f"ORGANIZER;CN={_param(organizer.name)}:mailto:{organizer.email}")
        for person in event.attendees:
            if not person.email:
                continue
            status = PARTSTAT.get(person.response, "NEEDS-ACTION")
            lines.append(
                f"ATTENDEE;CN={_param(person.name)};ROLE=REQ-PARTICIPANT;PARTSTAT={status};"
                f"RSVP=TRUE:mailto:{person.email}"
            )
    lines.append("END:VEVENT")
    return lines


_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 5545 3.3.11)."""
    return value.translate(_ESCAPES)


def _param(value: str) -> str:
    """A parameter value (a name), quoted when it holds ``:;,`` (RFC 5545 3.1); a double
    quote, which a parameter cannot hold, becomes a single one."""
    value = value.replace('"', "'").replace("\r", " ").replace("\n", " ")
    return f'"{value}"' if any(c in value for c in ":;,") else value


def _fold(line: str, limit: int = 75) -> str:
    """``line`` folded into lines of at most ``limit`` octets (RFC 5545 3.1): never inside
    a UTF-8 character nor between a backslash and the character it escapes."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    parts: list[str] = []
    start, room = 0, limit
    while len(data) - start > room:
        end = start + room
        while end > start and (data[end] & 0xC0) == 0x80:  # inside a UTF-8 character
            end -= 1
        if data[end - 1] == 0x5C and not _escaped(data, start, end - 1):  # keep "\x" together
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, room = end, limit - 1  # continuation lines start with a space
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _escaped(data: bytes, start: int, at: int) -> bool:
    """Is the backslash at ``at`` itself escaped (preceded by an odd run of backslashes)?"""
    run = 0
    while at - 1 - run >= start and data[at - 1 - run] == 0x5C:
        run += 1
    return run % 2 == 1
