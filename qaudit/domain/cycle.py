"""The gates of the cycle: which step may start, and why not. Pure functions of plain data."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from qaudit.domain.enums import MtDecision, Step, StepStatus
from qaudit.domain.verdict import Outcome
from qaudit.i18n import _


@dataclass(frozen=True)
class CycleState:
    """What the gates need to know about one location."""

    steps: Mapping[Step, StepStatus] = field(default_factory=dict)
    mt_decision: MtDecision | None = None
    member: bool = False
    basis_outcome: Outcome | None = None
    """The verdict of the latest closed audit visit (or Cirkel re-check), if any."""

    def status(self, step: Step) -> StepStatus:
        return self.steps.get(step, StepStatus.NOT_STARTED)

    def done(self, step: Step) -> bool:
        return self.status(step) is StepStatus.DONE

    @property
    def rollout_done(self) -> bool:
        return all(self.done(s) for s in ROLLOUT_STEPS)

    @property
    def current_step(self) -> Step:
        """The first step that is not done (the learning network once all else is)."""
        for step in Step:
            if not self.done(step):
                return step
        return Step.LEARNING_NETWORK


ROLLOUT_STEPS = (Step.TRANSLATE_PROMISES, Step.TRAIN_STAFF, Step.MAKE_VISIBLE)


@dataclass(frozen=True)
class Gate:
    allowed: bool
    reason: str = ""


OPEN = Gate(True)
Check = Callable[[CycleState], Gate]


def gate(step: Step, state: CycleState) -> Gate:
    """May ``step`` be started (or worked on) at a location in ``state``?"""
    check = _GATES.get(step)
    return check(state) if check else OPEN


def _needs_done(previous: Step) -> Check:
    def check(state: CycleState) -> Gate:
        if state.done(previous):
            return OPEN
        return Gate(
            False,
            _("Step {step} ({label}) must be completed first.").format(
                step=int(previous), label=previous.label
            ),
        )

    return check


def _mt_go(state: CycleState) -> Gate:
    if state.mt_decision is MtDecision.GO:
        return OPEN
    return Gate(False, _("The board and management team have not decided to go ahead."))


def _member(state: CycleState) -> Gate:
    if state.member:
        return OPEN
    return Gate(False, _("The organisation is not a member of the cooperative."))


def _basis_in_order(state: CycleState) -> Gate:
    if state.basis_outcome is Outcome.SUFFICIENT:
        return OPEN
    if state.basis_outcome is Outcome.CONDITIONAL:
        return Gate(
            False,
            _(
                "The basis is in order on condition: client promises may be rolled out once "
                "the re-check (herbeoordeling) of the failed points has passed."
            ),
        )
    if state.basis_outcome is None:
        return Gate(
            False,
            _("The Basis op orde audit has no verdict yet: client promises may not be rolled out."),
        )
    return Gate(
        False, _("The basis is not sufficiently in order: client promises may not be rolled out.")
    )


def _after_rollout(state: CycleState) -> Gate:
    basis = _basis_in_order(state)
    if not basis.allowed:
        return basis
    if state.rollout_done:
        return OPEN
    return Gate(False, _("The client promises have not been fully rolled out (steps 5–7)."))


def _both(*checks: Check) -> Check:
    def check(state: CycleState) -> Gate:
        for c in checks:
            result = c(state)
            if not result.allowed:
                return result
        return OPEN

    return check


_GATES: dict[Step, Check] = {
    Step.MT_SESSION: _needs_done(Step.INTAKE),
    Step.MEMBERSHIP: _mt_go,
    Step.BASIS: _member,
    Step.TRANSLATE_PROMISES: _both(_member, _basis_in_order),
    Step.TRAIN_STAFF: _both(_member, _basis_in_order),
    Step.MAKE_VISIBLE: _both(_member, _basis_in_order, _needs_done(Step.TRANSLATE_PROMISES)),
    Step.VISITATION: _both(_member, _after_rollout),
    Step.CIRKEL: _both(_member, _after_rollout),
    Step.LEARNING_NETWORK: _member,
}
