"""Pilot tests of the privacy gate: flagged free text is not saved until it is rewritten or
confirmed as not personal, and a confirmation is in the audit log (without the text)."""

from __future__ import annotations

from sqlmodel import select

from qaudit.domain.models import Answer, AuditLog, Interview
from qaudit.services import audit
from qaudit.services.privacy import CONFIRM_ACTION
from qaudit.storage import transaction
from qaudit.tui.screens.privacy_gate import PrivacyDialog

from .conftest import settle

SIZE = (160, 45)
PERSONAL = "mevrouw Jansen, geboren 12-03-1938, tel. (050) 123 45 67"


def interviews(world) -> list[Interview]:
    with transaction(world.engine) as s:
        return list(s.exec(select(Interview)).all())


def confirmations(world) -> list[AuditLog]:
    with transaction(world.engine) as s:
        return list(s.exec(select(AuditLog).where(AuditLog.action == CONFIRM_ACTION)).all())


async def open_interview_form(app, pilot, world) -> None:
    from qaudit.tui.screens.visit import VisitScreen

    app.push_screen(VisitScreen(world.visit_id))
    await settle(app, pilot)
    await pilot.press("i")
    await pilot.pause()
    app.screen.query_one("#f-notes").focus()


async def test_flagged_interview_note_is_not_saved_until_rewritten(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_interview_form(app, pilot, world)
        await pilot.press(*PERSONAL, "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyDialog)
        assert interviews(world) == []  # nothing saved while the question is open
        await pilot.press("r")  # rewrite
        await settle(app, pilot)
        assert interviews(world) == []
        area = app.screen.query_one("#f-notes")
        assert area.has_focus
        area.text = ""  # type: ignore[attr-defined]
        await pilot.press(*"Een bewoner vindt het eten lekker.", "ctrl+s")
        await settle(app, pilot)
        saved = interviews(world)
        assert [i.notes for i in saved] == ["Een bewoner vindt het eten lekker."]
        assert confirmations(world) == []


async def test_confirmed_text_is_saved_and_the_confirmation_logged(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_interview_form(app, pilot, world)
        await pilot.press(*PERSONAL, "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyDialog)
        await pilot.press("c")  # confirmed: not personal
        await settle(app, pilot)
        assert [i.notes for i in interviews(world)] == [PERSONAL]
        (entry,) = confirmations(world)
        with transaction(world.engine) as session:
            assert entry.actor == audit.current_actor(session)  # the login on PostgreSQL
        assert (entry.entity, entry.entity_id) == ("assessment", world.visit_id)
        assert entry.detail["kinds"] == ["birth_date", "name", "phone"]
        assert entry.detail["count"] == 3
        assert "Jansen" not in str(entry.detail)  # the text itself is never logged


async def test_escape_in_the_dialog_is_rewrite_not_save(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_interview_form(app, pilot, world)
        await pilot.press(*"BSN 123.456.782", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, PrivacyDialog)
        assert interviews(world) == [] and confirmations(world) == []


async def test_clean_text_is_saved_without_a_question(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_interview_form(app, pilot, world)
        clean = "Zie T05.14 en art. 13 lid 2; 82,5% voldoet."
        await pilot.press(*clean, "ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, PrivacyDialog)
        assert [i.notes for i in interviews(world)] == [clean]


async def test_checklist_note_goes_through_the_same_gate(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        point = app.screen.current_point_id()
        await pilot.press("e")
        await pilot.press(*"Gesprek met dhr. De Boer", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyDialog)

        def note() -> str | None:
            with transaction(world.engine) as s:
                answer = s.exec(
                    select(Answer).where(
                        Answer.assessment_id == world.visit_id, Answer.point_id == point
                    )
                ).first()
                return answer.note if answer else None

        assert not note()
        await pilot.press("r")
        await settle(app, pilot)
        assert not note()
        assert app.screen.query_one("#note").has_focus
        assert app.screen.query_one("#note").text == "Gesprek met dhr. De Boer"  # kept to rewrite
        await pilot.press("escape")  # save again: asked again
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyDialog)
        await pilot.press("c")
        await settle(app, pilot)
        assert note() == "Gesprek met dhr. De Boer"
        assert len(confirmations(world)) == 1


async def test_rollout_translation_goes_through_the_gate(app, world):
    from qaudit.domain.models import PromiseTranslation
    from qaudit.domain.privacy import find_personal_data

    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        from qaudit.tui.screens.rollout import RolloutScreen

        app.push_screen(RolloutScreen(world.member_id))
        await settle(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#f-translation").focus()
        await pilot.press(*"Vraag het aan j.jansen@example.nl", "ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, PrivacyDialog)
        await pilot.press("r")
        await settle(app, pilot)
        with transaction(world.engine) as s:
            assert s.exec(select(PromiseTranslation)).all() == []
        app.screen.query_one("#f-translation").text = "Vaste werkafspraak"  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with transaction(world.engine) as s:
            saved = s.exec(select(PromiseTranslation)).one()
        assert saved.translation == "Vaste werkafspraak"
        assert find_personal_data(saved.translation) == []
