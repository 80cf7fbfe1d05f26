"""Location profiles: which points apply; inapplicable points become n.v.t. automatically."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from qaudit.checklists import ChecklistSpec
from qaudit.domain.enums import AssessmentStatus, Result
from qaudit.domain.models import Answer, Assessment, Location, utcnow
from qaudit.domain.models.profile import LocationProfile
from qaudit.domain.profile import Profile, automatic_nvt
from qaudit.errors import NotFound
from qaudit.i18n import _
from qaudit.services import audit

FIELDS = ("behandeling", "psychogeriatric", "wzd_accommodation", "verblijf")
NUMBERS = ("care_providers", "places")


def stored(session: Session, location_id: int) -> LocationProfile | None:
    return session.exec(
        select(LocationProfile).where(LocationProfile.location_id == location_id)
    ).first()


def profile_of(session: Session, location_id: int) -> Profile | None:
    """The location's profile as the rules read it (None until one is recorded)."""
    row = stored(session, location_id)
    if row is None:
        return None
    return Profile(**{name: getattr(row, name) for name in (*FIELDS, *NUMBERS)})


def set_profile(
    session: Session, location_id: int, *, actor: str | None = None, **changes: Any
) -> LocationProfile:
    """Record (part of) a location's profile, then apply it to the open assessments."""
    if session.get(Location, location_id) is None:
        raise NotFound(_("no location with id {id}").format(id=location_id))
    row = stored(session, location_id) or LocationProfile(location_id=location_id)
    before = {name: getattr(row, name) for name in (*FIELDS, *NUMBERS)}
    for name, value in changes.items():
        if value is not None:
            setattr(row, name, value)
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    after = {name: getattr(row, name) for name in (*FIELDS, *NUMBERS)}
    audit.log(session, "profile", "location", location_id, actor, before=before, after=after)
    for assessment in session.exec(
        select(Assessment).where(
            Assessment.location_id == location_id, Assessment.status == AssessmentStatus.OPEN
        )
    ):
        fill_automatic_nvt(session, assessment, actor=actor)
    return row


def save_profile(engine: Engine, location_id: int, **changes: Any) -> None:
    """:func:`set_profile` in its own transaction (one user action)."""
    from qaudit.storage import transaction

    with transaction(engine) as session:
        set_profile(session, location_id, **changes)


def fill_automatic_nvt(
    session: Session,
    assessment: Assessment,
    spec: ChecklistSpec | None = None,
    *,
    actor: str | None = None,
) -> list[str]:
    """Answer "n.v.t." (the profile named as the reason) on unanswered inapplicable points.

    An answer someone already gave is never overwritten. Returns the ids answered.
    """
    from qaudit.services import checklists

    assert assessment.id is not None
    profile = profile_of(session, assessment.location_id)
    if profile is None:
        return []
    spec = spec or checklists.spec_of_assessment(session, assessment)
    answered = set(
        session.exec(select(Answer.point_id).where(Answer.assessment_id == assessment.id))
    )
    filled = []
    for point_id, reason in automatic_nvt(spec.points, profile).items():
        if point_id in answered:
            continue
        session.add(
            Answer(
                assessment_id=assessment.id,
                point_id=point_id,
                result=Result.NOT_APPLICABLE,
                note=reason,
            )
        )
        filled.append(point_id)
    if filled:
        session.flush()
        audit.log(session, "auto_nvt", "assessment", assessment.id, actor, points=filled)
    return filled
