"""Pilot tests: the auditor's workflows by keyboard, checked in the database."""

from __future__ import annotations

from sqlmodel import select

from qaudit.domain.enums import AssessmentStatus, Result, Step, StepStatus
from qaudit.domain.models import Assessment, CycleStep, Finding, Interview
from qaudit.services import assessments
from qaudit.storage import transaction

from .conftest import drain, settle

SIZE = (160, 45)


def results(world, assessment_id: int) -> dict[str, Result]:
    """The answered points (an undone answer is stored as "not yet assessed")."""
    drain()
    with transaction(world.engine) as s:
        found = assessments.results(s, assessment_id)
    return {k: v for k, v in found.items() if v is not Result.NOT_ASSESSED}


async def test_dashboard_lists_filters_and_opens(app, world):
    from datetime import date

    from qaudit.domain.enums import EventKind
    from qaudit.domain.models import ScheduledEvent

    with transaction(world.engine) as s:  # an intake whose day passed: overdue
        s.add(
            ScheduledEvent(
                uid="t-late",
                location_id=world.prospect_id,
                kind=EventKind.INTAKE,
                planned_on=date(2026, 9, 1),
            )
        )
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert [r.code for r in screen.visible_rows()] == ["T01", "T02"]
        member = next(r for r in screen.rows if r.code == "T01")
        # its audit visit was held (the visit's assessment is open): not overdue, and
        # finishing it is next, for the auditor
        assert not member.overdue and member.people == ("Auditor Een",)
        assert member.next is not None and member.next.label == "auditbezoek afronden"
        await pilot.press("o")
        assert [r.code for r in screen.visible_rows()] == ["T02"]
        await pilot.press("o", "slash", *"nieuwe", "enter")
        assert [r.code for r in screen.visible_rows()] == ["T02"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "LocationScreen"
        assert app.screen.location_id == world.prospect_id


async def test_blocked_step_shows_its_reason(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.prospect_id)
        await settle(app, pilot)
        await pilot.press("down", "down", "down")  # step 4, Basis op orde
        reason = str(app.screen.query_one("#step-reason").render())
        assert "lid" in reason  # "De organisatie is geen lid van de coöperatie."
        await pilot.press("b")  # try to start it anyway: refused, nothing written
        await settle(app, pilot)
        with transaction(world.engine) as s:
            rows = s.exec(
                select(CycleStep).where(
                    CycleStep.location_id == world.prospect_id, CycleStep.step == int(Step.BASIS)
                )
            ).all()
        assert rows == []


async def test_answer_a_theme_by_keys_next_and_undo(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("right_square_bracket")  # theme A only
        assert app.screen.state.visible_ids() == ["A.01", "A.02"]
        await pilot.press("1", "3")
        assert results(world, world.visit_id) == {
            "A.01": Result.COMPLIANT,
            "A.02": Result.NOT_COMPLIANT,
        }
        assert "A.02" in str(app.screen.query_one("#saved").render())
        await pilot.press("n")  # jumps into theme B
        assert app.screen.current_point_id() == "B.01"
        await pilot.press("2", "u")
        assert "B.01" not in results(world, world.visit_id)
        await pilot.press("u")  # and the one before: A.02 back to unanswered
        assert results(world, world.visit_id) == {"A.01": Result.COMPLIANT}


async def test_filters_unanswered_critical_and_differences(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        state = app.screen.state
        await pilot.press("1", "1")  # A.01 as the self-evaluation; A.02 differs (partly)
        await pilot.press("f")
        assert state.filter == "unanswered" and state.visible_ids() == ["B.01", "B.02"]
        await pilot.press("f")
        assert state.filter == "critical" and state.visible_ids() == ["A.01"]
        await pilot.press("f", "f")
        assert state.filter == "differs" and state.visible_ids() == ["A.02"]


async def test_closing_the_visit_locks_it(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("1", "1", "1", "1", "v")
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-notes").focus()
        await pilot.press(*"Mevrouw Jansen")
        await pilot.pause()
        assert "Jansen" in str(app.screen.query_one("#warn-notes").render())
        await pilot.press("ctrl+s")  # the privacy gate asks first
        await settle(app, pilot)
        await pilot.press("c")  # confirmed as not personal (logged)
        await settle(app, pilot)
        await pilot.press("x", "y")
        await settle(app, pilot)
        with transaction(world.engine) as s:
            visit = s.get(Assessment, world.visit_id)
            assert visit is not None and visit.status is AssessmentStatus.CLOSED
            assert len(s.exec(select(Interview)).all()) == 1
            basis = s.exec(
                select(CycleStep).where(
                    CycleStep.location_id == world.member_id, CycleStep.step == int(Step.BASIS)
                )
            ).one()
            assert basis.status is StepStatus.DONE  # sufficient verdict completes step 4
        await pilot.press("c")  # back to the answers: a key no longer changes them
        await settle(app, pilot)
        await pilot.press("3")
        assert results(world, world.visit_id)["A.01"] is Result.COMPLIANT


async def test_finding_linked_to_a_point(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        from qaudit.tui.screens.visit import VisitScreen

        app.push_screen(VisitScreen(world.visit_id))
        await settle(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        app.screen.query_one("#f-points").focus()
        await pilot.press(*"A.02", "tab", *"Bespreking te laat", "ctrl+s")
        await settle(app, pilot)
        with transaction(world.engine) as s:
            finding = s.exec(select(Finding)).one()
        assert finding.point_ids == ["A.02"] and finding.text == "Bespreking te laat"


async def test_help_screen_lists_the_keys(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        table = app.screen.query_one("#keys")
        ids = {str(table.get_row_at(i)[3]) for i in range(table.row_count)}
        assert {"dashboard.search", "app.help"} <= ids


async def test_keys_are_remapped_from_settings(world):
    from qaudit.config import Settings
    from qaudit.tui.app import QAuditApp

    settings = Settings(keys={"checklist.next": "j"})
    app = QAuditApp(settings, engine=world.engine, catalogue=world.catalogue)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("1")  # A.01 answered, the cursor moves on to A.02
        await pilot.press("n")  # no longer bound to "next unanswered"
        assert app.screen.current_point_id() == "A.02"
        await pilot.press("j")
        assert app.screen.current_point_id() == "B.01"
