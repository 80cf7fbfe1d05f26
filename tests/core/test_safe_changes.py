"""Issue 15: a second open assessment is refused, a mistaken one is cancelled (kept and
logged), and reopening a step never overwrites its completion date."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, text
from sqlmodel import select

from qaudit.checklists import Catalogue
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Result, Step, StepStatus
from qaudit.domain.models import Assessment, AuditLog, ScheduledEvent
from qaudit.errors import QauditError, Refused
from qaudit.services import assessments, cancelling, starting, trajectory
from qaudit.storage import transaction
from tests.tui.conftest import World, build_world

DAY = date(2026, 10, 1)


@pytest.fixture
def world(engine: Engine, mini_catalogue: Catalogue) -> World:
    return build_world(engine, mini_catalogue)


def count_assessments(engine: Engine) -> int:
    with transaction(engine) as s:
        return len(s.exec(select(Assessment)).all())


def test_a_second_open_assessment_of_one_kind_is_refused(world: World) -> None:
    before = count_assessments(world.engine)
    with pytest.raises(Refused, match=r"T01.* 2\b"):
        trajectory.start_assessment(
            world.engine,
            world.member_id,
            AssessmentKind.AUDIT_VISIT,
            today=DAY,
            catalogue=world.catalogue,
        )
    assert count_assessments(world.engine) == before


def test_the_preview_names_the_open_work_with_counts(world: World) -> None:
    with transaction(world.engine) as s:
        visit = starting.preview(s, world.member_id, AssessmentKind.AUDIT_VISIT)
        own = starting.preview(s, world.member_id, AssessmentKind.SELF_EVALUATION)
    assert visit.open_same is not None and visit.open_same.id == world.visit_id
    assert [(w.id, w.answered, w.total) for w in visit.open_other] == [(world.self_eval_id, 3, 4)]
    assert own.open_same is not None and own.open_same.answered == 3
    assert visit.blocked == "" and not visit.starts_step  # step 4 is already started


def test_cancel_keeps_and_logs_and_frees_the_kind(world: World) -> None:
    engine = world.engine
    with transaction(engine) as s:
        s.add(
            ScheduledEvent(
                uid="t-9",
                location_id=world.member_id,
                kind="audit_visit",
                assessment_id=world.visit_id,
                status="done",
            )
        )
    done = cancelling.cancel(engine, world.visit_id, "  per ongeluk gestart ")
    assert (done.id, done.kind, done.events_released) == (
        world.visit_id,
        AssessmentKind.AUDIT_VISIT,
        1,
    )
    with transaction(engine) as s:
        kept = s.get(Assessment, world.visit_id)
        assert kept is not None and kept.status is AssessmentStatus.CANCELLED
        assert kept.cancel_reason == "per ongeluk gestart" and kept.cancelled_at is not None
        logged = s.exec(
            select(AuditLog).where(
                AuditLog.action == "cancel", AuditLog.entity_id == world.visit_id
            )
        ).one()
        assert logged.detail["reason"] == "per ongeluk gestart" and logged.actor
        event = s.exec(select(ScheduledEvent).where(ScheduledEvent.uid == "t-9")).one()
        assert event.assessment_id is None and event.status.value == "planned"
    with pytest.raises(Refused, match=f"{world.visit_id}"):
        assessments.give_answer(engine, world.visit_id, "A.01", Result.COMPLIANT)
    with pytest.raises(Refused):
        cancelling.cancel(engine, world.visit_id, "nog eens")
    # the kind is free again: a new audit visit, beside the same self-evaluation
    new_id = trajectory.start_assessment(
        engine, world.member_id, AssessmentKind.AUDIT_VISIT, today=DAY, catalogue=world.catalogue
    )
    with transaction(engine) as s:
        fresh = s.get(Assessment, new_id)
        assert fresh is not None and fresh.reference_assessment_id == world.self_eval_id


def test_a_cancelled_self_evaluation_is_no_reference(world: World) -> None:
    cancelling.cancel(world.engine, world.visit_id, "dubbel")
    cancelling.cancel(world.engine, world.self_eval_id, "verkeerde locatie")
    with transaction(world.engine) as s:
        found = trajectory.latest_of_kind(s, world.member_id, AssessmentKind.SELF_EVALUATION)
    assert found is None


def test_cancel_needs_a_reason_and_changes_nothing_without_one(world: World) -> None:
    with pytest.raises(QauditError, match="--reason"):
        cancelling.cancel(world.engine, world.visit_id, "   ")
    with transaction(world.engine) as s:
        kept = s.get(Assessment, world.visit_id)
        assert kept is not None and kept.status is AssessmentStatus.OPEN
        assert not s.exec(select(AuditLog).where(AuditLog.action == "cancel")).all()


def test_a_closed_assessment_cannot_be_cancelled(world: World) -> None:
    assessments.close(world.engine, world.self_eval_id)
    with pytest.raises(Refused, match=f"{world.self_eval_id}"):
        cancelling.cancel(world.engine, world.self_eval_id, "te laat")


def test_reopening_keeps_the_first_completion_and_the_history(world: World) -> None:
    engine, loc = world.engine, world.member_id
    first, reopened, again = date(2022, 12, 29), date(2026, 11, 27), date(2026, 11, 28)
    trajectory.set_step(engine, loc, Step.BASIS, StepStatus.DONE, on=first)
    trajectory.set_step(engine, loc, Step.BASIS, StepStatus.IN_PROGRESS, on=reopened)
    trajectory.set_step(engine, loc, Step.BASIS, StepStatus.DONE, on=again)
    with transaction(engine) as s:
        row = next(r for r in trajectory.trajectory(s, loc).steps if r.step is Step.BASIS)
    assert row.completed_on == first and row.status is StepStatus.DONE
    assert [(e.event, e.day) for e in row.history] == [
        ("completed", first),
        ("reopened", reopened),
        ("completed", again),
    ]


def test_the_migration_gives_existing_steps_their_history(engine: Engine) -> None:
    from qaudit.services.demo import build_demo
    from qaudit.storage.migrate import run_downgrade
    from qaudit.storage.schema import upgrade

    build_demo(engine)
    dated = text(
        "SELECT count(*) FROM cyclestep WHERE started_on IS NOT NULL"
        " UNION ALL SELECT count(*) FROM cyclestep WHERE completed_on IS NOT NULL"
    )
    with engine.connect() as connection:
        started, completed = [n for (n,) in connection.execute(dated)]
    run_downgrade(engine, "0010")
    upgrade(engine)
    events = text("SELECT event, count(*) FROM stepevent GROUP BY event ORDER BY event")
    with engine.connect() as connection:
        found = dict(connection.execute(events).all())
    assert found == {"completed": completed, "started": started} and completed > 0


def test_the_step_history_has_row_level_security_on_postgres(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("row-level security is PostgreSQL's")
    with engine.connect() as connection:
        secured = connection.execute(
            text(
                "SELECT c.relrowsecurity, count(p.policyname) FROM pg_class c "
                "LEFT JOIN pg_policies p ON p.tablename = c.relname "
                "AND p.schemaname = current_schema() "
                "WHERE c.relname = 'stepevent' AND c.relnamespace = current_schema()::regnamespace "
                "GROUP BY c.relrowsecurity"
            )
        ).one()
    assert secured[0] is True and secured[1] >= 1


def test_a_cancelled_assessment_is_left_out_of_exports_and_the_planners_history(
    world: World, tmp_path
) -> None:
    import openpyxl

    from qaudit.services import schedule_inputs
    from qaudit.services.excel import export_results

    with transaction(world.engine) as s:
        visitation = assessments.start(
            s,
            world.member_id,
            AssessmentKind.VISITATION,
            started_on=DAY,
            catalogue=world.catalogue,
        )
        visitation_id = visitation.id
        held = schedule_inputs._history(s)[world.member_id]
    assert [h.on for h in held] == [DAY]
    cancelling.cancel(world.engine, visitation_id, "verkeerde datum")
    cancelling.cancel(world.engine, world.visit_id, "dubbel")
    with transaction(world.engine) as s:
        assert schedule_inputs._history(s).get(world.member_id, []) == []
    out = export_results(world.engine, tmp_path / "r.xlsx")
    rows = list(openpyxl.load_workbook(out)["Resultaten"].iter_rows(values_only=True))
    column = rows[0].index("Beoordeling")
    assert {r[column] for r in rows[1:]} == {world.self_eval_id}


def test_the_cli_cancels_with_a_reason(world: World, db_url: str, capsys) -> None:
    from qaudit.cli import main

    with pytest.raises(SystemExit) as usage:  # no reason: a usage error, nothing changed
        main(["--database", db_url, "assessment", "cancel", str(world.visit_id)])
    assert usage.value.code == 2 and "--reason" in capsys.readouterr().err
    personal = "mevrouw Jansen belde"
    args = ["--database", db_url, "assessment", "cancel", str(world.visit_id), "--reason"]
    assert main([*args, personal]) == 1  # kept and logged: never a resident's name
    assert "Jansen" in capsys.readouterr().err
    code = main([*args, "dubbel"])
    assert code == 0 and str(world.visit_id) in capsys.readouterr().out
    assert (
        main(["--database", db_url, "assessment", "cancel", str(world.visit_id), "--reason", "x"])
        == 1
    )
    assert str(world.visit_id) in capsys.readouterr().err
    with transaction(world.engine) as s:
        kept = s.get(Assessment, world.visit_id)
        assert kept is not None and kept.status is AssessmentStatus.CANCELLED


def test_a_cancelled_assessment_has_no_report(world: World, tmp_path) -> None:
    from qaudit.services.reports import write_report

    cancelling.cancel(world.engine, world.visit_id, "dubbel")
    out = tmp_path / "audit.docx"
    with pytest.raises(Refused, match="dubbel"):
        write_report(world.engine, "basis-op-orde", world.visit_id, out)
    assert not out.exists()


def test_qaudit_logins_may_only_add_to_the_step_history(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("privileges are PostgreSQL's")
    from qaudit.storage.security import GROUP, group_exists

    with engine.connect() as connection:
        if not group_exists(connection):
            pytest.skip(f"no group role {GROUP} on this server")
        may = {
            what: connection.execute(
                text(f"SELECT has_table_privilege('{GROUP}', 'stepevent', '{what}')")
            ).scalar()
            for what in ("SELECT", "INSERT", "UPDATE", "DELETE")
        }
    assert may == {"SELECT": True, "INSERT": True, "UPDATE": False, "DELETE": False}
