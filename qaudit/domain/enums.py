"""Enumerations of the Kwaliteit@ cycle. Values are stable strings stored in the database."""

from __future__ import annotations

from enum import IntEnum, StrEnum

from qaudit.i18n import N_, _


class Result(StrEnum):
    """The answer scale of a measurement point."""

    COMPLIANT = "voldoet"
    PARTLY = "voldoet_deels"
    NOT_COMPLIANT = "voldoet_niet"
    NOT_APPLICABLE = "nvt"
    NOT_ASSESSED = "nog_niet"

    @property
    def label(self) -> str:
        return _(_RESULT_LABELS[self])

    @property
    def short(self) -> str:
        """The answer in a table column and on its key: voldoet, deels, niet, n.v.t."""
        return _(_RESULT_SHORT[self])

    @property
    def answered(self) -> bool:
        return self is not Result.NOT_ASSESSED


_RESULT_SHORT = {
    "voldoet": N_("compliant"),
    "voldoet_deels": N_("partly"),
    "voldoet_niet": N_("not"),
    "nvt": N_("n/a"),
    "nog_niet": "·",
}

_RESULT_LABELS = {
    Result.COMPLIANT: N_("compliant"),
    Result.PARTLY: N_("partly compliant"),
    Result.NOT_COMPLIANT: N_("not compliant"),
    Result.NOT_APPLICABLE: N_("not applicable"),
    Result.NOT_ASSESSED: N_("not yet assessed"),
}


class Step(IntEnum):
    """The ten steps of the Kwaliteit@ cycle (seed 000)."""

    INTAKE = 1
    MT_SESSION = 2
    MEMBERSHIP = 3
    BASIS = 4
    TRANSLATE_PROMISES = 5
    TRAIN_STAFF = 6
    MAKE_VISIBLE = 7
    VISITATION = 8
    CIRKEL = 9
    LEARNING_NETWORK = 10

    @property
    def label(self) -> str:
        return _(_STEP_LABELS[self])


_STEP_LABELS = {
    Step.INTAKE: N_("Introduction and intake"),
    Step.MT_SESSION: N_("Inspiration session with the management team"),
    Step.MEMBERSHIP: N_("Membership"),
    Step.BASIS: N_("Basis op orde"),
    Step.TRANSLATE_PROMISES: N_("Translate the client promises to the location"),
    Step.TRAIN_STAFF: N_("Train the staff"),
    Step.MAKE_VISIBLE: N_("Make the client promises visible"),
    Step.VISITATION: N_("Appreciative visitation"),
    Step.CIRKEL: N_("Cirkel van Kwaliteit@"),
    Step.LEARNING_NETWORK: N_("Learning network"),
}


class StepStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return _(LABELS[self])


class StepEventKind(StrEnum):
    """What happened to a step, in its history (``stepevent.event``)."""

    STARTED = "started"
    COMPLETED = "completed"
    REOPENED = "reopened"
    START_UNDONE = "start_undone"
    """An assessment's start of the step undone by cancelling it (``services.step_undo``)."""

    @property
    def label(self) -> str:
        return _(LABELS[self])


def step_event_label(event: str) -> str:
    """A stored step-history event in the user's language (an unknown one as stored)."""
    try:
        return StepEventKind(event).label
    except ValueError:
        return event


class MtDecision(StrEnum):
    GO = "go"
    NO_GO = "no_go"
    LATER = "later"

    @property
    def label(self) -> str:
        return _(LABELS[self])


class AssessmentKind(StrEnum):
    SELF_EVALUATION = "self_evaluation"
    AUDIT_VISIT = "audit_visit"
    VISITATION = "visitation"
    CIRKEL = "cirkel"
    READINESS_SCAN = "readiness_scan"

    @property
    def label(self) -> str:
        return _(_KIND_LABELS[self])

    @property
    def checklist_kind(self) -> str:
        """The kind of checklist file this assessment is made with."""
        kinds = {"visitation": "visitation", "cirkel": "cirkel", "readiness_scan": "readiness"}
        return kinds.get(self.value, "basis")


_KIND_LABELS = {
    AssessmentKind.SELF_EVALUATION: N_("self-evaluation"),
    AssessmentKind.AUDIT_VISIT: N_("audit visit"),
    AssessmentKind.VISITATION: N_("appreciative visitation"),
    AssessmentKind.CIRKEL: N_("Cirkel van Kwaliteit@ assessment"),
    AssessmentKind.READINESS_SCAN: N_("readiness scan"),
}


class AssessmentStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    """Started by mistake: kept and logged, left out of scores, reports and planning."""

    @property
    def label(self) -> str:
        return _(LABELS[self])


class Role(StrEnum):
    AUDITOR = "auditor"
    PEER_VISITOR = "peer_visitor"
    ASSESSOR = "assessor"
    LOCATION_CONTACT = "location_contact"
    COOPERATIVE_STAFF = "cooperative_staff"


class InterviewGroup(StrEnum):
    RESIDENTS = "residents"
    STAFF = "staff"
    FAMILY = "family"
    MANAGEMENT = "management"
    CLIENT_COUNCIL = "client_council"
    VOLUNTEERS = "volunteers"

    @property
    def label(self) -> str:
        return _(LABELS[self])


class FindingKind(StrEnum):
    STRENGTH = "strength"
    IMPROVEMENT = "improvement"

    @property
    def label(self) -> str:
        return _(LABELS[self])


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _(LABELS[self])


class EventKind(StrEnum):
    INTAKE = "intake"
    MT_SESSION = "mt_session"
    AUDIT_VISIT = "audit_visit"
    TRAINING = "training"
    VISITATION = "visitation"
    CIRKEL = "cirkel"
    NETWORK_MEETING = "network_meeting"

    @property
    def label(self) -> str:
        """The event's full name (reports)."""
        return _(LABELS[self])

    @property
    def short(self) -> str:
        """The event's name in a table column."""
        return _(_EVENT_SHORT[self])


class EventStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _(LABELS[self])


class ConflictKind(StrEnum):
    """Why a person may not assess an organisation's locations."""

    EMPLOYED = "employed"
    ADVISES = "advises"
    AUDITED = "audited"
    OTHER = "other"


class EvidenceKind(StrEnum):
    """What a measurement point is checked against (``evidence`` in a checklist file)."""

    DOCUMENT = "document"
    RECORD_SAMPLE = "record_sample"
    OBSERVATION = "observation"
    INTERVIEW = "interview"
    SYSTEM = "system"

    @property
    def label(self) -> str:
        return _(LABELS[self])


def evidence_label(kind: str) -> str:
    """The evidence kind in the user's language (an unknown kind as it is written)."""
    try:
        return EvidenceKind(kind).label
    except ValueError:
        return kind


LABELS: dict[StrEnum, str] = {
    StepStatus.NOT_STARTED: N_("not started"),
    StepStatus.IN_PROGRESS: N_("in progress"),
    StepStatus.DONE: N_("done"),
    StepEventKind.STARTED: N_("started"),
    StepEventKind.COMPLETED: N_("completed"),
    StepEventKind.REOPENED: N_("reopened"),
    StepEventKind.START_UNDONE: N_("start undone"),
    MtDecision.GO: N_("go"),
    MtDecision.NO_GO: N_("no go"),
    MtDecision.LATER: N_("later"),
    AssessmentStatus.OPEN: N_("open"),
    AssessmentStatus.CLOSED: N_("closed"),
    AssessmentStatus.CANCELLED: N_("cancelled"),
    InterviewGroup.RESIDENTS: N_("residents"),
    InterviewGroup.STAFF: N_("staff"),
    InterviewGroup.FAMILY: N_("family"),
    InterviewGroup.MANAGEMENT: N_("management"),
    InterviewGroup.CLIENT_COUNCIL: N_("client council"),
    InterviewGroup.VOLUNTEERS: N_("volunteers"),
    FindingKind.STRENGTH: N_("strength"),
    FindingKind.IMPROVEMENT: N_("point of improvement"),
    ActionStatus.OPEN: N_("open"),
    ActionStatus.IN_PROGRESS: N_("in progress"),
    ActionStatus.DONE: N_("done"),
    ActionStatus.CANCELLED: N_("cancelled"),
    EventKind.INTAKE: N_("intake"),
    EventKind.MT_SESSION: N_("inspiration session with the management team"),
    EventKind.AUDIT_VISIT: N_("audit visit"),
    EventKind.TRAINING: N_("staff training"),
    EventKind.VISITATION: N_("appreciative visitation"),
    EventKind.CIRKEL: N_("Cirkel van Kwaliteit@ assessment"),
    EventKind.NETWORK_MEETING: N_("learning network meeting"),
    EventStatus.PLANNED: N_("planned"),
    EventStatus.DONE: N_("done"),
    EventStatus.MISSED: N_("missed"),
    EventStatus.CANCELLED: N_("cancelled"),
    EvidenceKind.DOCUMENT: N_("document"),
    EvidenceKind.RECORD_SAMPLE: N_("record sample"),
    EvidenceKind.OBSERVATION: N_("observation"),
    EvidenceKind.INTERVIEW: N_("interview"),
    EvidenceKind.SYSTEM: N_("system check"),
}
"""Every stored value's name, for people: the one vocabulary of the UI, reports, Excel
and the planner (translated when read)."""

_EVENT_SHORT = {
    EventKind.INTAKE: N_("intake"),
    EventKind.MT_SESSION: N_("MT session"),
    EventKind.AUDIT_VISIT: N_("audit visit"),
    EventKind.TRAINING: N_("training"),
    EventKind.VISITATION: N_("visitation"),
    EventKind.CIRKEL: N_("Cirkel assessment"),
    EventKind.NETWORK_MEETING: N_("network meeting"),
}


class Outcome(StrEnum):
    SUFFICIENT = "sufficient"
    INSUFFICIENT = "insufficient"
    INCOMPLETE = "incomplete"
    CONDITIONAL = "conditional"
    """Op orde onder voorwaarde: repair within the term, then a re-check of what failed."""
    NOT_JUDGED = "not_judged"
    """An appreciative visitation: strengths and tips, no pass or fail."""

    @property
    def label(self) -> str:
        """The outcome of a Basis op orde audit or Cirkel re-check."""
        return _(_OUTCOME_LABELS[self])

    def label_for(self, checklist_kind: str) -> str:
        """The outcome in the words of the checklist's kind (a visitation judges promises)."""
        if checklist_kind == "visitation":
            return _(_VISITATION_LABELS[self])
        if checklist_kind == "readiness":
            return _(_READINESS_LABELS[self])
        return self.label


_OUTCOME_LABELS = {
    Outcome.SUFFICIENT: N_("basis sufficiently in order"),
    Outcome.INSUFFICIENT: N_("basis not sufficiently in order"),
    Outcome.INCOMPLETE: N_("not all points assessed yet"),
    Outcome.CONDITIONAL: N_("basis in order on condition (repair, then a re-check)"),
    Outcome.NOT_JUDGED: N_("appreciative: no verdict"),
}
_VISITATION_LABELS = {
    Outcome.SUFFICIENT: N_("promises kept and perceivable"),
    Outcome.INSUFFICIENT: N_("promises not yet kept everywhere"),
    Outcome.INCOMPLETE: N_("not all points assessed yet"),
    Outcome.CONDITIONAL: N_("promises kept on condition"),
    Outcome.NOT_JUDGED: N_("appreciative: strengths and tips, no verdict"),
}

_READINESS_LABELS = {
    Outcome.SUFFICIENT: N_("readiness scan complete"),
    Outcome.INSUFFICIENT: N_("readiness scan complete"),
    Outcome.INCOMPLETE: N_("not all statements answered yet"),
}
