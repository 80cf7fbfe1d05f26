"""What a report is made from: plain, immutable data gathered by the service layer.

The context builders take these and nothing else (no database, no files), so they are pure
functions that tests can call with hand-made data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from qaudit.domain.enums import (
    ActionStatus,
    AssessmentKind,
    AssessmentStatus,
    EventKind,
    EventStatus,
    FindingKind,
    InterviewGroup,
    Result,
    Step,
)

if TYPE_CHECKING:
    from qaudit.checklists.spec import ChecklistSpec, PromiseSetSpec
    from qaudit.domain.verdict import Outcome


@dataclass(frozen=True)
class AnswerRow:
    result: Result
    note: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class AssessmentData:
    """One assessment with its pinned checklist and its answers by point id."""

    id: int
    kind: AssessmentKind
    status: AssessmentStatus
    started_on: date
    spec: ChecklistSpec
    answers: Mapping[str, AnswerRow] = field(default_factory=dict)
    closed_at: datetime | None = None
    summary: str = ""
    quality_advice: str = ""
    people: tuple[str, ...] = ()
    """Auditors, assessors or peer visitors (names), the lead first."""

    @property
    def results(self) -> dict[str, Result]:
        return {point_id: answer.result for point_id, answer in self.answers.items()}

    @property
    def closed(self) -> bool:
        return self.status is AssessmentStatus.CLOSED


@dataclass(frozen=True)
class Place:
    """A location or an organisation, as a report names it."""

    name: str
    code: str = ""
    city: str = ""
    region: str = ""
    residents: int = 0
    staff: int = 0


@dataclass(frozen=True)
class PhotoRow:
    """A photo attached as evidence to a point (JPEG or PNG bytes), for the appendix."""

    point_id: str
    name: str
    data: bytes


@dataclass(frozen=True)
class InterviewRow:
    group: InterviewGroup
    participants: int
    held_on: date
    notes: str = ""


@dataclass(frozen=True)
class FindingRow:
    kind: FindingKind
    text: str
    point_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecommendationRow:
    text: str
    point_ids: tuple[str, ...] = ()
    """The points of the finding it answers, if any."""


@dataclass(frozen=True)
class ActionRow:
    title: str
    owner: str = ""
    deadline: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    promise_id: str | None = None


@dataclass(frozen=True)
class EventRow:
    kind: EventKind
    status: EventStatus
    planned_on: date | None = None
    window_start: date | None = None
    window_end: date | None = None
    location: str = ""
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class AssessmentReport:
    """Everything the audit, visitation, Cirkel and advice reports are made from."""

    assessment: AssessmentData
    location: Place
    organisation: Place
    today: date
    current_step: Step = Step.BASIS
    reference: AssessmentData | None = None
    """For an audit visit: the location's self-evaluation."""
    interviews: tuple[InterviewRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()
    recommendations: tuple[RecommendationRow, ...] = ()
    actions: tuple[ActionRow, ...] = ()
    events: tuple[EventRow, ...] = ()
    """The location's planned events (the next steps), earliest first."""
    visiting_organisation: str = ""
    promises: PromiseSetSpec | None = None
    translations: Mapping[str, str] = field(default_factory=dict)
    """Client promise id -> how the location applies it."""
    history: tuple[AssessmentData, ...] = ()
    """Earlier closed assessments of the location (audit visits, visitations, Cirkels)."""
    notes_purged_on: date | None = None
    """When the interview notes were removed under the retention rule (None: they were not)."""
    learning_question: tuple[str, str] | None = None
    """A visitation's leervraag and its answer (issue 17), if the location recorded one."""
    photos: tuple[PhotoRow, ...] = ()
    """Photos attached as evidence to the assessment's answers (issue 15)."""


@dataclass(frozen=True)
class LocationSummary:
    """One line of the cooperative overview."""

    location: Place
    organisation: str
    step: Step
    basis_percent: float | None = None
    basis_outcome: Outcome | None = None
    basis_date: date | None = None
    open_kind: AssessmentKind | None = None
    open_answered: int = 0
    open_total: int = 0


@dataclass(frozen=True)
class OverviewReport:
    locations: tuple[LocationSummary, ...]
    events: tuple[EventRow, ...]
    today: date
    cooperative: str = ""
