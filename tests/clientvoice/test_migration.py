"""Migration 0006 on a database with data: down to 0003 and up again, sources filled in."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, text

from qaudit.services.demo import build_demo
from qaudit.storage.migrate import run_downgrade
from qaudit.storage.schema import current_revision, upgrade


def test_upgrading_fills_in_the_source_of_existing_actions(engine: Engine) -> None:
    build_demo(engine, today=date(2026, 11, 28))
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO improvementaction (location_id, promise_id, title, owner, status, "
                "effect_measure) VALUES (8, 'KB02', 'Vaste gezichten', '', 'open', '')"
            )
        )
    run_downgrade(engine, "0003")
    assert current_revision(engine) == "0003"
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM improvementaction")).scalar()
    upgrade(engine)
    query = text(
        "SELECT a.kind, i.promise_id, i.source FROM improvementaction i "
        "LEFT JOIN assessment a ON a.id = i.assessment_id ORDER BY i.id"
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        feedback = connection.execute(text("SELECT count(*) FROM feedbackresponse")).scalar()
    assert len(rows) == count and feedback == 0  # the client voice went with the downgrade
    expected = {"visitation": "visitation_tip", "cirkel": "cirkel_outcome"}
    sources = set()
    for kind, promise_id, source in rows:
        if kind is not None:
            assert source == expected.get(kind, "audit_finding")
        elif promise_id is not None:
            assert source == "promise"
        else:  # the demo's feedback and complaint actions lost their source with 0006
            assert source is None
        sources.add(source)
    assert {"audit_finding", "promise", None} <= sources
