"""What is next at a location, and who: the pure rule behind the dashboard's column."""

from __future__ import annotations

from datetime import date

from qaudit.domain.enums import AssessmentKind, EventKind, MtDecision, Step
from qaudit.domain.next_step import Action, Facts, OpenWork, Who, is_held, next_action
from qaudit.domain.verdict import Outcome


def test_open_work_is_finished_first_by_whoever_does_it():
    work = OpenWork(AssessmentKind.SELF_EVALUATION, 80, people=("Contact",))
    found = next_action(Facts(Step.BASIS, work=work, event=EventKind.AUDIT_VISIT))
    assert found.action is Action.FINISH_SELF_EVALUATION and found.who_label == "Contact"
    visit = next_action(Facts(Step.BASIS, work=OpenWork(AssessmentKind.AUDIT_VISIT, 3)))
    assert visit.action is Action.FINISH_AUDIT_VISIT and visit.who is Who.AUDITOR


def test_step_four_follows_the_basis_verdict():
    assert next_action(Facts(Step.BASIS)).action is Action.SELF_EVALUATION
    done_self = Facts(
        Step.BASIS,
        self_evaluation_closed=True,
        event=EventKind.AUDIT_VISIT,
        event_people=("Auditor Een",),
    )
    assert next_action(done_self).action is Action.AUDIT_VISIT
    assert next_action(done_self).who_label == "Auditor Een"
    failed = next_action(Facts(Step.BASIS, basis_outcome=Outcome.INSUFFICIENT))
    assert failed.action is Action.IMPROVE_BASIS and failed.who is Who.LOCATION
    again = Facts(Step.BASIS, basis_outcome=Outcome.INSUFFICIENT, self_evaluation_closed=True)
    assert next_action(again).action is Action.AUDIT_VISIT
    condition = next_action(Facts(Step.BASIS, basis_outcome=Outcome.CONDITIONAL))
    assert condition.action is Action.RECHECK
    passed = next_action(Facts(Step.BASIS, basis_outcome=Outcome.SUFFICIENT))
    assert passed.action is Action.COMPLETE_BASIS


def test_every_step_has_a_next_action():
    for step in Step:
        assert next_action(Facts(step)).label
    rollout = next_action(Facts(Step.TRANSLATE_PROMISES, basis_outcome=Outcome.SUFFICIENT))
    assert rollout.action is Action.TRANSLATE_PROMISES and rollout.who is Who.LOCATION
    later = next_action(Facts(Step.MT_SESSION, mt_decision=MtDecision.LATER))
    assert later.action is Action.MT_LATER


def test_after_the_cycle_the_next_planned_event_is_next():
    found = next_action(
        Facts(Step.LEARNING_NETWORK, event=EventKind.CIRKEL, event_people=("A", "B"))
    )
    assert found.action is Action.CIRKEL and found.who_label == "A, B"
    assert next_action(Facts(Step.LEARNING_NETWORK)).action is Action.NETWORK


def test_a_visit_whose_assessment_was_started_is_held():
    opens = date(2026, 12, 13)
    assert is_held(opens, 2027, linked=True, started=[])
    assert is_held(opens, 2027, linked=False, started=[date(2026, 11, 28)])
    assert not is_held(opens, 2027, linked=False, started=[date(2026, 3, 1)])
    assert not is_held(None, None, linked=False, started=[date(2026, 11, 28)])
    assert is_held(None, 2027, linked=False, started=[date(2026, 11, 28)])
    assert is_held(None, None, False, [date(2026, 9, 20)], planned_on=date(2026, 9, 20))
