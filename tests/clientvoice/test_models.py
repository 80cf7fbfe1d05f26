"""The client's voice tables on both databases: uniqueness, the action source back-fill."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from qaudit.domain.clientvoice_enums import ActionSource, RespondentGroup
from qaudit.domain.models import (
    ClientUnit,
    FeedbackResponse,
    ImprovementAction,
    Location,
    Organisation,
)


def _location(session: Session) -> int:
    org = Organisation(name="Zorg Noord")
    session.add(org)
    session.flush()
    location = Location(organisation_id=org.id or 0, code="ZN1", name="De Linde")
    session.add(location)
    session.flush()
    return location.id or 0


def test_a_respondent_reference_is_unique_per_location(engine: Engine) -> None:
    with Session(engine) as session:
        location_id = _location(session)
        unit = ClientUnit(location_id=location_id, name="Noord")
        session.add(unit)
        session.flush()
        for _ in range(2):
            session.add(
                FeedbackResponse(
                    location_id=location_id,
                    unit_id=unit.id,
                    respondent_ref="R1",
                    responded_on=date(2026, 3, 1),
                    group=RespondentGroup.FAMILY,
                    recommend=9,
                    promises={"KB01": "ja"},
                )
            )
        with pytest.raises(IntegrityError):
            session.flush()


def test_an_action_carries_its_source_unit_and_effect_measure(engine: Engine) -> None:
    with Session(engine) as session:
        location_id = _location(session)
        unit = ClientUnit(location_id=location_id, name="Zuid")
        session.add(unit)
        session.flush()
        session.add(
            ImprovementAction(
                location_id=location_id,
                title="Vaste koffiemomenten",
                source=ActionSource.FEEDBACK,
                unit_id=unit.id,
                effect_measure="NPS afdeling Zuid in Q3",
                created_on=date(2026, 5, 1),
            )
        )
        session.commit()
    with engine.connect() as connection:
        row = connection.execute(text("SELECT source, effect_measure FROM improvementaction")).one()
    assert tuple(row) == ("feedback", "NPS afdeling Zuid in Q3")
