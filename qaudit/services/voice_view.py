"""Everything about a location's client voice at once: for its screen and its report.

One typed view: the figures of a period against the targets, the NPS of each of the last
eight quarters, the evaluation rhythm, and the open complaints and actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from qaudit.domain import clientvoice as cv
from qaudit.domain.clientvoice_rhythm import Period, RhythmStatus, year_of
from qaudit.domain.clientvoice_summary import last_quarters, quarterly_nps
from qaudit.services import voice_register, voice_rhythm, voice_summary
from qaudit.services.voice_register import ComplaintRow
from qaudit.services.voice_rhythm import ActionRow
from qaudit.storage import transaction

TREND_QUARTERS = 8


@dataclass(frozen=True)
class ClientVoiceView:
    location_id: int
    code: str
    name: str
    organisation: str
    city: str
    today: date
    targets: cv.Targets
    summary: voice_summary.Summary
    trend: tuple[tuple[Period, cv.Figure], ...]
    rhythm: tuple[RhythmStatus, ...]
    complaints: tuple[ComplaintRow, ...]
    """This period's complaints and every one still open."""
    actions: tuple[ActionRow, ...]
    """Open improvement actions."""

    @property
    def open_complaints(self) -> list[ComplaintRow]:
        return [c for c in self.complaints if c.open]


def client_voice(
    engine: Engine,
    location_id: int,
    targets: cv.Targets | None = None,
    period: Period | None = None,
    today: date | None = None,
) -> ClientVoiceView:
    today = today or date.today()
    targets = targets or cv.Targets()
    period = period or year_of(today)
    summary = voice_summary.summary(engine, location_id, period, targets, today=today)
    quarters = last_quarters(min(today, period.end), TREND_QUARTERS)
    with transaction(engine) as session:
        rows = voice_summary.response_rows(session, location_id, quarters[0].start, today)
        location = summary.location
        assert location is not None
        from qaudit.domain.models import Organisation

        organisation = session.get(Organisation, location.organisation_id)
    trend = tuple(quarterly_nps(rows, quarters, targets))
    complaints = [
        c
        for c in voice_register.complaints(engine, location_id, today=today)
        if c.open or period.contains(c.complaint.received_on)
    ]
    return ClientVoiceView(
        location_id,
        location.code,
        location.name,
        organisation.name if organisation else "",
        location.city,
        today,
        targets,
        summary,
        trend,
        tuple(voice_rhythm.rhythm_of(engine, location_id, today)),
        tuple(complaints),
        tuple(voice_rhythm.actions(engine, location_id, only_open=True)),
    )


def promise_perception(
    engine: Engine, assessment_id: int, targets: cv.Targets | None = None
) -> dict[str, cv.Figure]:
    """For a visitation or Cirkel: per promise, the share of respondents who noticed it kept
    in the twelve months before the assessment started (empty for other assessments)."""
    from datetime import timedelta

    from qaudit.checklists import shipped_catalogue
    from qaudit.domain.clientvoice_summary import figures
    from qaudit.domain.enums import AssessmentKind
    from qaudit.domain.models import Assessment

    with transaction(engine) as session:
        assessment = session.get(Assessment, assessment_id)
        if assessment is None or assessment.kind not in (
            AssessmentKind.VISITATION,
            AssessmentKind.CIRKEL,
        ):
            return {}
        end = assessment.started_on
        rows = voice_summary.response_rows(
            session, assessment.location_id, end - timedelta(days=365), end
        )
    if not rows:
        return {}
    ids = shipped_catalogue().promises.promise_index
    result = figures(rows, ids, targets or cv.Targets())
    return {p.promise_id: p.kept for p in result.promises if p.kept.n}
