"""One source for overdue: the dashboard's figure and the planner's (screen and CLI) are the
same, before and after ``apply`` (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

from qaudit.config import Settings
from qaudit.domain.enums import EventKind
from qaudit.services import schedule
from qaudit.services.dashboard import dashboard_rows, engine_reader
from qaudit.services.schedule_due import overdue_by_location, overdue_count

from .test_schedule_service import coop  # noqa: F401  (the fixture)

LATE = date(2028, 2, 1)  # the coop's first visitations were due in 2026


def _figures(engine) -> tuple[int, int, int, int]:
    proposal = schedule.propose(engine, Settings(), years=3, start=LATE)
    read = engine_reader(engine)
    dashboard = sum(row.overdue for row in dashboard_rows(read, LATE))
    return (
        dashboard,
        overdue_count(read, LATE),
        proposal.overdue,
        sum(e.overdue for e in proposal.plan.events),
    )


def test_the_dashboards_overdue_is_the_planners_before_and_after_apply(engine, coop):  # noqa: F811
    before = _figures(engine)
    assert before[0] > 0
    assert len(set(before)) == 1, before
    schedule.apply(engine, schedule.propose(engine, Settings(), years=3, start=LATE))
    after = _figures(engine)
    assert after == before


def test_overdue_names_the_kind_and_its_window(engine, coop):  # noqa: F811
    late = overdue_by_location(engine_reader(engine), LATE)
    assert set(late) == {coop["L1"], coop["L2"], coop["L3"]}
    first = late[coop["L1"]][0]
    assert first.kind is EventKind.VISITATION
    assert first.window_end < LATE
    # nothing is overdue while the window is still open
    assert overdue_by_location(engine_reader(engine), date(first.due_year, 6, 1)) == {}
