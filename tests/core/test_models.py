"""The tables enforce what the domain relies on, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from qaudit.domain.enums import FindingKind, InterviewGroup, Result
from qaudit.domain.models import (
    Answer,
    Finding,
    Interview,
    Location,
    Organisation,
    PromiseTranslation,
)
from qaudit.services.demo import build_demo


def test_a_location_needs_an_existing_organisation(engine: Engine) -> None:
    with Session(engine) as session, pytest.raises(IntegrityError):
        session.add(Location(organisation_id=999, code="X", name="Nergens"))
        session.commit()


def test_one_answer_per_point_per_assessment(engine: Engine) -> None:
    build_demo(engine)
    with Session(engine) as session:
        existing = session.exec(select(Answer)).first()
        assert existing is not None
        session.add(
            Answer(
                assessment_id=existing.assessment_id,
                point_id=existing.point_id,
                result=Result.COMPLIANT,
            )
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_one_translation_per_promise_per_location(engine: Engine) -> None:
    build_demo(engine)
    with Session(engine) as session:
        existing = session.exec(select(PromiseTranslation)).first()
        assert existing is not None
        session.add(
            PromiseTranslation(location_id=existing.location_id, promise_id=existing.promise_id)
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_enums_json_and_dates_round_trip(engine: Engine) -> None:
    build_demo(engine)
    with Session(engine) as session:
        interview = session.exec(select(Interview)).first()
        finding = session.exec(
            select(Finding).where(Finding.kind == FindingKind.IMPROVEMENT)
        ).first()
        assert interview is not None and finding is not None
        assert isinstance(interview.group, InterviewGroup)
        assert isinstance(interview.held_on, date)
        assert finding.point_ids == ["T01.04"]


def test_deleting_an_organisation_cascades_to_its_locations(engine: Engine) -> None:
    with Session(engine) as session:
        organisation = Organisation(name="Tijdelijk")
        session.add(organisation)
        session.flush()
        session.add(Location(organisation_id=organisation.id, code="TMP", name="Tijdelijk huis"))
        session.commit()
        session.delete(organisation)
        session.commit()
        assert session.exec(select(Location).where(Location.code == "TMP")).first() is None
