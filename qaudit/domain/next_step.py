"""What is next for a location, and who does it: a pure function of its cycle state.

The dashboard shows it for every location (:func:`next_action`); :func:`is_held` decides
when a planned visit counts as held because its assessment was started, so a visit that
took place is not shown as still to come.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from qaudit.domain.enums import AssessmentKind, EventKind, MtDecision, Outcome, Step
from qaudit.i18n import N_, _

HELD_MARGIN = timedelta(days=90)
"""A visit may be held this long before its window opens and still count as that visit."""

HOLDS = {
    EventKind.AUDIT_VISIT: AssessmentKind.AUDIT_VISIT,
    EventKind.VISITATION: AssessmentKind.VISITATION,
    EventKind.CIRKEL: AssessmentKind.CIRKEL,
}
"""The assessment that is held at each kind of visit."""


def is_held(
    window_start: date | None,
    due_year: int | None,
    linked: bool,
    started: Iterable[date],
    planned_on: date | None = None,
) -> bool:
    """Was this planned visit held? Yes when an assessment is linked to it, or when an
    assessment of its kind was started at the location no earlier than
    :data:`HELD_MARGIN` before its window opened (or its due year began, or, without
    either, its planned day)."""
    if linked:
        return True
    opens = window_start or (date(due_year, 1, 1) if due_year else planned_on)
    if opens is None:
        return False
    return any(day >= opens - HELD_MARGIN for day in started)


class Who(StrEnum):
    LOCATION = "location"
    BOARD = "board"
    COOPERATIVE = "cooperative"
    AUDITOR = "auditor"
    PEER_VISITORS = "peer_visitors"
    ASSESSORS = "assessors"

    @property
    def label(self) -> str:
        return _(_WHO[self])


_WHO = {
    Who.LOCATION: N_("the location"),
    Who.BOARD: N_("board and MT"),
    Who.COOPERATIVE: N_("the cooperative"),
    Who.AUDITOR: N_("auditor"),
    Who.PEER_VISITORS: N_("peer visitors"),
    Who.ASSESSORS: N_("assessors"),
}


class Action(StrEnum):
    INTAKE = "intake"
    MT_SESSION = "mt_session"
    MT_LATER = "mt_later"
    MEMBERSHIP = "membership"
    SELF_EVALUATION = "self_evaluation"
    FINISH_SELF_EVALUATION = "finish_self_evaluation"
    AUDIT_VISIT = "audit_visit"
    FINISH_AUDIT_VISIT = "finish_audit_visit"
    IMPROVE_BASIS = "improve_basis"
    RECHECK = "recheck"
    COMPLETE_BASIS = "complete_basis"
    TRANSLATE_PROMISES = "translate_promises"
    TRAIN_STAFF = "train_staff"
    MAKE_VISIBLE = "make_visible"
    VISITATION = "visitation"
    FINISH_VISITATION = "finish_visitation"
    CIRKEL = "cirkel"
    FINISH_CIRKEL = "finish_cirkel"
    FINISH_READINESS_SCAN = "finish_readiness_scan"
    NETWORK = "network"

    @property
    def label(self) -> str:
        return _(_ACTIONS[self])


_ACTIONS = {
    Action.INTAKE: N_("intake meeting"),
    Action.MT_SESSION: N_("MT session and decision"),
    Action.MT_LATER: N_("MT decides later"),
    Action.MEMBERSHIP: N_("arrange membership"),
    Action.SELF_EVALUATION: N_("start self-evaluation"),
    Action.FINISH_SELF_EVALUATION: N_("finish self-evaluation"),
    Action.AUDIT_VISIT: N_("audit visit"),
    Action.FINISH_AUDIT_VISIT: N_("finish audit visit"),
    Action.IMPROVE_BASIS: N_("improve, then new audit visit"),
    Action.RECHECK: N_("re-check failed points"),
    Action.COMPLETE_BASIS: N_("complete step 4"),
    Action.TRANSLATE_PROMISES: N_("translate client promises"),
    Action.TRAIN_STAFF: N_("train staff"),
    Action.MAKE_VISIBLE: N_("make promises visible"),
    Action.VISITATION: N_("appreciative visitation"),
    Action.FINISH_VISITATION: N_("finish visitation"),
    Action.CIRKEL: N_("Cirkel assessment"),
    Action.FINISH_CIRKEL: N_("finish Cirkel assessment"),
    Action.FINISH_READINESS_SCAN: N_("finish readiness scan"),
    Action.NETWORK: N_("learning network"),
}


@dataclass(frozen=True)
class OpenWork:
    """An assessment still open at the location: its kind and how far it is."""

    kind: AssessmentKind
    answered: int
    total: int | None = None
    """Points to answer (known once its checklist is read)."""
    percent: float | None = None
    """Its score so far (known once its checklist is read)."""
    people: tuple[str, ...] = ()
    assessment_id: int | None = None


@dataclass(frozen=True)
class Facts:
    """What :func:`next_action` needs to know about one location."""

    step: Step
    basis_outcome: Outcome | None = None
    self_evaluation_closed: bool = False
    """A self-evaluation was closed after the latest audit visit (or there was no visit)."""
    mt_decision: MtDecision | None = None
    work: OpenWork | None = None
    event: EventKind | None = None
    """The next planned event that was not held."""
    event_people: tuple[str, ...] = ()


@dataclass(frozen=True)
class NextAction:
    action: Action
    who: Who
    people: tuple[str, ...] = ()
    """The people assigned to it, when known (else ``who`` says which role)."""

    @property
    def label(self) -> str:
        return self.action.label

    @property
    def who_label(self) -> str:
        return ", ".join(self.people) if self.people else self.who.label


_FINISH = {
    AssessmentKind.SELF_EVALUATION: (Action.FINISH_SELF_EVALUATION, Who.LOCATION),
    AssessmentKind.AUDIT_VISIT: (Action.FINISH_AUDIT_VISIT, Who.AUDITOR),
    AssessmentKind.VISITATION: (Action.FINISH_VISITATION, Who.PEER_VISITORS),
    AssessmentKind.CIRKEL: (Action.FINISH_CIRKEL, Who.ASSESSORS),
    AssessmentKind.READINESS_SCAN: (Action.FINISH_READINESS_SCAN, Who.BOARD),
}

_OF_EVENT = {
    EventKind.INTAKE: (Action.INTAKE, Who.COOPERATIVE),
    EventKind.MT_SESSION: (Action.MT_SESSION, Who.BOARD),
    EventKind.AUDIT_VISIT: (Action.AUDIT_VISIT, Who.AUDITOR),
    EventKind.TRAINING: (Action.TRAIN_STAFF, Who.LOCATION),
    EventKind.VISITATION: (Action.VISITATION, Who.PEER_VISITORS),
    EventKind.CIRKEL: (Action.CIRKEL, Who.ASSESSORS),
    EventKind.NETWORK_MEETING: (Action.NETWORK, Who.LOCATION),
}

_OF_STEP = {
    Step.INTAKE: (Action.INTAKE, Who.COOPERATIVE),
    Step.MT_SESSION: (Action.MT_SESSION, Who.BOARD),
    Step.MEMBERSHIP: (Action.MEMBERSHIP, Who.COOPERATIVE),
    Step.TRANSLATE_PROMISES: (Action.TRANSLATE_PROMISES, Who.LOCATION),
    Step.TRAIN_STAFF: (Action.TRAIN_STAFF, Who.LOCATION),
    Step.MAKE_VISIBLE: (Action.MAKE_VISIBLE, Who.LOCATION),
    Step.VISITATION: (Action.VISITATION, Who.PEER_VISITORS),
    Step.CIRKEL: (Action.CIRKEL, Who.ASSESSORS),
    Step.LEARNING_NETWORK: (Action.NETWORK, Who.LOCATION),
}


def next_action(facts: Facts) -> NextAction:
    """The next thing to do at a location and who does it. Pure.

    Open work comes first (finish it); then the step the location is in decides, with the
    Basis op orde verdict deciding within step 4; a planned event of the same kind names
    the people assigned to it. Once the cycle is through (step 10) the next planned event
    is the next thing to do."""
    if facts.work is not None:
        action, who = _FINISH[facts.work.kind]
        return NextAction(action, who, facts.work.people)
    action, who = _by_step(facts)
    if facts.step is Step.LEARNING_NETWORK and facts.event is not None:
        action, who = _OF_EVENT[facts.event]
    if facts.event is not None and _OF_EVENT[facts.event][0] is action:
        return NextAction(action, who, facts.event_people)
    return NextAction(action, who)


def _by_step(facts: Facts) -> tuple[Action, Who]:
    if facts.step is Step.MT_SESSION and facts.mt_decision in (
        MtDecision.LATER,
        MtDecision.NO_GO,
    ):
        return Action.MT_LATER, Who.BOARD
    if facts.step is not Step.BASIS:
        return _OF_STEP[facts.step]
    outcome = facts.basis_outcome
    if outcome is Outcome.SUFFICIENT:
        return Action.COMPLETE_BASIS, Who.COOPERATIVE
    if outcome is Outcome.CONDITIONAL:
        return Action.RECHECK, Who.AUDITOR
    if outcome is not None and not facts.self_evaluation_closed:
        return Action.IMPROVE_BASIS, Who.LOCATION
    if not facts.self_evaluation_closed:
        return Action.SELF_EVALUATION, Who.LOCATION
    return Action.AUDIT_VISIT, Who.AUDITOR
