"""A generated cooperative's ten-year plan, checked by code that is not the planner's (the
benchmark checks the 2,500-location plan the same way), and the checker shown to catch
each kind of break."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from .plan_checker import check

BENCHMARKS = Path(__file__).parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    sys.path.insert(0, str(BENCHMARKS))
    from bench_65_schedule_cli import TODAY, cooperative_file

    path = tmp_path_factory.mktemp("coop") / "coop.db"
    cooperative_file(path, 150)
    argv = [sys.executable, "-m", "qaudit", "--database", f"sqlite:///{path}", "schedule",
            "plan", "--years", "10", "--from", TODAY.isoformat(), "--json"]  # fmt: skip
    out = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    return json.loads(out), path


def test_the_plan_of_a_generated_cooperative_breaks_no_rule(planned) -> None:
    plan, path = planned
    found = check(json.dumps(plan), path)
    assert found.events > 500
    assert found.broken == 0, found


def test_the_checker_catches_each_kind_of_break(planned) -> None:
    plan, path = planned
    events = [e for e in plan["events"] if e["kind"] in ("visitation", "cirkel")]
    visit = next(e for e in events if e["kind"] == "visitation" and e["person_ids"])
    cirkel = next(e for e in events if e["kind"] == "cirkel" and e["person_ids"])

    def broken(change) -> object:
        changed = copy.deepcopy(plan)
        change(changed["events"])
        return check(json.dumps(changed), path)

    def double(all_events: list[dict]) -> None:
        other = next(e for e in all_events if e["uid"] == cirkel["uid"])
        other["on"] = visit["on"]
        other["person_ids"] = [visit["person_ids"][0], *other["person_ids"][1:]]

    def own_organisation(all_events: list[dict]) -> None:
        import sqlite3

        with sqlite3.connect(path) as db:
            (own,) = db.execute(
                "SELECT organisation_id FROM location WHERE id = ?", (visit["location_id"],)
            ).fetchone()
        next(e for e in all_events if e["uid"] == visit["uid"])["visiting_organisation_id"] = own

    def same_kind_twice(all_events: list[dict]) -> None:
        next(e for e in all_events if e["uid"] == cirkel["uid"])["kind"] = "visitation"

    assert broken(double).double_bookings >= 1
    assert broken(own_organisation).not_independent >= 1
    assert broken(same_kind_twice).alternation >= 1
