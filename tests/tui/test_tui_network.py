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


async def test_a_meeting_is_edited_and_deleted_with_its_attendance(engine):
    from sqlmodel import select

    from qaudit.domain.models import AuditLog, NetworkAttendance
    from qaudit.tui.app import QAuditApp

    build_net(engine)
    network.add_meeting_by_codes(
        engine, held_on=TODAY, theme="Eigen regie", host="N01", attendance="N01:2, N03"
    )
    app = QAuditApp(Settings(), engine=engine, catalogue=shipped_catalogue(), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        form = app.screen
        assert form.query_one("#f-theme").value == "Eigen regie"
        form.query_one("#f-shared").text = "Tips van mevrouw Jansen"  # names a person
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "PrivacyDialog"
        await pilot.press("c")  # "not personal": the meeting's rule still refuses it, text kept
        await settle(app, pilot)
        assert app.screen.query_one("#f-shared").text == "Tips van mevrouw Jansen"
        assert "Jansen" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#f-shared").text = "Tips over eigen regie bij de maaltijd"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with transaction(engine) as s:
            (meeting,) = network.meetings(s)
        assert meeting.shared.startswith("Tips over")
        await pilot.press("delete")
        await settle(app, pilot)
        assert "Eigen regie" in str(app.screen.query_one(".form-title").render())
        await pilot.press("y")
        await settle(app, pilot)
    with transaction(engine) as s:
        assert network.meetings(s) == []
        assert s.exec(select(NetworkAttendance)).all() == []
        done = [(r.action, r.entity) for r in s.exec(select(AuditLog))]
    assert ("edit", "meeting") in done and ("delete", "meeting") in done
