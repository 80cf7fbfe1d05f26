"""The planner's whole command on a generated cooperative, not just the pure core.

``schedule_cli_<N>_s`` is ``qaudit schedule plan --years 10 --json`` in a fresh interpreter
against a SQLite file of N locations (loading, planning and writing the JSON);
``schedule_apply_<N>_s`` is ``qaudit schedule apply --years 10 --yes`` on it;
``schedule_cli_growth_10x`` is the ratio of the command between two sizes ten times apart
(near-linear is about 10); ``schedule_cli_<N>_rss_mib`` the command's peak memory.

The cooperative is as demanding as a real one: per 2,500 locations 400 organisations (two
peer visitors each), 150 independent assessors with declared conflicts of interest and
absences, and ten years of history per location with held, missed and moved events.

    cd benchmarks && ../.venv/bin/python bench_65_schedule_cli.py [--quick]
"""

from __future__ import annotations

import random
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from timing import rounded

REGIONS = ("Noord", "Oost", "Midden", "West", "Zuid", "Zuidwest", "Noordwest", "Randstad")
TODAY = date(2026, 10, 1)


def cooperative_file(path: Path, locations: int, seed: int = 65) -> None:
    """A migrated SQLite file holding a generated cooperative of ``locations`` locations."""
    from qaudit.checklists import shipped_catalogue
    from qaudit.services import checklists
    from qaudit.services.database import open_database
    from qaudit.storage import transaction

    engine = open_database(f"sqlite:///{path}")
    with transaction(engine) as session:
        version = checklists.register(session, shipped_catalogue().for_kind("basis")).id
    engine.dispose()
    rng = random.Random(seed)
    n_orgs = max(8, locations * 400 // 2500)
    n_assessors = max(6, locations * 150 // 2500)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    orgs = [
        (o, f"Organisatie {o}", "Stad", REGIONS[o % len(REGIONS)]) for o in range(1, n_orgs + 1)
    ]
    db.executemany("INSERT INTO organisation (id, name, city, region) VALUES (?,?,?,?)", orgs)
    db.executemany(
        "INSERT INTO membership (organisation_id, member_number, start_date) VALUES (?,?,?)",
        [(o, f"K{o:05d}", "2014-01-01") for o, *_ in orgs],
    )
    people, roles, conflicts, absences = [], [], [], []
    pid = 0
    for o, _name, _city, region in orgs:
        for _ in range(2):
            pid += 1
            people.append((pid, f"Visiteur {pid}", o, region, 6))
            roles.append((pid, "peer_visitor"))
    for _ in range(n_assessors):
        pid += 1
        people.append((pid, f"Beoordelaar {pid}", None, rng.choice(REGIONS), 30))
        roles.append((pid, "assessor"))
        for _ in range(rng.randint(0, 3)):
            kind = rng.choice(("employed", "advises", "audited", "other"))
            start = date(rng.randint(2015, 2026), 1, 1)
            conflicts.append((pid, rng.randint(1, n_orgs), kind, start.isoformat(), None))
        if rng.random() < 0.3:
            first = TODAY + timedelta(days=rng.randint(0, 900))
            absences.append((pid, first.isoformat(), (first + timedelta(days=60)).isoformat()))
    db.executemany(
        "INSERT INTO person (id, name, email, organisation_id, region, max_per_year)"
        " VALUES (?,?,'',?,?,?)",
        people,
    )
    db.executemany("INSERT INTO roleassignment (person_id, role) VALUES (?,?)", roles)
    db.executemany(
        "INSERT INTO conflictofinterest (person_id, organisation_id, kind, start_date, end_date,"
        " note) VALUES (?,?,?,?,?,'')",
        conflicts,
    )
    db.executemany(
        "INSERT INTO absence (person_id, start_date, end_date, note) VALUES (?,?,?,'')", absences
    )
    places, steps, audits, events = [], [], [], []
    for loc in range(1, locations + 1):
        org = 1 + (loc * 7919) % n_orgs
        places.append((loc, org, f"L{loc:05d}", f"Locatie {loc}", orgs[org - 1][3]))
        rollout = date(2015 + loc % 3, 1 + loc % 12, 10)
        steps += [(loc, s, "done", rollout.isoformat()) for s in range(1, 8)]
        audits.append((loc, version, rollout.isoformat(), f"{rollout} 12:00:00.000000"))
        kind, day = "visitation", date(rollout.year + 1, rollout.month, 12)
        for number in range(1, 11):
            if day >= TODAY:
                break
            status = "missed" if rng.random() < 0.04 else "done"
            moved = day + timedelta(days=rng.choice((0, 0, 0, 45, -30)))
            peer = 1 + (org + number) % n_orgs if kind == "visitation" else None
            events.append(
                (
                    f"gen-{loc}-{number}@bench",
                    loc,
                    kind,
                    status,
                    moved.year,
                    moved.isoformat(),
                    peer,
                )
            )
            if status == "done":
                kind = "cirkel" if kind == "visitation" else "visitation"
            day = date(moved.year + 1, moved.month, 12)
    db.executemany(
        "INSERT INTO location (id, organisation_id, code, name, city, region, residents, staff,"
        " notes) VALUES (?,?,?,?,'Stad',?,60,80,'')",
        places,
    )
    db.executemany(
        "INSERT INTO cyclestep (location_id, step, status, completed_on, notes)"
        " VALUES (?,?,?,?,'')",
        steps,
    )
    db.executemany(
        "INSERT INTO assessment (location_id, kind, checklist_version_id, status, started_on,"
        " closed_at, summary, quality_advice, outcome, score_percent)"
        " VALUES (?,'audit_visit',?,'closed',?,?,'','','sufficient',91.0)",
        audits,
    )
    db.executemany(
        "INSERT INTO scheduledevent (uid, location_id, kind, status, due_year, planned_on,"
        " visiting_organisation_id, note, manual) VALUES (?,?,?,?,?,?,?,'',0)",
        events,
    )
    db.commit()
    db.close()


def command(path: Path, *args: str) -> tuple[float, float, float]:
    """Wall seconds, peak memory (MiB) and CPU seconds (user + system) of one ``qaudit``
    command in a fresh interpreter. On a shared machine the CPU time is the steadier figure."""
    argv = [sys.executable, "-m", "qaudit", "--database", f"sqlite:///{path}", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    # ru_maxrss of the children is the largest of any child so far: the plan after the
    # small cooperative is measured after it, and the larger one is what counts
    return seconds, max(before.ru_maxrss, after.ru_maxrss) / 1024, cpu


def figures(quick: bool) -> dict[str, float]:
    """Quick: 250 and 2,500 locations (growth 10x). Full: 2,500 and 25,000, and apply."""
    small, large = (250, 2500) if quick else (2500, 25_000)
    result: dict[str, float] = {}
    plan = ("schedule", "plan", "--years", "10", "--from", TODAY.isoformat(), "--json")
    with tempfile.TemporaryDirectory() as folder:
        times = {}
        for size in (small, large):
            path = Path(folder) / f"coop-{size}.db"
            cooperative_file(path, size)
            command(path, "--version")  # warm the file cache and the byte code
            times[size], peak, cpu = command(path, *plan)
            result[f"schedule_cli_{size}_s"] = rounded(times[size], 3)
            result[f"schedule_cli_{size}_cpu_s"] = rounded(cpu, 3)
            result[f"schedule_cli_{size}_rss_mib"] = rounded(peak, 1)
            if size == 2500:  # the plan, checked by code that is not the planner's
                result |= _checked(path, plan)
            if not quick or size == large:
                apply = ("schedule", "apply", "--years", "10", "--from", TODAY.isoformat())
                seconds, peak, cpu = command(path, *apply, "--yes")
                result[f"schedule_apply_{size}_s"] = rounded(seconds, 3)
                result[f"schedule_apply_{size}_cpu_s"] = rounded(cpu, 3)
                result[f"schedule_apply_{size}_rss_mib"] = rounded(peak, 1)
        result["schedule_cli_growth_10x"] = rounded(times[large] / times[small], 2)
    return result


def _checked(path: Path, plan: tuple[str, ...]) -> dict[str, float]:
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "scheduling"))
    from plan_checker import check

    argv = [sys.executable, "-m", "qaudit", "--database", f"sqlite:///{path}", *plan]
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    found = check(out, path)
    return {
        "plan_2500_rule_breaks": found.broken,
        "plan_2500_double_bookings": found.double_bookings,
        "plan_2500_reported_by_planner": found.reported,
    }


if __name__ == "__main__":
    import json

    print(json.dumps(figures("--quick" in sys.argv), indent=2))
