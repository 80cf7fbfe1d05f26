"""Pilot tests: recorded things are edited in their own form and deleted after a question
(issue 15); each change is in the audit log."""

from __future__ import annotations

from sqlmodel import select
from textual.widgets import TabbedContent

from qaudit.domain.enums import FindingKind, InterviewGroup
from qaudit.domain.models import AuditLog, Finding, ImprovementAction, Interview, TrainingSession
from qaudit.services import rollout, visits
from qaudit.storage import transaction

from .conftest import TODAY, settle

SIZE = (160, 45)


async def open_visit(app, pilot, world) -> None:
    await settle(app, pilot)
    app.open_assessment(world.visit_id)
    await settle(app, pilot)
    await pilot.press("v")
    await settle(app, pilot)


def actions(world) -> list[tuple[str, str]]:
    with transaction(world.engine) as s:
        return [(r.action, r.entity) for r in s.exec(select(AuditLog)) if r.entity != "assessment"]


async def test_a_finding_is_edited_in_its_form(app, world):
    visits.add_finding(world.engine, world.visit_id, FindingKind.STRENGTH, "Goede sfeer", ["A.01"])
    async with app.run_test(size=SIZE) as pilot:
        await open_visit(app, pilot, world)
        await pilot.press("f", "escape")  # the findings tab
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        form = app.screen
        assert form.query_one("#f-text").text == "Goede sfeer"  # filled in
        assert form.query_one("#f-points").value == "A.01"
        form.query_one("#f-points").value = "A.01, Q.7"
        await pilot.press("ctrl+s")  # an unknown point: refused, the form keeps the text
        await settle(app, pilot)
        assert "Q.7" in str(app.screen.query_one("#form-error").render())
        assert app.screen.query_one("#f-points").value == "A.01, Q.7"
        app.screen.query_one("#f-points").value = "A.01, B.01"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "VisitScreen"
    with transaction(world.engine) as s:
        finding = s.exec(select(Finding)).one()
    assert finding.point_ids == ["A.01", "B.01"] and finding.text == "Goede sfeer"
    assert ("edit", "finding") in actions(world)


async def test_an_interview_is_deleted_only_after_yes(app, world):
    visits.add_interview(world.engine, world.visit_id, InterviewGroup.STAFF, 2, TODAY, "")
    async with app.run_test(size=SIZE) as pilot:
        await open_visit(app, pilot, world)
        await pilot.press("i", "escape")  # the interviews tab
        await settle(app, pilot)
        await pilot.press("delete")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        assert "01-10-2026" in str(app.screen.query_one(".form-title").render())
        await pilot.press("n")
        await settle(app, pilot)
        with transaction(world.engine) as s:
            assert len(s.exec(select(Interview)).all()) == 1
        await pilot.press("delete", "y")
        await settle(app, pilot)
    with transaction(world.engine) as s:
        assert s.exec(select(Interview)).all() == []
    assert ("delete", "interview") in actions(world)


async def test_a_training_session_is_edited_and_deleted_on_the_rollout(app, world):
    rollout.add_training(world.engine, world.member_id, TODAY, "Beloften", 4, 40)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("p")  # the promise rollout
        await settle(app, pilot)
        app.screen.query_one(TabbedContent).active = "tab-training"
        await pilot.press("e")
        await settle(app, pilot)
        app.screen.query_one("#f-attendees").value = "12"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with transaction(world.engine) as s:
            assert s.exec(select(TrainingSession)).one().attendees == 12
        app.screen.query_one(TabbedContent).active = "tab-training"
        await pilot.press("delete", "y")
        await settle(app, pilot)
    with transaction(world.engine) as s:
        assert s.exec(select(TrainingSession)).all() == []
    assert ("edit", "training") in actions(world) and ("delete", "training") in actions(world)


async def test_an_action_is_edited_and_deleted_on_the_client_voice_screen(app, world):
    visits.add_action(world.engine, world.member_id, "Menukaart vernieuwen", owner="Kok")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("k")
        await settle(app, pilot)
        await pilot.press("w")
        await settle(app, pilot)
        assert app.screen.query_one("#f-title").value == "Menukaart vernieuwen"
        app.screen.query_one("#f-owner").value = "Teamleider keuken"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with transaction(world.engine) as s:
            assert s.exec(select(ImprovementAction)).one().owner == "Teamleider keuken"
        await pilot.press("delete")
        await settle(app, pilot)
        assert "Menukaart" in str(app.screen.query_one(".form-title").render())
        await pilot.press("y")
        await settle(app, pilot)
    with transaction(world.engine) as s:
        assert s.exec(select(ImprovementAction)).all() == []


async def test_a_promise_action_is_chosen_then_edited_on_the_rollout(app, world):
    promise = world.catalogue.promises.promises[0].id
    for title in ("Eerste", "Tweede"):
        visits.add_action(world.engine, world.member_id, title, promise_id=promise)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("w")  # two actions: which one?
        await settle(app, pilot)
        chooser = app.screen
        assert chooser.query_one("#f-action").value is not None
        with transaction(world.engine) as s:
            ids = [a.id for a in s.exec(select(ImprovementAction))]
        chooser.query_one("#f-action").value = ids[1]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen.query_one("#f-title").value == "Tweede"
        app.screen.query_one("#f-title").value = "Tweede, bijgesteld"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    with transaction(world.engine) as s:
        titles = sorted(a.title for a in s.exec(select(ImprovementAction)))
    assert titles == ["Eerste", "Tweede, bijgesteld"]
