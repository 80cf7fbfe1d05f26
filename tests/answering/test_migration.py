"""Migration 0004 on a database with answers and a closed audit (SQLite file)."""

from __future__ import annotations

from sqlalchemy import Engine, text

from qaudit.checklists import Catalogue
from qaudit.domain.enums import AssessmentKind, Result
from qaudit.services import assessments
from qaudit.storage.migrate import run_downgrade
from qaudit.storage.schema import upgrade
from tests.answering.support import make_location, start


def test_upgrade_gives_versions_and_keeps_the_closed_audits_reference(
    sqlite_engine: Engine, mini_catalogue: Catalogue
) -> None:
    engine = sqlite_engine
    location = make_location(engine)
    own = start(engine, location, mini_catalogue)
    visit = start(engine, location, mini_catalogue, AssessmentKind.AUDIT_VISIT, reference=own)
    assessments.give_answer(engine, own, "A.01", Result.COMPLIANT, note="Op orde")
    assessments.give_answer(engine, own, "A.02", Result.PARTLY)
    assessments.give_answer(engine, visit, "A.01", Result.PARTLY)
    assessments.close(engine, visit)
    run_downgrade(engine, "0003")
    upgrade(engine)
    with engine.connect() as connection:
        versions = connection.execute(
            text(
                "SELECT point_id, version, result_version, note_version, evidence_version "
                "FROM answer WHERE assessment_id = :id ORDER BY point_id"
            ),
            {"id": own},
        ).all()
        kept = connection.execute(
            text(
                "SELECT point_id, result, note FROM referenceanswer "
                "WHERE assessment_id = :id ORDER BY point_id"
            ),
            {"id": visit},
        ).all()
    assert [tuple(v) for v in versions] == [("A.01", 1, 1, 1, 0), ("A.02", 1, 1, 0, 0)]
    assert [tuple(k) for k in kept] == [
        ("A.01", "voldoet", "Op orde"),
        ("A.02", "voldoet_deels", ""),
    ]
