"""Names of the cycle's values as a report prints them (translated when shown)."""

from __future__ import annotations

from enum import Enum

from qaudit.domain.enums import (
    ActionStatus,
    AssessmentStatus,
    EventKind,
    EventStatus,
    FindingKind,
    InterviewGroup,
)
from qaudit.i18n import N_, _

_LABELS: dict[Enum, str] = {
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
    InterviewGroup.RESIDENTS: N_("residents"),
    InterviewGroup.STAFF: N_("staff"),
    InterviewGroup.FAMILY: N_("family"),
    InterviewGroup.MANAGEMENT: N_("management"),
    InterviewGroup.CLIENT_COUNCIL: N_("client council"),
    InterviewGroup.VOLUNTEERS: N_("volunteers"),
    ActionStatus.OPEN: N_("open"),
    ActionStatus.IN_PROGRESS: N_("in progress"),
    ActionStatus.DONE: N_("done"),
    ActionStatus.CANCELLED: N_("cancelled"),
    FindingKind.STRENGTH: N_("strength"),
    FindingKind.IMPROVEMENT: N_("point of improvement"),
    AssessmentStatus.OPEN: N_("open"),
    AssessmentStatus.CLOSED: N_("closed"),
}


def label(value: Enum) -> str:
    """The translated name of an enum value (the value itself if it has no name here)."""
    message = _LABELS.get(value)
    if message is not None:
        return _(message)
    named = getattr(value, "label", None)
    return named if isinstance(named, str) else str(value.value)
