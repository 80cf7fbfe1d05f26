"""The dashboard's columns: what each shows, and which stay when the screen is narrow.

Every column has a priority; on a narrow terminal the columns of the least priority are
dropped first, so the verdict, the next event and its due date stay at 80 columns. The
line under the table tells the highlighted location's next step and who in full.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text

from qaudit.i18n import N_, _
from qaudit.tui import format as fmt

if TYPE_CHECKING:
    from qaudit.domain.verdict import Outcome
    from qaudit.services.dashboard_next import Progress
    from qaudit.services.dashboard_row import DashboardRow


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    """An English message id, translated when drawn."""
    priority: int
    """0 always stays; the highest is dropped first."""
    least: int
    """Its width when it is shown (at most ``most``: longer cells are cut)."""
    most: int
    width: int = 0
    """The width chosen for this screen."""


COLUMNS = (
    Column("code", N_("code"), 0, 4, 8),
    Column("location", N_("location"), 1, 12, 24),
    Column("organisation", N_("organisation"), 6, 12, 28),
    Column("step", N_("step"), 5, 4, 30),
    Column("score", N_("score"), 3, 4, 16),
    Column("verdict", N_("verdict"), 1, 8, 26),
    Column("next", N_("next step"), 2, 12, 32),
    Column("who", N_("who"), 4, 8, 24),
    Column("event", N_("next event"), 1, 8, 22),
    Column("due", N_("due"), 1, 10, 20),
)
PADDING = 2
"""The table's cell padding, one either side."""


def columns_for(width: int, rows: Sequence[DashboardRow]) -> tuple[Column, ...]:
    """The columns that fit ``width`` cells, each as wide as its longest cell (within its
    bounds): columns are dropped by priority, then the widest shown cells are shortened."""
    wide = is_wide(width)
    needed = {c.key: c.least for c in COLUMNS}
    title = {c.key: Text(_(c.title)).cell_len for c in COLUMNS}
    for row in rows[:200]:  # enough to size the columns; the rest are cut at the width
        for key, cell in zip(ALL_KEYS, row_cells(row, {}, wide), strict=True):
            needed[key] = max(needed[key], cell.cell_len)
        if row.work is not None:  # "answered/total score" once the progress is read
            needed["score"] = max(needed["score"], len(f"{row.work.answered}") * 2 + 6)
    chosen = [
        Column(
            c.key,
            c.title,
            c.priority,
            c.least,
            c.most,
            max(title[c.key], min(needed[c.key], c.most)),
        )
        for c in COLUMNS
    ]
    while sum(c.width + PADDING for c in chosen) > width:
        droppable = [c for c in chosen if c.priority > 1]
        if not droppable:
            break
        chosen.remove(max(droppable, key=lambda c: (c.priority, chosen.index(c))))
    excess = sum(c.width + PADDING for c in chosen) - width
    if excess > 0:  # still too wide: shorten the long text columns, the names first
        for key in ("location", "event", "verdict", "code"):
            for i, column in enumerate(chosen):
                if column.key == key and excess > 0:
                    cut = min(excess, column.width - max(column.least, title[key]))
                    if cut > 0:
                        chosen[i] = Column(
                            column.key,
                            column.title,
                            column.priority,
                            column.least,
                            column.most,
                            column.width - cut,
                        )
                        excess -= cut
    return tuple(chosen)


def is_wide(width: int) -> bool:
    """Room for the long forms: the step's name, the verdict in full, "overdue" spelt out."""
    return width >= WIDE


WIDE = 140


_SHORT_VERDICT = {
    "sufficient": N_("in order"),
    "insufficient": N_("not in order"),
    "incomplete": N_("incomplete"),
    "conditional": N_("on condition"),
    "not_judged": N_("no verdict"),
}


def verdict_cell(outcome: Outcome | None, wide: bool) -> Text:
    """The verdict: in full on a wide screen, in two or three words on a narrow one."""
    if outcome is None or wide:
        return fmt.outcome(outcome)
    full = fmt.outcome(outcome)
    return Text(_(_SHORT_VERDICT[outcome.value]), style=full.style)


def score_cell(row: DashboardRow, progress: dict[int, Progress]) -> Text:
    """The recorded score, or while an assessment is open: answered of total and its score."""
    work = row.work
    if work is None:
        return Text(fmt.percent(row.percent))
    found = progress.get(work.assessment_id or 0)
    if found is None:
        return Text(f"{work.answered} ✎", style="cyan")
    return Text(f"{found.answered}/{found.total} {fmt.percent(found.percent)}", style="cyan")


ALL_KEYS = tuple(c.key for c in COLUMNS)


def row_cells(
    row: DashboardRow,
    progress: dict[int, Progress],
    wide: bool = True,
    keys: Sequence[str] = ALL_KEYS,
) -> list[Text]:
    """The cells of one location for the columns ``keys``, in that order (only those are
    made: 2,500 rows of them are made when the dashboard opens)."""
    return [_CELL[key](row, progress, wide) for key in keys]


def table_cells(
    rows: Sequence[DashboardRow],
    progress: dict[int, Progress],
    wide: bool,
    keys: Sequence[str],
) -> list[tuple[str, list[Text]]]:
    """``(key, cells)`` of every row for the table: the cells of columns with few distinct
    values (step, verdict, next step, who) are made once per value and shared, as the
    table only draws them."""
    shared: dict[tuple[str, object], Text] = {}
    made = []
    for row in rows:
        cells = []
        event = _event_and_due(row, wide) if "event" in keys or "due" in keys else ("", None)
        for key in keys:
            if key == "event":
                cell = shared.get((key, event[0]))
                if cell is None:
                    cell = shared[key, event[0]] = _plain(event[0])
                cells.append(cell)
                continue
            if key == "due" and event[1] is not None:
                cells.append(event[1])
                continue
            value = _SHARED[key](row) if key in _SHARED else None
            if value is None:
                cells.append(_CELL[key](row, progress, wide))
                continue
            cell = shared.get((key, value))
            if cell is None:
                cell = shared[key, value] = _CELL[key](row, progress, wide)
            cells.append(cell)
        made.append((str(row.id), cells))
    return made


def _plain(value: str) -> Text:
    return Text(value, no_wrap=True)


def _event_and_due(row: DashboardRow, wide: bool) -> tuple[str, Text]:
    due: Text = Text(fmt.day(row.next_due))
    if row.overdue:
        due = _overdue(fmt.day(row.next_due), wide)
    kind = _event_label(row.next_kind.value) if row.next_kind else ""
    if row.evaluations and (row.next_kind is None or (row.evaluation_overdue and not row.overdue)):
        kind, due = _evaluation_cells(row, wide)  # the client's voice: an evaluation is due
    return kind, due


Cell = Callable[["DashboardRow", "dict[int, Progress]", bool], Text]
_CELL: dict[str, Cell] = {
    "code": lambda row, _p, _w: _plain(row.code),
    "location": lambda row, _p, _w: _plain(row.name),
    "organisation": lambda row, _p, _w: _plain(row.organisation),
    "step": lambda row, _p, wide: _plain(
        f"{int(row.step)} {row.step.label}" if wide else str(int(row.step))
    ),
    "score": lambda row, progress, _w: score_cell(row, progress),
    "verdict": lambda row, _p, wide: verdict_cell(row.outcome, wide),
    "next": lambda row, _p, _w: _plain(row.next.label if row.next else ""),
    "who": lambda row, _p, _w: _plain(row.next.who_label if row.next else ""),
    "event": lambda row, _p, wide: _plain(_event_and_due(row, wide)[0]),
    "due": lambda row, _p, wide: _event_and_due(row, wide)[1],
}


_SHARED: dict[str, Callable[[DashboardRow], object]] = {
    "step": lambda row: row.step,
    "verdict": lambda row: ("outcome", row.outcome),
    "next": lambda row: ("next", row.next.label if row.next else ""),
    "who": lambda row: ("who", row.next.who_label if row.next else ""),
}
"""Columns whose cell depends only on this value of the row (never None)."""


def detail_line(row: DashboardRow, progress: dict[int, Progress]) -> str:
    """The highlighted location's next step and who, in full."""
    parts = [f"{row.code} {row.name}", f"{_('step')} {int(row.step)} {row.step.label}"]
    if row.next is not None:
        parts.append(_("next: {what} — {who}").format(what=row.next.label, who=row.next.who_label))
    if row.work is not None:
        found = progress.get(row.work.assessment_id or 0)
        if found is None:
            parts.append(_("{n} answered").format(n=row.work.answered))
        else:
            parts.append(
                _("{answered} of {total} answered, score so far {score}").format(
                    answered=found.answered, total=found.total, score=fmt.percent(found.percent)
                )
            )
    return " · ".join(parts)


def _overdue(day: str, wide: bool) -> Text:
    return Text(f"⚠ {day} " + _("overdue") if wide else f"⚠ {day}", style="bold red")


def _evaluation_cells(row: DashboardRow, wide: bool) -> tuple[str, Text]:
    first = row.evaluations[0]
    due = Text(fmt.day(first.due_on))
    if first.state == "overdue":
        due = _overdue(fmt.day(first.due_on), wide)
    return first.kind.label, due


def _event_label(kind: str) -> str:
    from qaudit.domain.enums import EventKind

    try:
        return EventKind(kind).short
    except ValueError:
        return kind
