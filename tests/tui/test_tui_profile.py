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
