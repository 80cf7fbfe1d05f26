"""When a scheduled event is due and when it is overdue: pure, shared by every screen.

The planner (:mod:`qaudit.scheduling`) gives each due event a window, its due calendar year,
and calls it overdue when that window has passed without it being held. Stored events are
judged the same way here, so the dashboard and the planner never disagree.
"""

from __future__ import annotations

from datetime import date


def as_date(value: object) -> date | None:
    """A stored date (a ``date``, or ISO text as SQLite returns it) or None."""
    if value is None or isinstance(value, date):
        return value
    text = str(value)[:10]
    return date.fromisoformat(text) if text else None


def kept_day(planned_on: object, window_start: object, due_year: int | None) -> date | None:
    """The day an event planned by hand is kept on: its planned day, else the start of its
    window, else the middle of its due year (the planner's and the dashboard's rule)."""
    return (
        as_date(planned_on) or as_date(window_start) or (date(due_year, 7, 1) if due_year else None)
    )


def window_end(window: date | None, due_year: int | None) -> date | None:
    """The last day of an event's window: the stored one, else the end of its due year."""
    if window is not None:
        return window
    return date(due_year, 12, 31) if due_year else None


def due_on(planned_on: date | None, window: date | None, due_year: int | None) -> date | None:
    """The day shown as "due" ("uiterlijk"): the end of the event's window, after which it is
    overdue; the planned day only for an event without a window. (A planned day that has
    passed inside an open window is not "due" then: the planner moves it.)"""
    return window_end(window, due_year) or planned_on


def is_overdue(
    today: date, planned_on: date | None, window: date | None, due_year: int | None
) -> bool:
    """A planned event is overdue when its window has passed (window end before today).

    An event without a window (no window end, no due year) is overdue when its planned
    day has passed. Only events still planned are passed in: held ones are never overdue.
    """
    end = window_end(window, due_year)
    if end is not None:
        return end < today
    return planned_on is not None and planned_on < today
