"""Pilot tests: ``/`` on the checklist finds a point by id or words and jumps to it."""

from __future__ import annotations

from .conftest import settle

SIZE = (160, 45)


async def open_visit(app, pilot, world) -> None:
    await settle(app, pilot)
    app.open_assessment(world.visit_id)
    await settle(app, pilot)


async def test_search_by_id_jumps_across_themes(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await open_visit(app, pilot, world)
        screen = app.screen
        await pilot.press("right_square_bracket")  # theme A only: B.02 is not shown
        assert "B.02" not in screen.state.visible_ids()
        await pilot.press("slash", *"b2")
        assert [h.point_id for h in app.screen.hits] == ["B.02"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.current_point_id() == "B.02"
        assert screen.state.theme_index == 1  # theme B is shown now


async def test_search_by_words_accent_insensitive(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await open_visit(app, pilot, world)
        screen = app.screen
        await pilot.press("slash", *"clie")  # "cliënt" in A.01's text
        assert [h.point_id for h in app.screen.hits] == ["A.01"]
        await pilot.press(*"nt zorgleefplan", "enter")
        await pilot.pause()
        assert screen.current_point_id() == "A.01"


async def test_search_moves_through_hits_and_lifts_a_hiding_filter(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await open_visit(app, pilot, world)
        screen = app.screen
        await pilot.press("f", "f")  # critical only: A.01
        assert screen.state.visible_ids() == ["A.01"]
        await pilot.press("slash", *"procedure")
        hits = [h.point_id for h in app.screen.hits]
        assert hits == ["B.02"]
        await pilot.press("slash")  # "/" is typed into the query, not a new search
        assert app.screen.query_one("#search-query").value == "procedure/"
        await pilot.press("backspace", "down", "enter")
        await pilot.pause()
        assert screen.state.filter == "all"
        assert screen.current_point_id() == "B.02"


async def test_search_cancelled_or_empty_leaves_the_cursor(app, world):
    async with app.run_test(size=SIZE) as pilot:
        await open_visit(app, pilot, world)
        screen = app.screen
        await pilot.press("down")
        assert screen.current_point_id() == "A.02"
        await pilot.press("slash", *"xyz", "enter")  # nothing found: the dialog stays
        assert "xyz" in str(app.screen.query_one("#search-count").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.current_point_id() == "A.02"
