"""Pilot tests: attaching evidence without typing a path — the file chooser (``b``, ``a``)
at 80×24: a folder tree filtered to the evidence kinds, Enter chooses, Escape attaches
nothing, the last folder used is where it opens next."""

from __future__ import annotations

from pathlib import Path

import pytest

from qaudit.config import Settings
from qaudit.services import evidence
from qaudit.storage import transaction
from qaudit.tui.app import QAuditApp
from tests.evidence.support import PDF, jpeg, write

from .conftest import RUNNING, TODAY, settle

SIZE = (80, 24)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with a photo, a file no evidence kind has, a hidden photo and a folder
    holding a PDF."""
    folder = tmp_path / "home"
    (folder / "Rapporten").mkdir(parents=True)
    write(folder, "keuken.jpg", jpeg())
    write(folder, "programma.bin", bytes(range(256)))
    write(folder, ".verborgen.jpg", jpeg())
    write(folder / "Rapporten", "medicatie.pdf", PDF)
    monkeypatch.setenv("HOME", str(folder))
    return folder


def stored(world, point: str) -> dict[str, bytes]:
    """The point's files as the database holds them: name -> content."""
    with transaction(world.engine) as session:
        views = evidence.listed(session, world.visit_id, point)
        return {v.name: evidence.content(session, v.id)[1] for v in views}


async def open_chooser(app, pilot, world):
    await settle(app, pilot)
    app.open_assessment(world.visit_id)
    await settle(app, pilot)
    await pilot.press("b")
    dialog = app.screen
    await pilot.press("a")
    chooser = app.screen
    assert type(chooser).__name__ == "FileChooser"
    await chooser.folder_tree.reload()  # the folder is read
    await pilot.pause()
    return dialog, chooser


def listed(chooser) -> list[str]:
    return [str(node.label) for node in chooser.folder_tree.root.children]


async def test_a_photo_chosen_in_the_tree_is_attached_and_stored(world, home):
    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)
    RUNNING[:] = [app]
    async with app.run_test(size=SIZE) as pilot:
        dialog, chooser = await open_chooser(app, pilot, world)
        assert chooser.folder_tree.path == home
        assert listed(chooser) == ["Rapporten", "keuken.jpg"]  # evidence kinds, no hidden
        assert chooser.folder_tree.has_focus
        await pilot.press("down", "down")  # the folder, then the photo
        assert str(chooser.folder_tree.cursor_node.label) == "keuken.jpg"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert [f.name for f in dialog.files] == ["keuken.jpg"]
    assert stored(world, "A.01") == {"keuken.jpg": (home / "keuken.jpg").read_bytes()}


async def test_a_folder_opens_with_enter_and_is_where_the_next_choice_starts(world, home):
    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)
    RUNNING[:] = [app]
    async with app.run_test(size=SIZE) as pilot:
        dialog, chooser = await open_chooser(app, pilot, world)
        await pilot.press("down", "enter")  # opens Rapporten in the tree
        await chooser.folder_tree.reload_node(chooser.folder_tree.cursor_node)
        await pilot.pause()
        await pilot.press("down", "enter")  # its PDF
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("a")  # the next chooser opens in the folder last used
        again = app.screen
        assert again.folder_tree.path == home / "Rapporten"
        await again.folder_tree.reload()
        await pilot.press("backspace")  # a folder up
        await pilot.pause()
        assert again.folder_tree.path == home
        assert str(again.query_one("#chooser-folder").render()) == str(home)
        await pilot.press("escape")
    assert stored(world, "A.01") == {"medicatie.pdf": PDF}


async def test_a_typed_folder_shows_it_and_a_typed_file_is_attached(world, home, tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    photo = write(elsewhere, "gang.jpg", jpeg((10, 200, 10)))
    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)
    RUNNING[:] = [app]
    async with app.run_test(size=SIZE) as pilot:
        dialog, chooser = await open_chooser(app, pilot, world)
        field = chooser.query_one("#chooser-path")

        async def paste(path: Path) -> None:
            if not field.has_focus:
                await pilot.press("tab")  # from the tree to the path field
            field.value = ""
            field.insert_text_at_cursor(str(path))  # as a paste does
            await pilot.press("enter")
            await pilot.pause()

        await paste(elsewhere)
        assert chooser.folder_tree.path == elsewhere and chooser.folder_tree.has_focus
        await paste(elsewhere / "nergens.jpg")
        assert app.screen is chooser  # no such file: said, and the chooser stays
        assert "nergens.jpg" in str(chooser.query_one("#chooser-problem").render())
        await paste(photo)
        assert app.screen is dialog
    assert stored(world, "A.01") == {"gang.jpg": photo.read_bytes()}


async def test_escape_attaches_nothing(world, home):
    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue, today=TODAY)
    RUNNING[:] = [app]
    async with app.run_test(size=SIZE) as pilot:
        dialog, _chooser = await open_chooser(app, pilot, world)
        await pilot.press("down", "down", "escape")
        await pilot.pause()
        assert app.screen is dialog and dialog.files == []
    assert stored(world, "A.01") == {}
