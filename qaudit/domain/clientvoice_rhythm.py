"""Periods, complaint deadlines and the evaluation rhythm: pure rules of the client's voice.

- **Periods**: a year (``2026``) or a quarter (``2026-Q3``).
- **Complaints** (Wkkgz): a decision is due six weeks after receipt, or up to four weeks later
  when the extension was notified to the complainant (its notice date recorded). An open
  complaint is overdue once that day has passed, by :func:`qaudit.domain.events.is_overdue`.
- **The evaluation rhythm** (seed 003, 7.3.2; the client panel of seed 002): a client
  evaluation every year, a staff evaluation every quarter, a third-party evaluation every
  year, a client-panel statement every quarter (four a year). As with the visitations, the
  next one is due in the period after the last one held (its *window*); past its window
  and not held it is **overdue**.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from qaudit.domain.clientvoice_enums import EvaluationKind
from qaudit.domain.events import is_overdue
from qaudit.errors import QauditError
from qaudit.i18n import N_, _

DECISION_WEEKS = 6
MAX_EXTENSION_WEEKS = 4

_PERIOD = re.compile(r"^(\d{4})(?:-?[Qq]([1-4]))?$")


@dataclass(frozen=True, order=True)
class Period:
    """A calendar year (``quarter`` None) or one quarter of it."""

    year: int
    quarter: int | None = None

    @property
    def start(self) -> date:
        return date(self.year, 1 + 3 * ((self.quarter or 1) - 1), 1)

    @property
    def end(self) -> date:
        if self.quarter is None or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 1 + 3 * self.quarter, 1) - timedelta(days=1)

    def next(self) -> Period:
        if self.quarter is None:
            return Period(self.year + 1)
        if self.quarter == 4:
            return Period(self.year + 1, 1)
        return Period(self.year, self.quarter + 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}" if self.quarter is None else f"{self.year}-Q{self.quarter}"


def parse_period(text: str) -> Period:
    """``2026`` or ``2026-Q3`` (also ``2026Q3``, ``2026-q3``)."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise QauditError(
            _("“{text}” is not a period; write a year (2026) or a quarter (2026-Q3)").format(
                text=text
            )
        )
    quarter = int(match.group(2)) if match.group(2) else None
    return Period(int(match.group(1)), quarter)


def quarter_of(day: date) -> Period:
    return Period(day.year, (day.month - 1) // 3 + 1)


def year_of(day: date) -> Period:
    return Period(day.year)


# --- complaints ---------------------------------------------------------------------------


def decision_due(received: date, extension_weeks: int = 0, notice_on: date | None = None) -> date:
    """The day a decision is due: six weeks after receipt, plus a notified extension."""
    extra = extension_weeks if notice_on is not None else 0
    return received + timedelta(weeks=DECISION_WEEKS + min(max(extra, 0), MAX_EXTENSION_WEEKS))


def complaint_overdue(
    today: date,
    received: date,
    extension_weeks: int = 0,
    notice_on: date | None = None,
    decided_on: date | None = None,
) -> bool:
    """An undecided complaint whose decision day has passed (the shared overdue rule)."""
    if decided_on is not None:
        return False
    return is_overdue(today, None, decision_due(received, extension_weeks, notice_on), None)


def extension_problem(weeks: int, notice_on: date | None, received: date) -> str | None:
    """Why an extension cannot be recorded, or None when it can."""
    if not 1 <= weeks <= MAX_EXTENSION_WEEKS:
        return _("an extension is 1 to {max} weeks, not {weeks}").format(
            max=MAX_EXTENSION_WEEKS, weeks=weeks
        )
    if notice_on is None:
        return _("an extension needs the date the complainant was told (--notice DATE)")
    if notice_on < received:
        return _("the notice of the extension cannot be before the complaint was received")
    if notice_on > decision_due(received):
        return _("the extension must be notified within the six weeks (by {day})").format(
            day=decision_due(received).isoformat()
        )
    return None


# --- the evaluation rhythm ----------------------------------------------------------------

QUARTERLY = frozenset({EvaluationKind.STAFF, EvaluationKind.CLIENT_PANEL})

DUE_OK = "ok"
DUE_NOW = "due"
DUE_OVERDUE = "overdue"
_STATE_LABELS = {DUE_OK: N_("up to date"), DUE_NOW: N_("due now"), DUE_OVERDUE: N_("overdue")}


def state_label(state: str) -> str:
    return _(_STATE_LABELS[state])


def period_of(kind: EvaluationKind, day: date) -> Period:
    """The rhythm's period that ``day`` falls in: a quarter or a year."""
    return quarter_of(day) if kind in QUARTERLY else year_of(day)


@dataclass(frozen=True)
class RhythmStatus:
    kind: EvaluationKind
    window: Period
    """The period in which the next evaluation is due."""
    state: str
    """``ok`` (held this period), ``due`` (due this period) or ``overdue`` (window passed)."""
    last_held: date | None

    @property
    def due_on(self) -> date:
        return self.window.end


def rhythm_status(
    kind: EvaluationKind, held: Iterable[date], today: date, since: date | None = None
) -> RhythmStatus:
    """When the next evaluation of ``kind`` is due and whether it is overdue.

    ``held``: the days evaluations of this kind were held (later ones are ignored);
    ``since``: when the location's rhythm started, for a location that never held one
    (without it, the first one is due in the current period).
    """
    past = [day for day in held if day <= today]
    last = max(past, default=None)
    if last is not None:
        window = period_of(kind, last).next()
    else:
        window = period_of(kind, since if since is not None and since <= today else today)
    if is_overdue(today, None, window.end, None):
        state = DUE_OVERDUE
    elif window.start <= today:
        state = DUE_NOW
    else:
        state = DUE_OK
    return RhythmStatus(kind, window, state, last)


def rhythm(
    held: dict[EvaluationKind, list[date]], today: date, since: date | None = None
) -> list[RhythmStatus]:
    """The status of every kind of evaluation, in the order of :class:`EvaluationKind`."""
    return [rhythm_status(kind, held.get(kind, []), today, since) for kind in EvaluationKind]
