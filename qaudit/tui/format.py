"""How values are shown: dates, percentages, outcomes, statuses (with colour)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from qaudit.domain.enums import Result
    from qaudit.domain.verdict import Outcome

RESULT_KEYS = {"1": "voldoet", "2": "voldoet_deels", "3": "voldoet_niet", "0": "nvt"}

_RESULT_STYLE = {
    "voldoet": "green",
    "voldoet_deels": "yellow",
    "voldoet_niet": "red",
    "nvt": "grey50",
    "nog_niet": "grey50",
}

_OUTCOME_STYLE = {
    "sufficient": "green",
    "insufficient": "bold red",
    "incomplete": "yellow",
    "conditional": "dark_orange",
    "not_judged": "cyan",
}


def day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def percent(value: float | None) -> str:
    return f"{value:.0f}%" if value is not None else "–"


def result(value: Result | None) -> Text:
    """The answer in the words of its key (``Result.short``): voldoet, deels, niet, n.v.t."""
    if value is None:
        return Text("·", style=_RESULT_STYLE["nog_niet"])
    return Text(value.short, style=_RESULT_STYLE[value.value])


def outcome(value: Outcome | None) -> Text:
    if value is None:
        return Text("–", style="grey50")
    return Text(value.label, style=_OUTCOME_STYLE[value.value])


def outcome_for(value: Outcome, checklist_kind: str) -> Text:
    """The outcome in the words of the checklist's kind (a visitation's own words)."""
    return Text(value.label_for(checklist_kind), style=_OUTCOME_STYLE[value.value])


def bar(share: float, width: int = 10) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "█" * filled + "░" * (width - filled)
