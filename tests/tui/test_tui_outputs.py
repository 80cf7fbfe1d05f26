"""Pilot tests of what the checklist screen writes and reads through the real services:
the Word report, the Excel export, and the Excel import (preview, choose, apply)."""

from __future__ import annotations

from excel.support import fill

from qaudit.domain.enums import Result
from qaudit.services import assessments
from qaudit.services.excel import export_assessment

from .conftest import settle
from .test_tui_workflows import SIZE, results


async def test_report_action_writes_the_word_report(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        # asked where, with the visible output folder filled in; accepted as it is
        assert app.screen.query_one("#f-folder").value == str(app.settings.resolved_output_dir())
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        written = app.last_output
        assert written is not None and written.is_file()
        assert written.parent == app.settings.resolved_output_dir()
        assert written.name == f"basis-op-orde-T01-{world.visit_id}.docx"
        assert written.read_bytes()[:2] == b"PK"  # a Word (zip) file


async def test_export_action_writes_the_workbook_where_the_user_chooses(app, world, tmp_path):
    import openpyxl

    chosen = tmp_path / "voor de locatie"
    not_a_folder = tmp_path / "a-file.txt"
    not_a_folder.write_text("x")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.self_eval_id)
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#f-folder").value = str(not_a_folder)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        # refused, naming it, and the typed folder is still there to correct
        assert app.screen.query_one("#f-folder").value == str(not_a_folder)
        assert app.last_output is None
        app.screen.query_one("#f-folder").value = str(chosen)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        written = app.last_output
        assert written == chosen / f"assessment-{world.self_eval_id}.xlsx"
        assert len(openpyxl.load_workbook(written).sheetnames) >= 2
        await pilot.press("ctrl+r")  # the next output offers the folder chosen last
        await pilot.pause()
        assert app.screen.query_one("#f-folder").value == str(chosen)


async def test_excel_import_previews_conflicts_then_applies_the_choice(app, world, tmp_path):
    from qaudit.tui.screens.excel_import import ImportPreviewScreen

    book = export_assessment(world.engine, world.self_eval_id, tmp_path / "terug.xlsx")
    fill(
        book,
        {
            "A.02": ("Voldoet", None, None),
            "B.02": ("Voldoet niet", None, None),
            "B.01": ("N.v.t.", None, None),
        },
    )
    # B.01 is changed in qaudit after the export as well: a conflict
    assessments.give_answer(world.engine, world.self_eval_id, "B.01", Result.PARTLY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.self_eval_id)
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-path").value = str(book)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        preview = app.screen
        assert isinstance(preview, ImportPreviewScreen)
        kinds = {c.point_id: what for what, c in preview.changes}
        assert kinds == {"A.02": "changed", "B.02": "new", "B.01": "conflict"}
        await pilot.press("escape")  # cancel: nothing written
        await settle(app, pilot)
        assert results(world, world.self_eval_id)["A.02"] is Result.PARTLY
        await pilot.press("i")
        await pilot.pause()
        app.screen.query_one("#f-path").value = str(book)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        preview = app.screen
        preview.query_one("#import-changes").move_cursor(row=2)  # the conflict
        await pilot.press("t", "a")
        await settle(app, pilot)
        now = results(world, world.self_eval_id)
        assert now["A.02"] is Result.COMPLIANT and now["B.02"] is Result.NOT_COMPLIANT
        assert now["B.01"] is Result.NOT_APPLICABLE  # the conflict, taken from the file
        assert app.screen.state.results["B.02"] is Result.NOT_COMPLIANT  # the screen re-read


async def test_report_action_shows_the_notes_the_command_prints(world, tmp_path):
    """A draft, and a file in the template folder no report uses (with the name expected)."""
    from qaudit.config import Settings
    from qaudit.paths import report_templates_dir
    from qaudit.tui.app import QAuditApp

    from .conftest import RUNNING, TODAY

    folder = tmp_path / "sjablonen"
    folder.mkdir()
    shipped = report_templates_dir() / "basis-op-orde.nl.docx"
    (folder / "basis-op-orde.nl (kopie).docx").write_bytes(shipped.read_bytes())
    settings = Settings(template_dir=str(folder))
    app = QAuditApp(settings, engine=world.engine, catalogue=world.catalogue, today=TODAY)
    RUNNING[:] = [app]
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.self_eval_id)
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("ctrl+s")  # the folder offered
        await settle(app, pilot)
        assert app.last_output is not None and app.last_output.is_file()
        shown = [n.message for n in app._notifications]
    assert any("is gemarkeerd als concept" in m for m in shown)
    assert any(
        "basis-op-orde.nl (kopie).docx" in m and "noem het basis-op-orde.nl.docx" in m
        for m in shown
    ), shown
