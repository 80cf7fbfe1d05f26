"""The learning network (step 10): meetings, the library of good practices, consent."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.enums import AssessmentKind, FindingKind
from qaudit.domain.models import (
    Assessment,
    Finding,
    GoodPractice,
    Location,
    NetworkAttendance,
    NetworkConsent,
    NetworkMeeting,
    Recommendation,
    SharedPractice,
)
from qaudit.domain.models._base import id_of
from qaudit.domain.privacy import find_personal_data
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.i18n import _
from qaudit.services import audit, checklists, locations
from qaudit.storage import transaction


@dataclass(frozen=True)
class MeetingRow:
    id: int
    held_on: date
    theme: str
    host: str
    attendance: tuple[tuple[str, int], ...]
    """(location code, attendees) per attending location."""
    shared: str
    practices: tuple[int, ...]

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "date": self.held_on.isoformat(),
            "theme": self.theme,
            "host": self.host,
            "attendance": [{"location": c, "attendees": n} for c, n in self.attendance],
            "attendees": sum(n for _c, n in self.attendance),
            "shared": self.shared,
            "practices": list(self.practices),
        }


@dataclass(frozen=True)
class PracticeRow:
    id: int
    location_id: int
    location: str
    source: str
    text: str
    promise_id: str | None
    theme_id: str | None
    recorded_on: date
    shared: bool
    """The location consents to sharing it."""
    meetings: int
    """At how many network meetings it was presented."""
    reached: int
    """How many other locations attended those meetings (how far it spread)."""

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "location_id": self.location_id,
            "location": self.location,
            "source": self.source,
            "text": self.text,
            "promise": self.promise_id,
            "theme": self.theme_id,
            "recorded_on": self.recorded_on.isoformat(),
            "shared": self.shared,
            "meetings": self.meetings,
            "reached": self.reached,
        }


def add_meeting(
    engine: Engine,
    *,
    held_on: date,
    theme: str,
    host_location_id: int | None,
    attendance: Mapping[int, int],
    shared: str = "",
    notes: str = "",
    practice_ids: Sequence[int] = (),
    actor: str | None = None,
) -> int:
    """Record a network meeting with who came and what was shared (one transaction)."""
    with transaction(engine) as session:
        return add_meeting_in(
            session,
            held_on=held_on,
            theme=theme,
            host_location_id=host_location_id,
            attendance=attendance,
            shared=shared,
            notes=notes,
            practice_ids=practice_ids,
            actor=actor,
        )


def add_meeting_in(
    session: Session,
    *,
    held_on: date,
    theme: str,
    host_location_id: int | None,
    attendance: Mapping[int, int],
    shared: str = "",
    notes: str = "",
    practice_ids: Sequence[int] = (),
    actor: str | None = None,
) -> int:
    if not theme.strip():
        raise QauditError(_("network meeting: the theme is empty"))
    for field, text in (("shared", shared), ("notes", notes)):
        _refuse_personal(field, text)
    if host_location_id is not None:
        locations.get(session, host_location_id)
    for location_id, count in attendance.items():
        locations.get(session, location_id)
        if count < 1:
            message = _("network meeting: location {id} has {count} attendees (at least 1)")
            raise QauditError(message.format(id=location_id, count=count))
    meeting = NetworkMeeting(
        held_on=held_on,
        topic=theme.strip(),
        host_location_id=host_location_id,
        shared=shared.strip(),
        notes=notes.strip(),
    )
    session.add(meeting)
    session.flush()
    meeting_id = id_of(meeting)
    for location_id, count in sorted(attendance.items()):
        session.add(
            NetworkAttendance(meeting_id=meeting_id, location_id=location_id, attendees=count)
        )
    for practice_id in dict.fromkeys(practice_ids):
        practice = session.get(GoodPractice, practice_id)
        if practice is None:
            raise NotFound(_("no good practice with id {id}").format(id=practice_id))
        if not consented(session, practice.location_id):
            message = _(
                "good practice {id} may not be shared: its location has not consented "
                "(qaudit network consent {location} --give)"
            )
            raise Refused(message.format(id=practice_id, location=practice.location_id))
        session.add(SharedPractice(meeting_id=meeting_id, practice_id=practice_id))
    audit.log(session, "network_meeting", "networkmeeting", meeting_id, actor, theme=theme)
    return meeting_id


def _refuse_personal(field: str, text: str) -> None:
    hits = find_personal_data(text)  # names with a title, birth dates, BSN, phone, e-mail
    if hits:
        message = _("network meeting: {field} looks as if it names a person ({text}); leave it out")
        raise Refused(message.format(field=field, text=hits[0].text))


def meetings(session: Session) -> list[MeetingRow]:
    codes = {loc.id: loc.code for loc in session.exec(select(Location))}
    attendance: dict[int, list[tuple[str, int]]] = {}
    for row in session.exec(select(NetworkAttendance).order_by(col(NetworkAttendance.id))):
        attendance.setdefault(row.meeting_id, []).append((codes[row.location_id], row.attendees))
    shared: dict[int, list[int]] = {}
    for link in session.exec(select(SharedPractice).order_by(col(SharedPractice.id))):
        shared.setdefault(link.meeting_id, []).append(link.practice_id)
    found = session.exec(
        select(NetworkMeeting).order_by(col(NetworkMeeting.held_on), col(NetworkMeeting.id))
    )
    return [
        MeetingRow(
            id_of(m),
            m.held_on,
            m.topic,
            codes.get(m.host_location_id, "") if m.host_location_id else "",
            tuple(sorted(attendance.get(id_of(m), []))),
            m.shared,
            tuple(shared.get(id_of(m), [])),
        )
        for m in found
    ]


def consented(session: Session, location_id: int) -> bool:
    row = session.exec(
        select(NetworkConsent).where(NetworkConsent.location_id == location_id)
    ).first()
    return bool(row and row.given)


def set_consent(
    engine: Engine,
    location_id: int,
    given: bool,
    *,
    on: date,
    by: str = "",
    actor: str | None = None,
) -> None:
    """Record whether a location lets the network share its good practices."""
    with transaction(engine) as session:
        set_consent_in(session, location_id, given, on=on, by=by, actor=actor)


def set_consent_in(
    session: Session,
    location_id: int,
    given: bool,
    *,
    on: date,
    by: str = "",
    actor: str | None = None,
) -> None:
    locations.get(session, location_id)
    row = session.exec(
        select(NetworkConsent).where(NetworkConsent.location_id == location_id)
    ).first() or NetworkConsent(location_id=location_id, decided_on=on)
    row.given, row.decided_on, row.decided_by = given, on, by.strip()
    session.add(row)
    audit.log(session, "network_consent", "location", location_id, actor, given=given)


def harvest(session: Session, today: date) -> int:
    """Draw new practices from strengths and visitation tips; returns how many were added."""
    have_f = set(session.exec(select(GoodPractice.finding_id)).all())
    have_r = set(session.exec(select(GoodPractice.recommendation_id)).all())
    added = 0
    strengths = session.exec(
        select(Finding, Assessment)
        .join(Assessment, col(Finding.assessment_id) == col(Assessment.id))
        .where(Finding.kind == FindingKind.STRENGTH)
        .order_by(col(Finding.id))
    ).all()
    for finding, assessment in strengths:
        if finding.id in have_f or not finding.text.strip():
            continue
        promise, theme = _tags(session, assessment, finding.point_ids)
        practice = _practice(assessment, finding.text, "strength", promise, theme, today)
        practice.finding_id = finding.id
        session.add(practice)
        added += 1
    tips = session.exec(
        select(Recommendation, Assessment)
        .join(Assessment, col(Recommendation.assessment_id) == col(Assessment.id))
        .where(Assessment.kind == AssessmentKind.VISITATION)
        .order_by(col(Recommendation.id))
    ).all()
    for tip, assessment in tips:
        if tip.id in have_r or not tip.text.strip():
            continue
        linked = session.get(Finding, tip.finding_id) if tip.finding_id else None
        promise, theme = _tags(session, assessment, linked.point_ids if linked else [])
        practice = _practice(assessment, tip.text, "tip", promise, theme, today)
        practice.recommendation_id = tip.id
        session.add(practice)
        added += 1
    session.flush()
    return added


def _practice(
    assessment: Assessment,
    text: str,
    source: str,
    promise: str | None,
    theme: str | None,
    today: date,
) -> GoodPractice:
    return GoodPractice(
        location_id=assessment.location_id,
        assessment_id=assessment.id,
        source=source,
        text=text.strip(),
        promise_id=promise,
        theme_id=theme,
        recorded_on=assessment.started_on or today,
    )


def _tags(
    session: Session, assessment: Assessment, point_ids: Sequence[str]
) -> tuple[str | None, str | None]:
    """The promise and theme a finding is about, from the first point it names."""
    spec = checklists.spec_of_assessment(session, assessment)
    for point_id in point_ids:
        point = spec.point_index.get(point_id)
        if point is None:
            continue
        promise = point.promises[0] if point.promises else None
        theme = None if spec.kind == "visitation" else spec.theme_of[point_id].id
        return promise, theme
    return None, None


def practices(
    session: Session,
    *,
    promise: str | None = None,
    theme: str | None = None,
    include_unshared: bool = False,
) -> list[PracticeRow]:
    """The library: only practices of consenting locations unless ``include_unshared``."""
    names = {loc.id: f"{loc.code} {loc.name}" for loc in session.exec(select(Location))}
    consent = {c.location_id: c.given for c in session.exec(select(NetworkConsent))}
    attended: dict[int, set[int]] = {}
    for row in session.exec(select(NetworkAttendance)):
        attended.setdefault(row.meeting_id, set()).add(row.location_id)
    shown: dict[int, list[int]] = {}
    for link in session.exec(select(SharedPractice)):
        shown.setdefault(link.practice_id, []).append(link.meeting_id)
    query = select(GoodPractice).order_by(col(GoodPractice.id))
    if promise:
        query = query.where(GoodPractice.promise_id == promise)
    if theme:
        query = query.where(GoodPractice.theme_id == theme)
    rows = []
    for p in session.exec(query):
        shared = consent.get(p.location_id, False)
        if not shared and not include_unshared:
            continue
        meetings_of = shown.get(id_of(p), [])
        reached = set().union(*(attended.get(m, set()) for m in meetings_of)) - {p.location_id}
        rows.append(
            PracticeRow(
                id_of(p),
                p.location_id,
                names.get(p.location_id, ""),
                p.source,
                p.text,
                p.promise_id,
                p.theme_id,
                p.recorded_on,
                shared,
                len(meetings_of),
                len(reached),
            )
        )
    return rows


def library(
    engine: Engine,
    today: date,
    *,
    promise: str | None = None,
    theme: str | None = None,
    include_unshared: bool = False,
) -> list[PracticeRow]:
    """Refresh the library from new strengths and tips, then list it (one transaction)."""
    with transaction(engine) as session:
        harvest(session, today)
        return practices(session, promise=promise, theme=theme, include_unshared=include_unshared)


def add_meeting_by_codes(
    engine: Engine,
    *,
    held_on: date,
    theme: str,
    host: str,
    attendance: str,
    shared: str = "",
) -> int:
    """Record a meeting typed as location codes: host ``L09``, attendance ``L09:2, L10``."""
    with transaction(engine) as session:
        ids = {loc.code.casefold(): id_of(loc) for loc in session.exec(select(Location))}

        def lookup(code: str, field: str) -> int:
            found = ids.get(code.strip().casefold())
            if found is None:
                message = _("{field}: no location with code '{code}'")
                raise NotFound(message.format(field=field, code=code.strip()))
            return found

        counts: dict[int, int] = {}
        for part in filter(None, (p.strip() for p in attendance.split(","))):
            code, _sep, number = part.partition(":")
            if number and not number.strip().isdigit():
                message = _("{field}: '{value}' is not a number of people")
                raise QauditError(message.format(field=_("attendance"), value=number))
            counts[lookup(code, _("attendance"))] = int(number) if number else 1
        return add_meeting_in(
            session,
            held_on=held_on,
            theme=theme,
            host_location_id=lookup(host, _("host")) if host.strip() else None,
            attendance=counts,
            shared=shared,
        )
