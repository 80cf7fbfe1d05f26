"""The planner screen on a generated cooperative (the one of ``bench_65_schedule_cli``).

``planner_screen_<N>_s``: from pushing the screen until its first frame is drawn (the
screen starts planning right after it, in a worker, and takes keys meanwhile);
``planner_screen_plan_<N>_s``: until the plan is in its tables (at most
``PlannerScreen.SHOWN`` rows per table, the rest through the search).

    cd benchmarks && ../.venv/bin/python bench_66_planner_screen.py [--quick]
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

from bench_65_schedule_cli import TODAY, cooperative_file
from timing import rounded


def _measure(path: Path) -> tuple[float, float]:
    from textual.app import App

    from qaudit.config import Settings
    from qaudit.services.database import open_database
    from qaudit.tui.screens.planner import PlannerScreen

    engine = open_database(f"sqlite:///{path}")
    marks: dict[str, float] = {}

    class Timed(PlannerScreen):
        def action_replan(self) -> None:  # called once the first frame is drawn
            marks.setdefault("shown", time.perf_counter())
            super().action_replan()

    class Host(App[None]):
        def on_mount(self) -> None:
            marks["push"] = time.perf_counter()
            self.push_screen(Timed(engine, Settings(), years=10, start=TODAY))

    async def run() -> None:
        app = Host()
        async with app.run_test() as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            marks["plan"] = time.perf_counter()

    asyncio.run(run())
    engine.dispose()
    return marks["shown"] - marks["push"], marks["plan"] - marks["push"]


def figures(quick: bool) -> dict[str, float]:
    size = 2500
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"coop-{size}.db"
        cooperative_file(path, size)
        shown, planned = _measure(path)
    return {
        f"planner_screen_{size}_s": rounded(shown, 3),
        f"planner_screen_plan_{size}_s": rounded(planned, 3),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(figures("--quick" in sys.argv), indent=2))
