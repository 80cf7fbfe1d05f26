"""Opening the workbench: the dashboard read by a helper process while Textual loads, and
``config.toml`` validated after the first frame (a wrong one closes the app with the
message, exit 1), or at once when a setting the first frame needs is wrong."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qaudit.cli import main, workbench_options
from qaudit.config_source import Basics, basics_of, config_values
from qaudit.paths import user_dirs
from qaudit.services.dashboard_prefetch import main as helper_main
from qaudit.services.dashboard_prefetch import prefetch
from qaudit.services.workbench import Workbench

from .conftest import TODAY, settle


def _config(text: str) -> Path:
    file = user_dirs().config_file
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def test_the_helper_process_reads_the_rows_the_workbench_reads(demo_file):
    url = f"sqlite:///{demo_file}"
    rows = prefetch(Workbench(url), TODAY)
    assert rows is not None
    received = rows.result(timeout=120)
    assert len(received) > 20
    assert received == Workbench(url).dashboard_rows(TODAY)


def test_the_ui_process_does_not_load_the_dashboards_rules(demo_file):
    """The rows come from the helper: the UI process imports only the row's module."""
    code = (
        "import sys; from datetime import date\n"
        "from qaudit.services.workbench import Workbench\n"
        "from qaudit.services.dashboard_prefetch import prefetch\n"
        f"rows = prefetch(Workbench('sqlite:///{demo_file}'), date(2026, 10, 1)).result(120)\n"
        "rules = ('qaudit.services.dashboard', 'qaudit.domain.verdict', 'qaudit.scheduling')\n"
        "print(len(rows), any(name in sys.modules for name in rules),"
        " 'qaudit.services.dashboard_row' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, rules, row = out.stdout.split()
    assert int(count) > 20 and rules == "False" and row == "True"


def test_a_file_the_helper_cannot_read_is_opened_by_the_workbench(tmp_path):
    missing = tmp_path / "new.db"
    assert helper_main([str(missing), TODAY.isoformat()]) == 1
    assert not missing.exists()  # the helper only reads
    rows = prefetch(Workbench(f"sqlite:///{missing}"), TODAY)
    assert rows is not None and rows.result(timeout=120) == []
    assert missing.exists()  # the workbench created it, as it always did


def test_a_damaged_file_is_reported_not_hidden(tmp_path):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not a database" * 100)
    rows = prefetch(Workbench(f"sqlite:///{damaged}"), TODAY)
    assert rows is not None and rows.exception(timeout=120) is not None


def test_a_server_is_not_prefetched():
    assert prefetch(Workbench("postgresql+psycopg://nobody@127.0.0.1:1/none"), TODAY) is None


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {}),
        (["ui"], {}),
        (["--database", "sqlite:///a.db"], {"database": "sqlite:///a.db"}),
        (["--language=en", "ui", "--database=x"], {"language": "en", "database": "x"}),
        (["ui", "--language", "nl"], {"language": "nl"}),
        (["location", "list"], None),
        (["ui", "--help"], None),
        (["--language", "fr"], None),  # the full parser says which languages there are
        (["--database"], None),  # the full parser says a URL is missing
        (["--database", "--language", "en"], None),
    ],
)
def test_which_command_lines_open_the_workbench_directly(argv, expected):
    assert workbench_options(argv) == expected


def test_the_first_frames_basics_are_read_without_the_model(tmp_path):
    file = tmp_path / "config.toml"
    file.write_text('language = "en"\ntheme = "nord"\n[planner]\nteam_sise = 2\n')
    path, values = config_values(file, environ={"QAUDIT_DATABASE_URL": "sqlite:///e.db"})
    assert path == file
    assert basics_of(values) == Basics("sqlite:///e.db", "en", "nord")
    assert basics_of({"database_url": 5}) is None
    assert basics_of({"language": "fr"}) is None
    assert basics_of({}) == Basics()


def test_a_wrong_basic_setting_is_said_before_the_workbench_opens(monkeypatch, capsys):
    from qaudit.tui.app import QAuditApp

    def never(*_args, **_kwargs):
        raise AssertionError("the workbench must not open on a wrong config.toml")

    monkeypatch.setattr(QAuditApp, "run", never)
    file = _config("database_url = 5\n")
    assert main([]) == 1
    error = capsys.readouterr().err
    assert f"{file}: database_url" in error and "5" in error
    import gc

    assert gc.isenabled()  # paused for start-up only


async def test_a_wrong_setting_closes_the_workbench_after_its_first_frame(tmp_path):
    from qaudit.config import load_settings
    from qaudit.tui.app import QAuditApp

    _config('[planner]\nteam_sise = 2\n[keys]\n"dashboard.search" = "s"\n')
    app = QAuditApp(database_url=f"sqlite:///{tmp_path / 'q.db'}", load_settings=load_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
    assert app.return_code == 1
    assert app.settings_error is not None and "team_sise" in str(app.settings_error)


async def test_the_keys_of_config_toml_apply_once_it_is_validated(tmp_path):
    from qaudit.config import load_settings
    from qaudit.tui.app import QAuditApp

    _config('theme = "nord"\n[keys]\n"dashboard.search" = "s"\n')
    app = QAuditApp(database_url=f"sqlite:///{tmp_path / 'q.db'}", load_settings=load_settings)
    assert app.theme != "nord"  # the first frame goes without them
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord" and app.settings_error is None
        await pilot.press("s")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "search"
    assert app.return_code != 1


async def test_the_search_box_becomes_an_input_when_used(app, world):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.search_box() is None  # the first frame draws a hint, not an input
        assert "Zoeken" in str(screen.query_one("#search-hint").render())
        await pilot.click("#search-hint")
        await pilot.pause()
        box = screen.search_box()
        assert box is not None and app.focused is box and not screen.query("#search-hint")
        await pilot.press(*"nieuwe")
        assert [r.code for r in screen.visible_rows()] == ["T02"]
        await pilot.press("enter", "escape")  # back in the table; Escape clears the search
        assert box.value == "" and len(screen.visible_rows()) == 2


async def test_the_title_bar_follows_the_screen_and_opens_the_palette(app, world):
    from textual.command import CommandPalette

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        bar = app.screen.query_one("TitleBar")
        assert "qaudit — Locaties" in str(bar.render())
        app.screen.sub_title = "iets anders"
        await pilot.pause()
        assert "qaudit — iets anders" in str(bar.render())
        await pilot.click("TitleBar", offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_start_up_ends_once_the_first_frame_is_drawn(app, world):
    ended = []
    app._when_started = lambda: ended.append(len(app.screen.rows))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert ended == [2]  # once, with the rows on the screen
        await pilot.press("r")  # a reload is no new start
        await settle(app, pilot)
    assert ended == [2]


async def test_start_up_ends_when_the_rows_cannot_be_read(tmp_path):
    """A damaged file: the read fails after the screen has taken it (the screen once waited
    for it for ever: the reading thread lost its future when the screen took it)."""
    from qaudit.tui.app import QAuditApp

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not a database" * 100)
    ended = []
    app = QAuditApp(database_url=f"sqlite:///{damaged}", when_started=lambda: ended.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert ended == [1]


async def test_a_new_file_shows_an_empty_dashboard(tmp_path):
    """No file yet: the engine creates it, and the dashboard says it has no locations."""
    from textual.widgets import Static

    from qaudit.tui.app import QAuditApp

    app = QAuditApp(database_url=f"sqlite:///{tmp_path / 'new.db'}")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        status = str(app.screen.query_one("#status", Static).render())
        assert "0 van 0 locaties" in status
    assert (tmp_path / "new.db").exists()
