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
    def answered(self) -> bool:
        return self is not Result.NOT_ASSESSED


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


class MtDecision(StrEnum):
    GO = "go"
    NO_GO = "no_go"
    LATER = "later"


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

    @property
    def label(self) -> str:
        return _(N_("open") if self is AssessmentStatus.OPEN else N_("closed"))


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


class FindingKind(StrEnum):
    STRENGTH = "strength"
    IMPROVEMENT = "improvement"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class EventKind(StrEnum):
    INTAKE = "intake"
    MT_SESSION = "mt_session"
    AUDIT_VISIT = "audit_visit"
    TRAINING = "training"
    VISITATION = "visitation"
    CIRKEL = "cirkel"
    NETWORK_MEETING = "network_meeting"


class EventStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    MISSED = "missed"
    CANCELLED = "cancelled"


class ConflictKind(StrEnum):
    """Why a person may not assess an organisation's locations."""

    EMPLOYED = "employed"
    ADVISES = "advises"
    AUDITED = "audited"
    OTHER = "other"
