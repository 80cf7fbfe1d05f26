"""Shared set-up for the answering tests: a location, a self-evaluation and an audit."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.domain.enums import AssessmentKind
from qaudit.domain.models import Location, Organisation
from qaudit.services import assessments
from qaudit.storage import transaction

POINTS = ("A.01", "A.02", "B.01", "B.02")
"""Every point of the mini checklist."""


def make_location(engine: Engine) -> int:
    with transaction(engine) as session:
        org = Organisation(name="Stichting Samen")
        session.add(org)
        session.flush()
        location = Location(organisation_id=org.id, code="S01", name="Huize Samen")
        session.add(location)
        session.flush()
        assert location.id is not None
        return location.id


def start(
    engine: Engine,
    location_id: int,
    catalogue: Catalogue,
    kind: AssessmentKind = AssessmentKind.SELF_EVALUATION,
    reference: int | None = None,
) -> int:
    with transaction(engine) as session:
        assessment = assessments.start(
            session,
            location_id,
            kind,
            started_on=date(2026, 11, 2),
            catalogue=catalogue,
            reference_assessment_id=reference,
        )
        assert assessment.id is not None
        return assessment.id
