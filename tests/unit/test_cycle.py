"""The gates of the cycle."""

from __future__ import annotations

from qaudit.domain.cycle import CycleState, gate
from qaudit.domain.enums import MtDecision, Step, StepStatus
from qaudit.domain.verdict import Outcome

DONE = StepStatus.DONE


def state(done: range | tuple = (), **kwargs) -> CycleState:
    return CycleState(steps={Step(s): DONE for s in done}, **kwargs)


def test_intake_is_always_open() -> None:
    assert gate(Step.INTAKE, state()).allowed


def test_mt_session_needs_the_intake() -> None:
    blocked = gate(Step.MT_SESSION, state())
    assert not blocked.allowed and blocked.reason
    assert gate(Step.MT_SESSION, state((1,))).allowed


def test_membership_needs_a_go_from_the_board() -> None:
    assert not gate(Step.MEMBERSHIP, state((1, 2), mt_decision=MtDecision.LATER)).allowed
    assert gate(Step.MEMBERSHIP, state((1, 2), mt_decision=MtDecision.GO)).allowed


def test_basis_needs_membership() -> None:
    assert not gate(Step.BASIS, state((1, 2), mt_decision=MtDecision.GO)).allowed
    assert gate(Step.BASIS, state((1, 2, 3), member=True)).allowed


def test_no_promise_rollout_while_the_basis_is_not_in_order() -> None:
    for outcome in (None, Outcome.INSUFFICIENT, Outcome.INCOMPLETE):
        blocked = gate(
            Step.TRANSLATE_PROMISES, state(range(1, 5), member=True, basis_outcome=outcome)
        )
        assert not blocked.allowed
        assert blocked.reason
    ok = state(range(1, 5), member=True, basis_outcome=Outcome.SUFFICIENT)
    assert gate(Step.TRANSLATE_PROMISES, ok).allowed
    assert gate(Step.TRAIN_STAFF, ok).allowed


def test_visibility_needs_the_translations() -> None:
    base = dict(member=True, basis_outcome=Outcome.SUFFICIENT)
    assert not gate(Step.MAKE_VISIBLE, state(range(1, 5), **base)).allowed
    assert gate(Step.MAKE_VISIBLE, state(range(1, 6), **base)).allowed


def test_visitation_and_cirkel_come_after_the_rollout() -> None:
    base = dict(member=True, basis_outcome=Outcome.SUFFICIENT)
    for step in (Step.VISITATION, Step.CIRKEL):
        assert not gate(step, state(range(1, 7), **base)).allowed
        assert gate(step, state(range(1, 8), **base)).allowed


def test_current_step_is_the_first_not_done() -> None:
    assert state().current_step is Step.INTAKE
    assert state(range(1, 5)).current_step is Step.TRANSLATE_PROMISES
    assert state(range(1, 11)).current_step is Step.LEARNING_NETWORK
