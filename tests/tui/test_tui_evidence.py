"""Pilot tests: a point's evidence files (``b``): attach from disk, list, open; the
self-evaluation's own note beside its answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from qaudit.config import EvidenceSettings, Settings
from qaudit.services import assessments, evidence
from qaudit.storage import transaction
from qaudit.tui.app import QAuditApp
from tests.evidence.support import jpeg, write

from .conftest import RUNNING, TODAY, settle

SIZE = (160, 45)


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The file chooser opens in the home folder: an empty one of the test's own."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


def make_app(world, tmp_path: Path, opener: list[str]) -> QAuditApp:
    settings = Settings(
        output_dir=str(tmp_path / "out"), evidence=EvidenceSettings(max_mib=1, opener=opener)
    )
    app = QAuditApp(settings, engine=world.engine, catalogue=world.catalogue, today=TODAY)
    RUNNING[:] = [app]
    return app


def viewer(tmp_path: Path) -> tuple[list[str], Path]:
    """A stand-in for the system viewer: it records the file it was asked to open."""
    log = tmp_path / "opened.txt"
    script = write(tmp_path, "viewer.sh", f'#!/bin/sh\necho "$1" >> {log}\n'.encode())
    script.chmod(0o755)
    return [str(script)], log


def names(world, point: str) -> list[str]:
    with transaction(world.engine) as session:
        return [v.name for v in evidence.listed(session, world.visit_id, point)]


async def wait_for(pilot, check) -> None:
    for _ in range(200):
        if check():
            return
        await pilot.pause(0.02)
    assert check()


async def test_attach_list_and_open(world, tmp_path):
    opener, log = viewer(tmp_path)
    photo = write(tmp_path, "keuken.jpg", jpeg())
    app = make_app(world, tmp_path, opener)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        checklist = app.screen
        await pilot.press("b")
        dialog = app.screen
        assert type(dialog).__name__ == "EvidenceDialog" and dialog.files == []
        await pilot.press("a", "tab", *str(photo), "enter")  # the chooser's path field
        await pilot.pause()
        assert app.screen is dialog
        assert names(world, "A.01") == ["keuken.jpg"]
        assert [f.name for f in dialog.files] == ["keuken.jpg"]
        assert "keuken.jpg" in str(dialog.query_one("#evidence-status").render())
        await pilot.press("o")
        await wait_for(pilot, lambda: log.exists() and log.read_text().strip())
        opened = Path(log.read_text().strip())
        assert opened.read_bytes() == photo.read_bytes()
        assert opened.is_relative_to(tmp_path / "out")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is checklist and checklist.state.evidence == {"A.01": 1}


async def test_refused_file_keeps_the_typed_path(world, tmp_path):
    program = write(tmp_path, "programma.bin", bytes(range(256)))
    app = make_app(world, tmp_path, [])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("b", "a", "tab", *str(program), "enter")
        await pilot.pause()
        assert names(world, "A.01") == []
        chooser = app.screen  # open again, with the typed path and why
        assert type(chooser).__name__ == "FileChooser"
        assert chooser.query_one("#chooser-path").value == str(program)
        assert str(chooser.query_one("#chooser-problem").render())


async def test_personal_name_asks_first(world, tmp_path):
    photo = write(tmp_path, "foto_mevrouw_Jansen.jpg", jpeg())
    app = make_app(world, tmp_path, [])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("b", "a", "tab", *str(photo), "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "PrivacyDialog"
        await pilot.press("r")  # rewrite: nothing attached
        await pilot.pause()
        assert names(world, "A.01") == []


async def test_the_self_evaluations_note_beside_its_answer(world, tmp_path):
    with transaction(world.engine) as session:
        given = assessments.answers(session, world.self_eval_id)["A.02"].result
        note = "Bespreking in week 7 gepland"
        assessments.record_answer(session, world.self_eval_id, "A.02", given, note=note)
    app = make_app(world, tmp_path, [])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        screen = app.screen
        assert screen.state.reference_notes == {"A.02": "Bespreking in week 7 gepland"}
        await pilot.press("down")
        assert screen.current_point_id() == "A.02"
        from rich.console import Console

        console = Console(width=200, record=True)
        console.print(screen.query_one("#detail").content)
        assert "Bespreking in week 7 gepland" in console.export_text()


async def test_detach_asks_first(world, tmp_path):
    photo = write(tmp_path, "keuken.jpg", jpeg())
    evidence.attach_file(world.engine, world.visit_id, "A.01", photo)
    app = make_app(world, tmp_path, [])
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        await pilot.press("b", "d")
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")  # no: kept
        await pilot.pause()
        assert names(world, "A.01") == ["keuken.jpg"]
        await pilot.press("d", "y")
        await pilot.pause()
        assert names(world, "A.01") == []
        assert app.screen.files == []
