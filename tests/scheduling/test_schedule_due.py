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


def test_a_due_date_that_has_passed_is_overdue(tmp_path):
    """The dashboard's "uiterlijk" is the planner's deadline: a visitation or Cirkel is due
    by the end of its year, whatever the window around the day it was planned on; so a due
    date shown as passed is always marked overdue. (In the demo of 28-11-2026, L11's
    visitation was planned for 29-09 with a window to 29-10: it showed "uiterlijk 29-10-2026"
    without being overdue, while the planner still had until 31-12.)"""
    from qaudit.services.database import open_database
    from qaudit.services.demo import build_demo

    today = date(2026, 11, 28)
    engine = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    build_demo(engine, today=today)
    with engine.begin() as connection:  # and one visitation planned by hand, for 1 October
        connection.exec_driver_sql(
            "UPDATE scheduledevent SET manual = 1, planned_on = '2026-10-01', due_year = 2026"
            " WHERE id = (SELECT min(id) FROM scheduledevent WHERE status = 'planned'"
            " AND kind = 'visitation' AND location_id NOT IN"
            " (SELECT location_id FROM scheduledevent WHERE id = 9))"
        )
    read = engine_reader(engine)
    checked = 0
    for day in (today, date(2026, 12, 31), date(2027, 1, 2), date(2027, 6, 1)):
        late = overdue_by_location(read, day)
        for row in dashboard_rows(read, day):
            if row.next_due is None:
                continue
            checked += 1
            assert row.overdue or row.next_due >= day, (day, row.code, row.next_due)
            if row.next_kind in (EventKind.VISITATION, EventKind.CIRKEL):
                assert row.overdue == (row.id in late) == (row.next_due < day), (day, row.code)
    engine.dispose()
    assert checked > 10
