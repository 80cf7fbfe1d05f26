"""Pilot tests of steps 5–9: the promise rollout screen (blocked until the basis is in
order, then translations, training, visibility, steps done) and a visitation on the
checklist machinery, closed on its visit screen; and the English UI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlmodel import select

from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Result, Step, StepStatus
from qaudit.domain.models import Assessment, CycleStep, PromiseTranslation, TrainingSession
from qaudit.services import assessments, trajectory, visits
from qaudit.storage import transaction

from .conftest import TODAY, settle
from .test_tui_workflows import SIZE, results


def step_status(world, step: Step) -> StepStatus | None:
    with transaction(world.engine) as s:
        row = s.exec(
            select(CycleStep).where(
                CycleStep.location_id == world.member_id, CycleStep.step == int(step)
            )
        ).first()
        return row.status if row else None


def basis_in_order(world) -> None:
    for point in ("A.01", "A.02", "B.01", "B.02"):
        assessments.give_answer(world.engine, world.visit_id, point, Result.COMPLIANT)
    visits.close_visit(world.engine, world.visit_id, today=TODAY)


async def test_rollout_is_blocked_until_the_basis_is_in_order(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "RolloutScreen"
        progress = str(app.screen.query_one("#rollout-progress").render())
        with transaction(world.engine) as s:
            gate = trajectory.trajectory(s, world.member_id).steps[4].gate
        assert "⛔" in progress and not gate.allowed and gate.reason in progress
        await pilot.press("5")  # refused: the basis has no verdict yet
        await settle(app, pilot)
        assert step_status(world, Step.TRANSLATE_PROMISES) is None


async def test_rollout_records_translation_training_and_steps(app, world):
    basis_in_order(world)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("t")  # the local translation of the selected promise
        await pilot.pause()
        app.screen.query_one("#f-translation").focus()
        await pilot.press(*"Vaste werkafspraak", "ctrl+s")
        await settle(app, pilot)
        await pilot.press("n")  # a training session: 30 of the 40 staff
        await pilot.pause()
        app.screen.query_one("#f-attendees").value = "30"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen.data.trained_share == 0.75
        for key in ("5", "6"):
            await pilot.press(key)
            await settle(app, pilot)
    with transaction(world.engine) as s:
        translation = s.exec(select(PromiseTranslation)).one()
        training = s.exec(select(TrainingSession)).one()
    assert translation.promise_id == "KB01" and translation.translation == "Vaste werkafspraak"
    assert (training.attendees, training.staff_total, training.held_on) == (30, 40, TODAY)
    assert step_status(world, Step.TRANSLATE_PROMISES) is StepStatus.DONE
    assert step_status(world, Step.TRAIN_STAFF) is StepStatus.DONE


async def test_visitation_is_answered_and_closed_by_keys(app, world):
    basis_in_order(world)
    for step in (Step.TRANSLATE_PROMISES, Step.TRAIN_STAFF, Step.MAKE_VISIBLE):
        trajectory.set_step(world.engine, world.member_id, step, StepStatus.DONE, on=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("v")  # a new appreciative visitation: who visits? (none named)
        await settle(app, pilot)
        await pilot.press("ctrl+s")  # on the checklist screen
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "ChecklistScreen"
        visitation_id = screen.assessment_id
        points = [p.id for p in screen.state.spec.points]
        await pilot.press(*["1"] * len(points))
        assert set(results(world, visitation_id)) == set(points)
        assert step_status(world, Step.VISITATION) is StepStatus.IN_PROGRESS
        await pilot.press("v")  # its visit screen: close it
        await settle(app, pilot)
        await pilot.press("x", "y")
        await settle(app, pilot)
    with transaction(world.engine) as s:
        visitation = s.get(Assessment, visitation_id)
        assert visitation is not None and visitation.kind is AssessmentKind.VISITATION
        assert visitation.status is AssessmentStatus.CLOSED
    assert step_status(world, Step.VISITATION) is StepStatus.DONE


ENGLISH = """
import asyncio, json, sys
from qaudit.i18n import _, set_language
set_language(sys.argv[1])  # as the command line does, before the UI is imported
from qaudit.config import Settings
from qaudit.services.database import open_database
from qaudit.tui.app import QAuditApp
sys.path.insert(0, sys.argv[3])
from tui.conftest import TODAY, build_world
from qaudit.checklists import load_catalogue
from pathlib import Path

engine = open_database(sys.argv[2])
world = build_world(engine, load_catalogue(Path(sys.argv[3]) / "fixtures" / "mini"))

async def main():
    app = QAuditApp(Settings(language=sys.argv[1]), engine=engine, today=TODAY,
                    catalogue=world.catalogue)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#locations")
        texts = {"columns": [str(c.label) for c in table.columns.values()],
                 "status": str(app.screen.query_one("#status").render()),
                 "keys": sorted(_(b.binding.description)  # translated when drawn
                                for b in app.screen.active_bindings.values()),
                 "step": app.screen.rows[1].step.label}
    print(json.dumps(texts))

asyncio.run(main())
"""


def screen_texts(language: str, tmp_path: Path) -> dict[str, object]:
    tests = Path(__file__).parent.parent
    url = f"sqlite:///{tmp_path / f'{language}.db'}"
    env = {**os.environ, "QAUDIT_LANGUAGE": language}
    out = subprocess.run(
        [sys.executable, "-c", ENGLISH, language, url, str(tests)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_ui_is_english_with_language_en(tmp_path):
    english = screen_texts("en", tmp_path)
    assert english["columns"][:4] == ["code", "location", "organisation", "step"]
    # T01's audit visit was held (its assessment is open): nothing is overdue
    assert english["status"].startswith("2 of 2 locations · 0 overdue")
    assert {"Search", "Filter", "Overdue", "Help", "Quit"} <= set(english["keys"])
    assert english["step"] == "Introduction and intake"  # T02, from the core catalog
    dutch = screen_texts("nl", tmp_path)
    assert dutch["columns"][:2] == ["code", "locatie"] and "Zoeken" in dutch["keys"]
    assert dutch["step"] == "Kennismaking en intake"
