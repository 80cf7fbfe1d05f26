"""Pilot test of the Cliëntstem screen (``k`` on a location) and the evaluation on the dashboard."""

from __future__ import annotations

import io
from datetime import date

from clientvoice.support import filled_workbook
from rich.console import Console

from qaudit.domain.clientvoice_enums import EvaluationKind
from qaudit.services.voice_feedback import add_unit, import_feedback
from qaudit.services.voice_register import add_complaint
from qaudit.services.voice_rhythm import add_evaluation, evaluations

from .conftest import TODAY, settle
from .test_tui_workflows import SIZE


def voice(world, tmp_path) -> None:
    for name in ("Noord", "Zuid"):
        add_unit(world.engine, world.member_id, name)
    book = filled_workbook(world.engine, world.member_id, tmp_path / "f.xlsx")
    import_feedback(world.engine, book, today=TODAY)
    add_complaint(world.engine, world.member_id, "K-1", date(2026, 7, 1), promise_id="KB07")
    add_evaluation(
        world.engine, world.member_id, EvaluationKind.STAFF, date(2026, 2, 1), today=TODAY
    )


async def test_the_client_voice_screen_shows_figures_complaints_and_rhythm(app, world, tmp_path):
    voice(world, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        row = next(r for r in app.dashboard_rows if r.id == world.member_id)
        assert row.evaluation_overdue  # the staff evaluation of 2026-Q2 was not held
        status = str(app.screen.query_one("#status").render())
        assert "1 met een evaluatie te laat" in status
        app.open_location(world.member_id)
        await settle(app, pilot)
        await pilot.press("k")
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "ClientVoiceScreen"
        figures = screen.query_one("#cv-figures")
        assert figures.row_count == 7
        nps = str(figures.get_row_at(0)[1])
        assert nps.startswith("20") and "indicatief" in nps
        head = str(screen.query_one("#cv-head").render())
        assert "10" in head and "T01" in head
        complaints = screen.query_one("#cv-complaints")
        assert complaints.row_count == 1 and "te laat" in str(complaints.get_row_at(0)[3])
        rhythm = str(screen.query_one("#cv-rhythm").render())
        assert "medewerkersevaluatie te laat" in rhythm
        assert screen.query_one("#cv-units").row_count == 2
        await pilot.press("e", "ctrl+s")  # a client evaluation held today
        await settle(app, pilot)
        held = evaluations(world.engine, world.member_id)
        assert [(e.kind, e.held_on) for e in held][-1] == (EvaluationKind.CLIENT, TODAY)
        await pilot.press("c", "tab", *"K-9", "ctrl+s")  # a complaint received today
        await settle(app, pilot)
        assert screen.query_one("#cv-complaints").row_count == 2
        await pilot.press("left_square_bracket")  # the year before: no responses
        await settle(app, pilot)
        assert "2025: 0" in str(screen.query_one("#cv-head").render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "LocationScreen"


async def test_the_visitation_form_shows_how_clients_perceived_the_promise(app, world, tmp_path):
    from qaudit.domain.enums import AssessmentKind
    from qaudit.services import assessments
    from qaudit.storage import transaction

    voice(world, tmp_path)
    with transaction(world.engine) as session:
        visitation = assessments.start(
            session,
            world.member_id,
            AssessmentKind.VISITATION,
            started_on=date(2026, 9, 1),
            catalogue=world.catalogue,
        )
        visitation_id = visitation.id
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(visitation_id)
        await settle(app, pilot)
        console = Console(file=io.StringIO(), width=200)
        console.print(app.screen.query_one("#detail").content)
        detail = console.file.getvalue()
        # KB01 in the year before the visitation: ja 5 of 9 applicable (R01–R08 of 2026)
        assert "Ervaren door cliënten: KB01 56" in detail and "n=9" in detail
