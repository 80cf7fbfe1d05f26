"""Issue 17 in the workbench: the location profile from the trajectory screen."""

from __future__ import annotations

from qaudit.services import profiles
from qaudit.storage import transaction

from .conftest import settle

SIZE = (160, 45)


async def test_the_profile_is_edited_on_the_trajectory(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_location(world.prospect_id)
        await settle(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "FormDialog"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "LocationScreen"
    with transaction(world.engine) as session:
        stored = profiles.profile_of(session, world.prospect_id)
    assert stored is not None
    assert (stored.behandeling, stored.verblijf, stored.care_providers) == (False, True, 0)


async def test_the_checklist_screen_refuses_what_the_file_forbids(engine):
    """n.v.t. where the file says never, and "voldoet niet" without a note: not saved."""
    from pathlib import Path

    from qaudit.checklists import load_catalogue
    from qaudit.config import Settings
    from qaudit.domain.enums import Result
    from qaudit.services import assessments
    from qaudit.tui.app import QAuditApp

    from .conftest import TODAY, build_world

    rules = load_catalogue(Path(__file__).parent.parent / "fixtures" / "rules")
    world = build_world(engine, rules)
    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        assert app.screen.current_point_id() == "A.01"
        await pilot.press("0")  # n.v.t.: never for A.01
        await settle(app, pilot)
        if world.engine.dialect.name == "sqlite":  # PostgreSQL: refused in the write queue,
            assert "NIET bewaard" in str(app.screen.query_one("#saved").render())  # see below
        await pilot.press("3")  # voldoet niet without a note
        await settle(app, pilot)
        await pilot.press("1")  # voldoet: saved
        await settle(app, pilot)
    with transaction(world.engine) as session:
        found = assessments.results(session, world.visit_id)
    assert found == {"A.01": Result.COMPLIANT}
