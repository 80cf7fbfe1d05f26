"""The key bar that never cuts, the help table, ``[keys]`` checks and the output folder."""

from __future__ import annotations

from pathlib import Path

from qaudit.config import Settings
from qaudit.paths import UserDirs
from qaudit.tui.keys import Scope, check_keymap, keymap_problems
from qaudit.tui.widgets.key_bar import Entry, layout, render_lines

from .conftest import settle

ENTRIES = [Entry("x", key, word) for key, word in (("/", "Zoeken"), ("f", "Filter"))] * 5


def test_the_key_bar_lays_out_whole_entries_in_the_width():
    lines = layout(ENTRIES, 40)
    assert len(lines) > 1 and sum(len(line) for line in lines) == len(ENTRIES)
    for line in lines:
        assert sum(e.width(compact=False) for e in line) + 2 * (len(line) - 1) <= 40


def test_a_key_bar_too_long_for_two_lines_keeps_every_word_in_the_compact_form():
    roomy = render_lines(ENTRIES, 200)
    assert "\n" not in roomy and roomy.startswith("[@click=x][b $footer-key-foreground] / [/]")
    narrow = render_lines(ENTRIES, 40)
    assert narrow.count("\n") == 2  # three lines, in the compact form
    assert narrow.startswith("[@click=x][b $footer-key-foreground]/[/] Zoeken")
    assert narrow.count("Zoeken") == 5 and narrow.count("Filter") == 5  # every word is there
    for width in (10, 20, 40, 80):
        for line in layout(ENTRIES, width, compact=True):
            assert sum(e.width(compact=True) for e in line) + 2 * (len(line) - 1) <= width


def test_unknown_ids_and_clashes_are_named():
    scopes = [Scope("Checklist", (("checklist.next", "n"), ("checklist.note", "e")))]
    app = [("app.help", "f1")]
    problems = keymap_problems({"checklist.nxt": "j", "checklist.note": "n"}, scopes, app)
    assert len(problems) == 2
    assert "checklist.nxt" in problems[0]
    assert '"n"' in problems[1] and "checklist.next" in problems[1]
    assert keymap_problems({"checklist.next": "j"}, scopes, app) == []
    assert keymap_problems({"checklist.next": "f1"}, scopes, app)  # takes F1 from help


def test_the_workbench_keymap_check_knows_every_screen():
    assert check_keymap({"checklist.next": "j", "dashboard.search": "s"}) == []
    assert len(check_keymap({"dashboard.filter": "o", "no.such": "x"})) == 2


def test_outputs_default_to_a_visible_folder(tmp_path: Path):
    dirs = UserDirs(config=tmp_path / "c", data=tmp_path / ".local", documents=tmp_path / "Doc")
    assert Settings().resolved_output_dir(dirs) == tmp_path / "Doc"
    chosen = Settings(output_dir=str(tmp_path / "mine")).resolved_output_dir(dirs)
    assert chosen == tmp_path / "mine"


async def test_keys_problems_are_shown_at_start_up(world):
    from qaudit.tui.app import QAuditApp

    shown: list[str] = []
    settings = Settings(keys={"dashboard.filter": "o", "checklist.nxt": "j"})
    app = QAuditApp(settings, engine=world.engine, catalogue=world.catalogue)
    notify = app.notify

    def told(message: str, **kwargs: object) -> None:
        shown.append(message)
        notify(message, **kwargs)  # type: ignore[arg-type]

    app.notify = told  # type: ignore[method-assign]
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("checklist.nxt" in m and "dashboard.overdue" in m for m in shown)


async def test_the_help_hint_shows_the_keys_table_literally(world):
    from textual.widgets import Static

    from qaudit.tui.app import QAuditApp

    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        hint = app.screen.query_one(".hint", Static)
        assert "[keys]" in str(hint.render())
        table = app.screen.query_one("#keys")
        assert table.get_row_at(0)[3].plain.startswith("dashboard.")  # own keys first


def test_a_visitation_shows_its_own_words_and_no_verdict_while_incomplete():
    from qaudit.checklists import ChecklistSpec, shipped_catalogue
    from qaudit.domain.enums import Result
    from qaudit.domain.verdict import Outcome, verdict
    from qaudit.tui.screens.visit import shown_outcome

    for spec in shipped_catalogue().versions("waarderende-visitatie"):
        scored = [p.id for p in spec.points if p.scored]
        partly = verdict(spec, dict.fromkeys(scored[:8], Result.COMPLIANT))
        outcome, explanation = shown_outcome(partly, "visitation")
        assert isinstance(spec, ChecklistSpec)
        assert outcome in (Outcome.INCOMPLETE, Outcome.NOT_JUDGED), spec.version
        assert f"8 van {len(scored)}" in explanation
        assert "op orde" not in outcome.label_for("visitation")
        done = verdict(spec, dict.fromkeys(scored, Result.COMPLIANT))
        assert "op orde" not in shown_outcome(done, "visitation")[0].label_for("visitation")


def test_a_basis_verdict_is_shown_as_judged(mini_catalogue):
    from qaudit.domain.enums import Result
    from qaudit.domain.verdict import verdict
    from qaudit.tui.screens.visit import shown_outcome

    basis = mini_catalogue.for_kind("basis")
    some = verdict(basis, {basis.points[0].id: Result.COMPLIANT})
    assert shown_outcome(some, "basis") == (some.outcome, some.explanation)


def test_the_detail_never_needs_more_lines_than_measured():
    from rich.console import Console
    from rich.text import Text

    from qaudit.tui.widgets.point_detail import lines_needed

    console = Console(width=200)
    words = "Voor iedere cliënt is in het cliëntdossier een zorgleefplan aanwezig waarvan de"
    for width in (12, 20, 33, 42, 80):
        for count in (1, 5, 17, 40):
            text = " ".join([words] * count)[: count * 23]
            wrapped = Text(text).wrap(console, width)
            assert lines_needed(text, width) >= len(wrapped), (width, count)


async def test_the_detail_follows_the_cursor(world):
    from qaudit.tui.app import QAuditApp
    from qaudit.tui.widgets.point_detail import PointDetail

    app = QAuditApp(Settings(), engine=world.engine, catalogue=world.catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.open_assessment(world.visit_id)
        await settle(app, pilot)
        detail = app.screen.query_one(PointDetail)
        assert str(detail.render()).startswith("A.01")
        await pilot.press("down")
        assert str(detail.render()).startswith("A.02")
        await pilot.press("down", "up")
        assert str(detail.render()).startswith("A.02")


def test_narrow_dashboards_keep_verdict_next_event_and_due():
    from datetime import date

    from qaudit.domain.enums import EventKind, Step
    from qaudit.domain.next_step import Action, NextAction, Who
    from qaudit.domain.verdict import Outcome
    from qaudit.services.dashboard_row import DashboardRow
    from qaudit.tui.screens.dashboard_columns import PADDING, columns_for

    row = DashboardRow(
        1,
        "L06",
        "Zorgcentrum De Molenhoek aan de Dijk",
        "Stichting Zorgcentra Het Noorderlicht",
        "Utrecht",
        "Midden",
        Step.BASIS,
        70.1,
        Outcome.INSUFFICIENT,
        EventKind.AUDIT_VISIT,
        date(2027, 1, 12),
        True,
        ("Auditor Een",),
        next=NextAction(Action.IMPROVE_BASIS, Who.LOCATION),
    )
    for width in (78, 100, 158, 200):
        chosen = columns_for(width, [row])
        keys = [c.key for c in chosen]
        assert {"code", "location", "verdict", "event", "due"} <= set(keys), width
        assert sum(c.width + PADDING for c in chosen) <= width, width
    wide = [c.key for c in columns_for(158, [row])]
    assert {"next", "who", "score"} <= set(wide)
