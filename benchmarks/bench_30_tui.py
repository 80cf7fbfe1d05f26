"""Terminal UI figures: start-up against a bare Textual app, the dashboard over 2,500
locations with ten years of history, and a key press to a committed answer.

    cd benchmarks && ../.venv/bin/python bench_30_tui.py [--quick]

Each figure is measured in a fresh process that does only that: the big database is
generated first by a process of its own, so the dashboard's memory is the app's alone.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from subprocess import PIPE

from timing import python, rounded

BARE_APP = """
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("qaudit")
    def on_mount(self):
        self.call_after_refresh(ready)
    def ready(self): pass
def ready():
    import time
    print(time.time(), flush=True)
    app.exit()
app = Bare()
app.run(headless=True)
"""

FIRST_FRAME = """
import importlib.abc, importlib.util, sys, time

# The benchmark's hooks, outside the app: the dashboard screen is patched when it is first
# imported (importing it here would load Textual before qaudit's own start-up does), to
# print the wall clock once the first populated frame is drawn; Textual runs headless.
def patch(dashboard):
    show_rows = dashboard.DashboardScreen.show_rows
    def shown(self, rows):
        # after the refresh that draws these rows; registered first, so the screen's own
        # after-refresh work (the warm-up workers it starts) is not counted
        self.call_after_refresh(ready, self.app)
        show_rows(self, rows)
        {check}
    def ready(app):
        {report}
        app.exit()
    dashboard.DashboardScreen.show_rows = shown
    import textual.app
    run = textual.app.App.run
    def headless(self, *args, **kwargs):
        return run(self, *args, **(kwargs | {{"headless": True}}))
    textual.app.App.run = headless

class PatchOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "qaudit.tui.screens.dashboard":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        exec_module = spec.loader.exec_module
        def patched(module):
            exec_module(module)
            patch(module)
        spec.loader.exec_module = patched
        return spec

sys.meta_path.insert(0, PatchOnImport())
from qaudit.cli import main
sys.exit(main(["--database", {url!r}]))
"""
"""``qaudit --database URL``, as a user starts it: from a fresh interpreter to the first
populated frame of the dashboard."""

QAUDIT_APP = FIRST_FRAME.replace("{check}", "pass").replace(
    "{report}", "print(time.time(), flush=True)"
)


def _demo_url(folder: Path) -> str:
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    url = f"sqlite:///{folder / 'demo.db'}"
    engine = open_database(url)
    build_demo(engine)
    engine.dispose()
    return url


def isolated(folder: Path) -> dict[str, str]:
    """The environment of a start-up measured as a user starts qaudit: the user's own
    config.toml out of the way, and with bytecode, as an installed package has it (pip
    compiles a wheel's modules; without it, each start would compile qaudit's source, e.g.
    under ``PYTHONDONTWRITEBYTECODE``). The first, unmeasured run of each code writes it."""
    home = folder / "home"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONDONTWRITEBYTECODE", "QAUDIT_HOME")
    }
    return env | {
        "XDG_CONFIG_HOME": str(home / "config"),  # found as a user's are (platformdirs)
        "XDG_DATA_HOME": str(home / "data"),
        "PYTHONPYCACHEPREFIX": str(folder / "pyc"),
    }


def ready_seconds(code: str, env: dict[str, str] | None = None) -> float:
    """From starting a fresh interpreter to the app's first populated frame (the child
    prints the wall clock when it gets there; exiting afterwards is not counted, so a
    background thread still warming up the database layer does not count either)."""
    start = time.time()
    out = subprocess.run(python(code), check=True, capture_output=True, text=True, env=env).stdout
    return float(out.strip().splitlines()[-1]) - start


def startup(folder: Path, repeat: int) -> dict[str, float]:
    """qaudit's start-up against the bare app's, run in turns (bare, qaudit, bare, …) so a
    machine that speeds up or slows down between runs weighs on both alike; the ratio is
    the median of each turn's ratio."""
    url = _demo_url(folder)
    env = isolated(folder)
    codes = (BARE_APP, QAUDIT_APP.format(url=url))
    for code in codes:
        ready_seconds(code, env)  # warm the file cache and write the bytecode
    turns = [tuple(ready_seconds(code, env) for code in codes) for _ in range(repeat)]
    return {
        "tui_bare_startup_s": rounded(statistics.median(bare for bare, _ in turns)),
        "tui_startup_s": rounded(statistics.median(ours for _, ours in turns)),
        "tui_startup_ratio": rounded(statistics.median(ours / bare for bare, ours in turns), 2),
    }


GENERATE = """
import sys
sys.path.insert(0, {here!r})
from bench_30_tui import big_database
from pathlib import Path
big_database(Path({path!r}), {count})
"""


def big_database(path: Path, locations: int) -> None:
    """2,500 locations with ten years of history, written with bulk inserts.

    Every closed assessment has its verdict and score recorded, as closing one does; the
    answers are drawn from a pool of answer sets judged by the real verdict rule."""
    from qaudit.checklists import shipped_catalogue
    from qaudit.domain.enums import Result
    from qaudit.domain.verdict import verdict
    from qaudit.services import checklists
    from qaudit.services.database import open_database
    from qaudit.storage import transaction

    engine = open_database(f"sqlite:///{path}")
    spec = shipped_catalogue().for_kind("basis")
    with transaction(engine) as session:
        version_id = checklists.register(session, spec).id
    engine.dispose()
    rng = random.Random(7)
    choices = (
        "voldoet",
        "voldoet",
        "voldoet",
        "voldoet",
        "voldoet",
        "voldoet_deels",
        "voldoet_niet",
        "nvt",
    )
    pool = []
    for _ in range(40):
        answers = {p.id: rng.choice(choices) for p in spec.points}
        judged = verdict(spec, {k: Result(v) for k, v in answers.items()})
        pool.append((answers, judged.outcome.value, judged.score.overall.percent))
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    orgs = [(i, f"Organisatie {i}", "Stad", "Regio") for i in range(1, locations // 4 + 2)]
    db.executemany("INSERT INTO organisation (id, name, city, region) VALUES (?,?,?,?)", orgs)
    db.executemany(
        "INSERT INTO location (id, organisation_id, code, name, city, region, residents, staff, "
        "notes) VALUES (?,?,?,?,?,?,?,?,'')",
        [
            (i, 1 + i // 4, f"B{i:05d}", f"Locatie {i}", "Stad", "Regio", 60, 80)
            for i in range(1, locations + 1)
        ],
    )
    steps, assessments, answers, events = [], [], [], []
    aid = 0
    start = date(2016, 1, 1)
    for loc in range(1, locations + 1):
        steps += [(loc, s, "done", "2016-02-01", "2016-03-01", "") for s in range(1, 8)]
        for year in range(0, 10, 2):  # an audit visit or Cirkel check every two years
            aid += 1
            day = start + timedelta(days=365 * year + loc % 300)
            kind = "audit_visit" if year == 0 else "cirkel"
            given, outcome, percent = rng.choice(pool)
            assessments.append(
                (
                    aid,
                    loc,
                    kind,
                    version_id,
                    "closed",
                    day.isoformat(),
                    f"{day.isoformat()} 16:00:00.000000",
                    "",
                    "",
                    outcome,
                    percent,
                )
            )
            answers += [
                (aid, point, result, "", "", "2026-01-01 00:00:00")
                for point, result in given.items()
            ]
        for year in range(10):
            day = start + timedelta(days=365 * year + 100)
            status = "done" if year < 9 else "planned"
            events.append(
                (
                    f"bench-{loc}-{year}",
                    loc,
                    "visitation",
                    status,
                    day.year,
                    f"{day.year}-01-01",
                    f"{day.year}-12-31",
                    day.isoformat(),
                    "",
                )
            )
    db.executemany(
        "INSERT INTO cyclestep (location_id, step, status, started_on, completed_on,"
        " notes) VALUES (?,?,?,?,?,?)",
        steps,
    )
    db.executemany(
        "INSERT INTO assessment (id, location_id, kind, checklist_version_id, status,"
        " started_on, closed_at, summary, quality_advice, outcome, score_percent)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        assessments,
    )
    db.executemany(
        "INSERT INTO answer (assessment_id, point_id, result, note, evidence,"
        " answered_at) VALUES (?,?,?,?,?,?)",
        answers,
    )
    db.executemany(
        "INSERT INTO scheduledevent (uid, location_id, kind, status, due_year,"
        " window_start, window_end, planned_on, note, manual)"
        " VALUES (?,?,?,?,?,?,?,?,?,0)",
        events,
    )
    db.commit()
    db.close()


DASHBOARD = FIRST_FRAME.replace(
    "{check}",
    "assert len(self.rows) == {count} and all(r.outcome is not None for r in self.rows)\n"
    "        assert self.query_one('#locations').row_count == {count}",
).replace(
    "{report}",
    "import json, resource\n"
    "        print(json.dumps({{'ready': time.time(), 'cpu': time.process_time(), "
    "'rss': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
    "'helper_rss': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}), flush=True)",
)
"""The dashboard over a big database, opened as a user opens it; the process's CPU time and
peak RSS, and the dashboard helper's peak RSS (it has exited by the first frame)."""

HELPER = [sys.executable, "-m", "qaudit.services.dashboard_prefetch"]
"""The process that reads the dashboard while the UI starts, run alone: the service's share."""


def dashboard(folder: Path, locations: int, repeat: int) -> dict[str, float]:
    """The app opened on an already generated database, until its dashboard is populated:
    wall time from starting the process, the dashboard helper's time alone, and peak RSS."""
    path = folder / "big.db"
    subprocess.run(
        python(GENERATE.format(here=str(Path(__file__).parent), path=str(path), count=locations)),
        check=True,
    )
    code = DASHBOARD.format(url=f"sqlite:///{path}", count=locations)
    env = isolated(folder)
    runs = []
    for number in range(repeat + 1):  # the first run writes the bytecode, unmeasured
        start = time.time()
        out = subprocess.run(
            python(code), check=True, capture_output=True, text=True, env=env
        ).stdout
        run = json.loads(out.strip().splitlines()[-1])
        helper = time.perf_counter()
        command = [*HELPER, str(path), date.today().isoformat()]
        subprocess.run(command, check=True, stdout=PIPE, env=env)
        helper = time.perf_counter() - helper
        if number:
            runs.append(
                (run["ready"] - start, helper, max(run["rss"], run["helper_rss"]), run["cpu"])
            )
    suffix = f"_{locations}"
    return {
        f"dashboard{suffix}_s": rounded(statistics.median(r[0] for r in runs)),
        f"dashboard{suffix}_service_s": rounded(statistics.median(r[1] for r in runs)),
        f"dashboard{suffix}_rss_mib": rounded(max(r[2] for r in runs) / 1024, 1),
        # the UI process's CPU time to the populated frame (the helper's runs on another
        # core): what the wall time is on an idle machine, and steady when it is shared
        f"dashboard{suffix}_cpu_s": rounded(statistics.median(r[3] for r in runs)),
    }


ANSWERS = """
import asyncio, json, statistics, time
from datetime import date
from qaudit.config import Settings
from qaudit.domain.enums import AssessmentKind
from qaudit.domain.models import Location, Organisation
from qaudit.services import assessments
from qaudit.services.database import open_database
from qaudit.storage import transaction
from qaudit.tui.app import QAuditApp
from qaudit.tui.screens.checklist import ChecklistScreen

# The benchmark's hooks, outside the app: when each key came in (Textual stamps events with
# time.monotonic() on POSIX), and when the answer it gave was committed.
key_times, commit_seconds = [], []
on_event = QAuditApp.on_event
async def timed_event(self, event):
    from textual import events
    if isinstance(event, events.Key):
        key_times.append(event.time)
    await on_event(self, event)
QAuditApp.on_event = timed_event
# Committed: when the service's save returns (the screen then updates the row, the
# progress and the cursor: that is the second figure, when save_field returns).
import qaudit.services.answering as answering
handled_seconds, committed = [], []
service_save = answering.save
def timed_commit(*args, **kwargs):
    saved = service_save(*args, **kwargs)
    committed.append(time.monotonic())
    return saved
answering.save = timed_commit
save_field = ChecklistScreen.save_field
def timed_save(self, *args, **kwargs):
    saved = save_field(self, *args, **kwargs)
    if saved and key_times:
        commit_seconds.append(committed[-1] - key_times[-1])
        handled_seconds.append(time.monotonic() - key_times[-1])
    return saved
ChecklistScreen.save_field = timed_save

engine = open_database({url!r})
with transaction(engine) as s:
    org = Organisation(name="Bench"); s.add(org); s.flush()
    loc = Location(organisation_id=org.id, code="X1", name="Bench"); s.add(loc); s.flush()
    aid = assessments.start(s, loc.id, AssessmentKind.SELF_EVALUATION,
                            started_on=date(2026, 1, 1)).id

async def main():
    app = QAuditApp(Settings(), engine=engine)
    pilot_times = []
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        app.open_assessment(aid)
        await pilot.pause()
        for i in range({count}):
            start = time.perf_counter()
            await pilot.press("1")
            pilot_times.append(time.perf_counter() - start)
        in_app = list(commit_seconds)
        handled = list(handled_seconds)
    with transaction(engine) as s:
        assert len(assessments.results(s, aid)) == {count} == len(in_app)
    from qaudit.domain.enums import Result
    from qaudit.services import checklists
    with transaction(engine) as s:
        spec = checklists.spec_of_assessment(s, assessments.get(s, aid))
    service = []
    for point in spec.points[:{count}]:
        start = time.perf_counter()
        assessments.give_answer(engine, aid, point.id, Result.PARTLY)
        service.append(time.perf_counter() - start)
    print(json.dumps([statistics.median(in_app) * 1000, statistics.median(pilot_times) * 1000,
                      statistics.median(service) * 1000, statistics.median(handled) * 1000]))

asyncio.run(main())
"""


def answering(folder: Path, count: int) -> dict[str, float]:
    """In the app on SQLite: from the key event to the answer committed
    (``answer_commit_median_ms``) and to the screen updated (``answer_key_handled_median_ms``);
    the pilot's whole round trip including drawing; and the bare service call."""
    url = f"sqlite:///{folder / 'answers.db'}"
    out = subprocess.run(
        python(ANSWERS.format(url=url, count=count)), check=True, capture_output=True, text=True
    ).stdout
    in_app_ms, pilot_ms, service_ms, handled_ms = json.loads(out.strip().splitlines()[-1])
    return {
        "answer_commit_median_ms": rounded(in_app_ms, 2),
        "answer_key_handled_median_ms": rounded(handled_ms, 2),
        "answer_pilot_round_trip_median_ms": rounded(pilot_ms, 2),
        "give_answer_median_ms": rounded(service_ms, 2),
    }


CURSOR = """
import asyncio, json, statistics, time
from datetime import date
from qaudit.config import Settings
from qaudit.domain.enums import AssessmentKind, Result
from qaudit.domain.models import Location, Organisation
from qaudit.services import assessments
from qaudit.services.database import open_database
from qaudit.storage import transaction
from qaudit.tui.app import QAuditApp
from textual.screen import Screen

# The benchmark's hooks, outside the app: when each key came in (Textual stamps events with
# time.monotonic() on POSIX), and when the screen last finished drawing what changed (the
# compositor's refresh and a layout refresh both end in a drawn frame; headless, the frame
# is composed but not written to a terminal).
# The UI thread's CPU time is taken at both ends too: the part of the wait that is work, not
# waiting for a core on a shared machine.
key_times, drawn, key_cpu, drawn_cpu = [], [], [], []
on_event = QAuditApp.on_event
async def timed_event(self, event):
    from textual import events
    if isinstance(event, events.Key):
        key_times.append(event.time)
        key_cpu.append(time.thread_time())
    await on_event(self, event)
QAuditApp.on_event = timed_event
for name in ("_compositor_refresh", "_refresh_layout"):
    original = getattr(Screen, name)
    def timed(self, *args, _original=original, **kwargs):
        result = _original(self, *args, **kwargs)
        drawn.append(time.monotonic())
        drawn_cpu.append(time.thread_time())
        return result
    setattr(Screen, name, timed)

engine = open_database({url!r})
with transaction(engine) as s:
    org = Organisation(name="Bench"); s.add(org); s.flush()
    loc = Location(organisation_id=org.id, code="X1", name="Bench"); s.add(loc); s.flush()
    aid = assessments.start(s, loc.id, AssessmentKind.SELF_EVALUATION,
                            started_on=date(2026, 1, 1)).id
    from qaudit.services import checklists
    spec = checklists.spec_of_assessment(s, assessments.get(s, aid))
    for i, point in enumerate(spec.points[::3]):
        assessments.record_answer(s, aid, point.id, (Result.COMPLIANT, Result.PARTLY)[i % 2],
                                  note="Steekproef van vijf dossiers." if i % 4 == 0 else "")

async def main():
    app = QAuditApp(Settings(), engine=engine)
    moves, work = [], []
    async with app.run_test(size={size}) as pilot:
        await app.workers.wait_for_complete()
        app.open_assessment(aid)
        await pilot.pause()
        await pilot.pause()
        for i in range({count}):
            key = "down" if (i // 40) % 2 == 0 else "up"
            before = len(drawn)
            await pilot.press(key)
            await pilot.pause()
            assert len(drawn) > before, "the move drew nothing"
            moves.append(drawn[-1] - key_times[-1])
            work.append(drawn_cpu[-1] - key_cpu[-1])
    print(json.dumps([statistics.median(moves) * 1000, statistics.median(work) * 1000]))

asyncio.run(main())
"""


def cursor_moves(folder: Path, count: int) -> dict[str, float]:
    """Key to redrawn screen when moving between points on a 281-point checklist, at the
    usual 160×45 and at 80×24 (the detail below the list)."""
    result = {}
    for suffix, size in (("", (160, 45)), ("_80x24", (80, 24))):
        url = f"sqlite:///{folder / f'cursor{suffix}.db'}"
        code = CURSOR.format(url=url, count=count, size=size)
        out = subprocess.run(python(code), check=True, capture_output=True, text=True).stdout
        wall, cpu = json.loads(out.strip().splitlines()[-1])
        result[f"cursor_move{suffix}_median_ms"] = rounded(wall, 2)
        result[f"cursor_move{suffix}_cpu_median_ms"] = rounded(cpu, 2)
    return result


def figures(quick: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        result = startup(folder, 3 if quick else 9)
        result |= dashboard(folder, 250 if quick else 2500, 1 if quick else 3)
        result |= answering(folder, 40 if quick else 250)
        result |= cursor_moves(folder, 40 if quick else 200)
    return result


if __name__ == "__main__":
    print(json.dumps(figures("--quick" in sys.argv), indent=2))
