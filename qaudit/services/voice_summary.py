"""The figures of the client's voice for a location (or all), a unit and a period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.checklists import shipped_catalogue
from qaudit.config import ClientVoiceSettings
from qaudit.domain import clientvoice as cv
from qaudit.domain.clientvoice_enums import ActionSource, Parameter
from qaudit.domain.clientvoice_rhythm import Period, year_of
from qaudit.domain.clientvoice_summary import Figures, ResponseRow, figures
from qaudit.domain.models import (
    ClientUnit,
    ExternalAggregate,
    FeedbackResponse,
    ImprovementAction,
    Location,
)
from qaudit.services import locations
from qaudit.services.voice_feedback import unit_id_by_name
from qaudit.storage import transaction


def targets_of(settings: ClientVoiceSettings | None) -> cv.Targets:
    s = settings or ClientVoiceSettings()
    return cv.Targets(
        nps=s.nps_target,
        satisfaction=s.satisfaction_target,
        parameters=s.parameter_target,
        promises=s.promise_target,
        min_responses=s.min_responses,
        actions_min=s.actions_min,
        actions_max=s.actions_max,
    )


@dataclass(frozen=True)
class UnitFigures:
    unit_id: int | None
    name: str
    figures: Figures
    feedback_actions: int
    action_check: str
    """``too_few`` / ``in_range`` / ``too_many`` improvement actions from feedback."""


@dataclass(frozen=True)
class Summary:
    location: Location | None
    period: Period
    unit: str | None
    figures: Figures
    units: tuple[UnitFigures, ...]
    aggregates: tuple[ExternalAggregate, ...]
    titles: dict[str, str]
    """Promise id → title."""

    def as_json(self) -> dict[str, object]:
        where = self.location
        return {
            "location": None if where is None else {"id": where.id, "code": where.code},
            "period": str(self.period),
            "from": self.period.start.isoformat(),
            "until": self.period.end.isoformat(),
            "unit": self.unit,
            **self.figures.as_json(),
            "units": [
                {
                    "unit": u.name,
                    "responses": u.figures.responses,
                    "nps": u.figures.nps.as_json(1),
                    "satisfaction": u.figures.satisfaction.as_json(),
                    "actions_from_feedback": u.feedback_actions,
                    "action_check": u.action_check,
                }
                for u in self.units
            ],
            "aggregates": [
                {"source": a.source, "period": a.period, "score": a.score, "count": a.count}
                for a in self.aggregates
            ],
        }


def summary(
    engine: Engine,
    location_id: int | None,
    period: Period | None = None,
    targets: cv.Targets | None = None,
    unit: str | None = None,
    today: date | None = None,
) -> Summary:
    period = period or year_of(today or date.today())
    targets = targets or cv.Targets()
    promise_titles = {p.id: p.title for p in shipped_catalogue().promises.promises}
    with transaction(engine) as session:
        location = locations.readable(session, location_id) if location_id is not None else None
        unit_id = unit_id_by_name(session, location_id, unit) if location_id and unit else None
        rows = response_rows(session, location_id, period.start, period.end)
        chosen = [r for r in rows if unit_id is None or r.unit_id == unit_id]
        overall = figures(chosen, promise_titles, targets)
        per_unit = _units(session, location_id, period, rows, targets) if location_id else ()
        aggregates = _aggregates(session, location_id, period)
    return Summary(location, period, unit, overall, tuple(per_unit), aggregates, promise_titles)


def response_rows(
    session: Session, location_id: int | None, start: date, end: date
) -> list[ResponseRow]:
    """The responses of a location (None: all) received from ``start`` to ``end``."""
    names = [p.value for p in Parameter]
    query = sa.select(
        col(FeedbackResponse.responded_on),
        col(FeedbackResponse.unit_id),
        col(FeedbackResponse.group),
        col(FeedbackResponse.recommend),
        col(FeedbackResponse.promises),
        *(col(getattr(FeedbackResponse, name)) for name in names),
    ).where(col(FeedbackResponse.responded_on) >= start, col(FeedbackResponse.responded_on) <= end)
    if location_id is not None:
        query = query.where(col(FeedbackResponse.location_id) == location_id)
    return [
        ResponseRow(
            day, unit_id, group, recommend, dict(zip(Parameter, scores, strict=True)), promises
        )
        for day, unit_id, group, recommend, promises, *scores in session.execute(query)
    ]


def feedback_actions(session: Session, location_id: int, period: Period) -> dict[int | None, int]:
    """Improvement actions from client feedback created in ``period``, per unit."""
    counts: dict[int | None, int] = {}
    query = select(col(ImprovementAction.unit_id)).where(
        ImprovementAction.location_id == location_id,
        ImprovementAction.source == ActionSource.FEEDBACK,
        col(ImprovementAction.created_on) >= period.start,
        col(ImprovementAction.created_on) <= period.end,
    )
    for unit_id in session.exec(query):
        counts[unit_id] = counts.get(unit_id, 0) + 1
    return counts


def _units(
    session: Session,
    location_id: int,
    period: Period,
    rows: Sequence[ResponseRow],
    targets: cv.Targets,
) -> list[UnitFigures]:
    actions = feedback_actions(session, location_id, period)
    units = session.exec(
        select(ClientUnit)
        .where(ClientUnit.location_id == location_id)
        .order_by(col(ClientUnit.name))
    )
    result = []
    for unit in units:
        own = [r for r in rows if r.unit_id == unit.id]
        count = actions.get(unit.id, 0)
        check = cv.action_check(count, targets.actions_min, targets.actions_max)
        result.append(UnitFigures(unit.id, unit.name, figures(own, (), targets), count, check))
    return result


def _aggregates(
    session: Session, location_id: int | None, period: Period
) -> tuple[ExternalAggregate, ...]:
    query = select(ExternalAggregate).order_by(
        col(ExternalAggregate.period), col(ExternalAggregate.source)
    )
    if location_id is not None:
        query = query.where(ExternalAggregate.location_id == location_id)
    prefix = str(period.year)
    return tuple(
        a
        for a in session.exec(query)
        if a.period == str(period) or (period.quarter is None and a.period.startswith(prefix))
    )
