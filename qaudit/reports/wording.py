"""The sentences a report chooses by kind and state: advice, the next step, what is not known yet.

Pure functions of plain data. A draft never states a result that is not known yet, and a
field with no value gets a sentence that says why, never a bare dash.
"""

from __future__ import annotations

from collections.abc import Iterable

from qaudit.domain.enums import AssessmentKind, EventKind, EventStatus, Step
from qaudit.domain.scoring import Tally
from qaudit.domain.verdict import Outcome
from qaudit.i18n import N_, _, ngettext
from qaudit.reports.data import EventRow
from qaudit.reports.formatting import Formatter

_THE = {
    AssessmentKind.SELF_EVALUATION: N_("the self-evaluation"),
    AssessmentKind.AUDIT_VISIT: N_("the audit visit"),
    AssessmentKind.VISITATION: N_("the appreciative visitation"),
    AssessmentKind.CIRKEL: N_("the Cirkel van Kwaliteit@ assessment"),
}


def occasion_the(kind: AssessmentKind) -> str:
    """The assessment with its article: "het auditbezoek", "de waarderende visitatie"."""
    return _(_THE[kind])


def not_yet() -> str:
    return _("not yet assessable")


def reaudit(events: Iterable[EventRow]) -> EventRow | None:
    """The planned audit visit that re-checks the basis, if one is planned."""
    planned = [
        e for e in events if e.kind is EventKind.AUDIT_VISIT and e.status is EventStatus.PLANNED
    ]
    return planned[0] if planned else None


def reaudit_sentence(events: Iterable[EventRow], fmt: Formatter) -> str:
    event = reaudit(events)
    if event is not None and event.planned_on is not None:
        return _("The re-audit of the Basis op orde is planned on {date}.").format(
            date=fmt.date(event.planned_on)
        )
    return _(
        "Then a re-audit of the Basis op orde follows: ask the cooperative for it as soon as "
        "these points are in order (no date has been planned yet)."
    )


def next_label(
    step: Step, outcome: Outcome | None, events: Iterable[EventRow], fmt: Formatter
) -> str:
    """What comes after the current step; after an insufficient basis: the re-audit."""
    if outcome is Outcome.INSUFFICIENT:
        event = reaudit(events)
        if event is not None and event.planned_on is not None:
            return _("a re-audit of the Basis op orde on {date}").format(
                date=fmt.date(event.planned_on)
            )
        return _("a re-audit of the Basis op orde (not planned yet)")
    if step is Step.LEARNING_NETWORK:
        return ""
    following = Step(int(step) + 1)
    return f"{int(following)}. {following.label}"


def advice(
    kind: AssessmentKind,
    outcome: Outcome,
    given: str,
    events: Iterable[EventRow],
    fmt: Formatter,
    promises: Tally | None = None,
) -> list[str]:
    """The advice paragraphs of a letter after an audit visit or a Cirkel."""
    events = list(events)
    if outcome is Outcome.INCOMPLETE:
        return [
            given
            or _(
                "Our advice follows once every measurement point has been assessed; "
                "this letter is a draft."
            )
        ]
    paragraphs = [given] if given else _default_advice(kind, outcome, fmt, promises)
    if outcome is Outcome.INSUFFICIENT:
        paragraphs.append(reaudit_sentence(events, fmt))
    return paragraphs


def _default_advice(
    kind: AssessmentKind, outcome: Outcome, fmt: Formatter, promises: Tally | None
) -> list[str]:
    sufficient = outcome is Outcome.SUFFICIENT
    if kind is AssessmentKind.CIRKEL:
        if not sufficient:
            return [
                _(
                    "At this Cirkel van Kwaliteit@ the basis is no longer sufficiently in "
                    "order. We advise putting the points below in order first."
                )
            ]
        lines = [_("At this Cirkel van Kwaliteit@ the basis is still sufficiently in order.")]
        if promises is not None and promises.percent is not None:
            lines.append(
                _(
                    "The client promises score {percent} on being applied and perceived "
                    "({answered} of {total} observations)."
                ).format(
                    percent=fmt.percent(promises.percent),
                    answered=promises.answered,
                    total=promises.total,
                )
            )
        lines.append(
            _(
                "We advise keeping the promises in the daily conversation with clients and "
                "staff, and taking the tips of the visitation to the learning network."
            )
        )
        return lines
    if sufficient:
        return [
            _(
                "The basis is sufficiently in order. We advise the location to start "
                "translating the client promises into its own practice (step 5)."
            )
        ]
    return [
        _(
            "As long as the basis is not sufficiently in order, the client promises may not "
            "be introduced yet. We advise putting the points below in order first."
        )
    ]


def verdict_sentence(outcome: Outcome) -> str:
    """The verdict as a sentence for a letter ("Ons oordeel" is the heading above it)."""
    if outcome is Outcome.SUFFICIENT:
        return _("In our judgement the basis is sufficiently in order.")
    if outcome is Outcome.INSUFFICIENT:
        return _("In our judgement the basis is not sufficiently in order.")
    return _("We cannot give a verdict yet: not every measurement point has been assessed.")


def critical_state(total: int, open_: int, failed: int) -> str:
    """What can be said about the critical points when none is known to fail."""
    if failed:
        return ""
    if total == 0:
        return _("This checklist has no critical points.")
    if open_:
        return ngettext(  # the verb agrees with the points not assessed
            "Not yet assessable: {open} of the {total} critical points has not been assessed yet.",
            "Not yet assessable: {open} of the {total} critical points have not been assessed yet.",
            open_,
        ).format(open=open_, total=total)
    return _("Every critical point is met.")


def norm_text(ok: bool | None) -> str:
    if ok is None:
        return not_yet()
    return _("met") if ok else _("not met")


def differences_text(count: int) -> str:
    return ngettext(
        "At {n} measurement point the auditor reached another verdict than the location itself.",
        "At {n} measurement points the auditor reached another verdict than the location itself.",
        count,
    ).format(n=count)


def interviewed_text(count: int) -> str:
    return ngettext(
        "The auditors spoke with {n} person. Per group what we heard, without names or other "
        "personal data.",
        "The auditors spoke with {n} people. Per group what we heard, without names or other "
        "personal data.",
        count,
    ).format(n=count)
