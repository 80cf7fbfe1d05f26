"""The location screen's texts: what starting will do, a step's history, the readiness scan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qaudit.domain.enums import StepEventKind, step_event_label
from qaudit.i18n import _
from qaudit.tui import format as fmt


def start_question(preview: Any) -> str:
    """ "Start an audit visit for L03?" with the open work beside it, in counts."""
    lines = [
        _("Start {kind} for {location}?").format(
            kind=preview.kind.label, location=preview.location_code
        )
    ]
    for work in preview.open_other:
        lines.append(
            _(
                "There is already an open {kind} (#{id}) with {answered} of {total} points "
                "answered."
            ).format(kind=work.kind.label, id=work.id, answered=work.answered, total=work.total)
        )
    if preview.starts_step:
        from qaudit.services.trajectory import KIND_STEP

        step = KIND_STEP[preview.kind]
        lines.append(
            _("Step {step} {name} is started with it.").format(step=int(step), name=step.label)
        )
    return "\n".join(lines)


def refusal(preview: Any) -> str:
    if preview.blocked:
        return preview.blocked
    same = preview.open_same
    return _(
        "{location} already has an open {kind} (#{id}, {answered} of {total} points "
        "answered); close it, or cancel it with x, before starting another."
    ).format(
        location=preview.location_code,
        kind=same.kind.label,
        id=same.id,
        answered=same.answered,
        total=same.total,
    )


def history_text(events: Any) -> str:
    """ "started 01-12-2022 · completed 29-12-2022 · reopened 28-11-2026 · completed again"."""
    parts = []
    completed = False
    for e in events:
        word = step_event_label(e.event)
        if e.event == StepEventKind.COMPLETED:
            word = _("completed again") if completed else word
            completed = True
        parts.append(f"{word} {fmt.day(e.day)}")
    return " · ".join(parts)


def readiness_text(scan: Any) -> str:
    """The readiness scan's result per dimension with its advice (shown at the MT decision)."""
    if scan is None:
        return _("No readiness scan has been filled in (key g starts one).")
    lines = [_("Readiness scan #{id}:").format(id=scan.assessment_id)]
    for d in scan.dimensions:
        mark = "⚠" if d.below else "✔"
        lines.append(
            _(
                "{mark} {dimension}: {percent} (threshold {threshold:.0f}%, {answered}/{total})"
            ).format(
                mark=mark,
                dimension=d.title,
                percent=fmt.percent(d.percent),
                threshold=d.threshold,
                answered=d.answered,
                total=d.total,
            )
        )
        lines.append("   " + d.advice)
    return "\n".join(lines)


def cancel_question(chosen: Any, location: str, step: Any) -> str:
    """The question before cancelling, with what happens to the step (a ``StepUndo``)."""
    question = _(
        "Cancel assessment {id} ({kind}, started {day}) at {location}? "
        "It has {answered} of {total} points answered. It is kept and logged, not "
        "deleted, but takes no more answers and is left out of scores, reports and "
        "planning."
    ).format(
        id=chosen.id,
        kind=chosen.kind.label,
        day=fmt.day(chosen.started_on),
        location=location,
        answered=chosen.answered,
        total=chosen.total,
    )
    return f"{question}\n{step.question()}"


def reopen_question(row: Any, location: str) -> str:
    return _(
        "Reopen step {step} {name} at {location}? It was completed on {day}; that "
        "date is kept, and the reopening is added to the step's history."
    ).format(
        step=int(row.step),
        name=row.step.label,
        location=location,
        day=fmt.day(row.completed_on),
    )


def if_yes(then: Callable[[], object]) -> Callable[[bool], None]:
    """A confirmation's callback: ``then`` on yes, nothing on no."""

    def answer(yes: bool) -> None:
        if yes:
            then()

    return answer
