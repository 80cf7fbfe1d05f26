"""An e-mail-ready invitation (.eml) per person and event, carrying the calendar entry.

The message is ``multipart/alternative`` with a plain-text body and the event as
``text/calendar; method=REQUEST`` (or CANCEL), plus the same calendar as an ``invite.ics``
attachment: the form Outlook, Thunderbird, Apple Mail and Gmail show with accept / decline
buttons. The standard library's ``email`` package writes the MIME; nothing is sent.
"""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr

from qaudit.scheduling.ics import Attendee, CalendarEvent, calendar


def invitation(
    event: CalendarEvent,
    attendee: Attendee,
    organizer: Attendee,
    stamp: datetime,
    *,
    subject: str,
    body: str,
    calendar_name: str = "qaudit",
) -> bytes:
    """The .eml bytes inviting ``attendee`` to ``event`` on behalf of ``organizer``."""
    ics = calendar([event], stamp, calendar_name, organizer=organizer)
    method = "CANCEL" if event.cancelled else "REQUEST"
    message = EmailMessage(policy=SMTP)
    message["From"] = formataddr((organizer.name, organizer.email))
    message["To"] = formataddr((attendee.name, attendee.email))
    message["Subject"] = subject
    message["Date"] = format_datetime(stamp)
    domain = organizer.email.partition("@")[2] or "qaudit.invalid"
    local = f"{event.uid.partition('@')[0]}.{event.sequence}.{attendee.email.partition('@')[0]}"
    message["Message-ID"] = f"<{local}@{domain}>"  # the same invitation, the same id
    message.set_content(body)
    message.add_alternative(
        ics.decode("utf-8"), subtype="calendar", params={"method": method, "charset": "utf-8"}
    )
    message.add_attachment(ics, maintype="application", subtype="ics", filename="invite.ics")
    return message.as_bytes()
