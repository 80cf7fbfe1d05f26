"""The readiness scan filled in on the checklist screen shows its result at step 2."""

from __future__ import annotations

from sqlmodel import select

from qaudit.checklists import shipped_catalogue
from qaudit.config import Settings
from qaudit.domain.enums import AssessmentKind, MtDecision, Step, StepStatus
from qaudit.domain.models import Assessment, AuditLog, CycleStep
from qaudit.services import locations
from qaudit.storage import transaction

from .conftest import TODAY, settle

SIZE = (160, 45)


async def test_scan_on_the_checklist_screen_then_the_mt_decision_warns(world):
    from qaudit.tui.app import QAuditApp

    with transaction(world.engine) as s:  # the prospect's intake is done: step 2 may start
        locations.set_step(s, world.prospect_id, Step.INTAKE, StepStatus.DONE, on=TODAY)
    app = QAuditApp(Settings(), engine=world.engine, catalogue=shipped_catalogue(), today=TODAY)
    spec = shipped_catalogue().checklist("gereedheidsscan")
    lo, kc, _ss = (len(t.points) for t in spec.themes)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.prospect_id)
        await settle(app, pilot)
        await pilot.press("g", "y")  # start the readiness scan (asked first): its checklist
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ChecklistScreen"
        await pilot.press(*["1"] * lo, *["3"] * kc)  # LO all yes, KC all no, SS open
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "LocationScreen"
        await pilot.press("m")
        await settle(app, pilot)
        form = app.screen
        title = str(form.query_one(".form-title").render())
        assert "Leiding en organisatie: 100%" in title
        assert "Cultuur en competenties: 0%" in title
        assert spec.dimension_of["KC"].advice_below[:40] in title.replace("\n", " ")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    with transaction(world.engine) as s:
        scan = s.exec(
            select(Assessment).where(Assessment.kind == AssessmentKind.READINESS_SCAN)
        ).one()
        assert scan.location_id == world.prospect_id
        step2 = s.exec(
            select(CycleStep).where(CycleStep.location_id == world.prospect_id, CycleStep.step == 2)
        ).one()
        assert step2.status is StepStatus.DONE and step2.decision is MtDecision.GO
        assert "Cultuur en competenties" in step2.notes
        assert "Sturing en systemen" in step2.notes
        assert "Leiding en organisatie" not in step2.notes
        logged = s.exec(select(AuditLog).where(AuditLog.action == "readiness_warning")).all()
        assert len(logged) == 1
