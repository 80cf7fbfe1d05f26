"""The network screen: one key from the dashboard; meetings, practices, consent, a new meeting."""

from __future__ import annotations

from qaudit.checklists import shipped_catalogue
from qaudit.config import Settings
from qaudit.services import network
from qaudit.storage import transaction
from tests.network.support import build_net

from .conftest import TODAY, settle

SIZE = (160, 45)


async def test_network_screen_from_the_dashboard(engine):
    from qaudit.tui.app import QAuditApp

    net = build_net(engine)
    app = QAuditApp(Settings(), engine=engine, catalogue=shipped_catalogue(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "NetworkScreen"
        practices = screen.query_one("#practices")
        assert practices.row_count == 3 and not any(r.shared for r in screen.rows)
        await pilot.press("tab")  # to the practices; the first is N01's
        await pilot.press("c")  # its location consents
        await settle(app, pilot)
        assert {r.location_id for r in screen.rows if r.shared} == {net.locations["N01"]}
        await pilot.press("a")
        await settle(app, pilot)
        form = app.screen
        form.query_one("#f-theme").value = "Eigen regie"
        form.query_one("#f-host").value = "N01"
        form.query_one("#f-attendance").value = "N01:2, N03"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert screen.query_one("#meetings").row_count == 1
    with transaction(engine) as s:
        (meeting,) = network.meetings(s)
    assert meeting.theme == "Eigen regie" and meeting.attendance == (("N01", 2), ("N03", 1))
