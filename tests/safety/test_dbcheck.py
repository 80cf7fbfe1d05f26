"""``qaudit db check``: OK on a healthy database, exit 1 naming each broken invariant."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from qaudit.cli import main


def check(db_url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--database", db_url, "db", "check"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def closed_assessment(engine: Engine) -> tuple[int, str]:
    with engine.connect() as connection:
        return tuple(  # type: ignore[return-value]
            connection.execute(
                text(
                    "SELECT a.id, min(n.point_id) FROM assessment a JOIN answer n "
                    "ON n.assessment_id = a.id WHERE a.status = 'closed' "
                    "AND n.result = 'voldoet' GROUP BY a.id ORDER BY a.id"
                )
            ).first()
        )


def test_a_healthy_database_passes(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from qaudit.services.demo import build_demo

    build_demo(engine)
    code, out, err = check(db_url, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("OK")


def test_changed_answers_of_a_closed_assessment_are_named(
    engine: Engine, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from qaudit.services.demo import build_demo

    build_demo(engine)
    assessment_id, point = closed_assessment(engine)
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE answer SET result = 'voldoet_niet', answered_at = :late "
                "WHERE assessment_id = :id AND point_id = :point"
            ),
            {"id": assessment_id, "point": point, "late": "2999-01-01 00:00:00"},
        )
    code, _out, err = check(db_url, capsys)
    assert code == 1
    assert f"beoordeling {assessment_id}: het vastgelegde oordeel" in err
    assert f"beoordeling {assessment_id}: het antwoord op {point} is gewijzigd" in err
    assert "Traceback" not in err


def test_a_broken_reference_and_an_old_schema_are_named_on_sqlite(
    sqlite_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_engine.url.render_as_string(hide_password=False)
    raw = sqlite_engine.raw_connection()
    try:
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute(
            "INSERT INTO answer (assessment_id, point_id, result, note, evidence, answered_at) "
            "VALUES (999, 'A.01', 'voldoet', '', '', '2026-01-01')"
        )
        raw.commit()
    finally:
        raw.close()
    sqlite_engine.dispose()
    code, _out, err = check(url, capsys)
    assert code == 1
    assert "tabel answer, rij 1: verwijst naar een rij van assessment die niet bestaat" in err
    with sqlite_engine.begin() as connection:
        connection.execute(text("DELETE FROM answer"))
        connection.execute(text("UPDATE alembic_version SET version_num = '0002'"))
    sqlite_engine.dispose()
    code, _out, err = check(url, capsys)
    assert code == 1 and "qaudit db upgrade" in err
