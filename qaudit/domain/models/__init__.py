"""All tables. Importing this module registers them on ``SQLModel.metadata``."""

import qaudit.domain.models.access
import qaudit.domain.models.profile  # noqa: F401 - registers the issue-17 tables
from qaudit.domain.models._base import utcnow
from qaudit.domain.models.assessment import (
    Answer,
    Assessment,
    ChecklistVersion,
    Finding,
    ImprovementAction,
    Interview,
    Recommendation,
)
from qaudit.domain.models.audit import AuditLog
from qaudit.domain.models.clientvoice import *  # noqa: F403  (issue 12: the client's voice)
from qaudit.domain.models.cycle import (
    CycleStep,
    EventAssignment,
    NetworkAttendance,
    NetworkMeeting,
    ScheduledEvent,
    StepEvent,
)
from qaudit.domain.models.evidence import AnswerEvidence, EvidenceFile
from qaudit.domain.models.network import GoodPractice, NetworkConsent, SharedPractice
from qaudit.domain.models.organisation import (
    Absence,
    ConflictOfInterest,
    Location,
    Membership,
    Organisation,
    Person,
    RoleAssignment,
)
from qaudit.domain.models.rollout import PromiseTranslation, TrainingSession, VisibilityItem
from qaudit.domain.models.snapshot import ReferenceAnswer

__all__ = [
    "Absence",
    "Answer",
    "AnswerEvidence",
    "Assessment",
    "AuditLog",
    "ChecklistVersion",
    "ConflictOfInterest",
    "CycleStep",
    "EventAssignment",
    "EvidenceFile",
    "Finding",
    "GoodPractice",
    "ImprovementAction",
    "Interview",
    "Location",
    "Membership",
    "NetworkAttendance",
    "NetworkConsent",
    "NetworkMeeting",
    "Organisation",
    "Person",
    "PromiseTranslation",
    "Recommendation",
    "ReferenceAnswer",
    "RoleAssignment",
    "ScheduledEvent",
    "SharedPractice",
    "StepEvent",
    "TrainingSession",
    "VisibilityItem",
    "utcnow",
]
