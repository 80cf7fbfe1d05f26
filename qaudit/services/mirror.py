"""The figures of the anonymised comparison, read from the database (see domain/mirror.py).

Client-experience figures plug in through :data:`CLIENT_SOURCES`: a function that returns
``{location_id: {metric: {year: percent}}}`` with metric names starting ``client:`` (e.g.
``client:satisfaction``). The comparison treats them like every other metric.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from qaudit.checklists import Catalogue, ChecklistSpec, Point, shipped_catalogue
from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Result
from qaudit.domain.mirror import (
    LocationFigures,
    Mirror,
    NetworkIndex,
    mirror,
    size_class,
    trend_medians,
    yearly_indexes,
    years_of,
)
from qaudit.domain.models import Answer, Assessment, Location, Organisation
from qaudit.domain.scoring import Score, score, tally
from qaudit.domain.verdict import Outcome
from qaudit.errors import Refused
from qaudit.i18n import N_, _
from qaudit.services import checklists, locations

ClientSource = Callable[[Session], Mapping[int, Mapping[str, Mapping[int, float]]]]
CLIENT_SOURCES: list[ClientSource] = []
"""Sources of client-experience figures (the client-voice feature registers one here)."""

COMPARED = (AssessmentKind.AUDIT_VISIT, AssessmentKind.CIRKEL, AssessmentKind.VISITATION)
_FIXED_LABELS = {
    "basis:overall": N_("Basis op orde, overall"),
    "verdict": N_("Verdicts: basis in order"),
    "cirkel:overall": N_("Cirkel van Kwaliteit@, overall"),
    "visitation:overall": N_("Appreciative visitation, overall"),
}


@dataclass(frozen=True)
class Figures:
    """Every member location's history, and the labels of the metrics."""

    locations: tuple[LocationFigures, ...]
    labels: dict[str, str]

    def metrics(self, prefix: str = "") -> list[str]:
        return [m for m in self.labels if m.startswith(prefix)]


def member_figures(
    session: Session, *, today: date | None = None, catalogue: Catalogue | None = None
) -> Figures:
    """The comparison's input: one entry per location of a member organisation."""
    members = [
        loc
        for loc in session.exec(select(Location).order_by(col(Location.code)))
        if locations.is_member(session, loc.organisation_id, today)
    ]
    ids = [loc.id for loc in members]
    values: dict[int, dict[str, dict[int, float]]] = {i: {} for i in ids if i is not None}
    verdicts: dict[int, dict[int, bool]] = {i: {} for i in values}
    _add_assessments(session, values, verdicts, catalogue or shipped_catalogue())
    for source in CLIENT_SOURCES:
        for location_id, metrics in source(session).items():
            for metric, by_year in metrics.items():
                if location_id in values:
                    values[location_id].setdefault(metric, {}).update(by_year)
    figures = tuple(
        LocationFigures(
            loc.id,
            size_class(loc.residents),
            loc.region or "",
            values[loc.id],
            verdicts[loc.id],
        )
        for loc in members
        if loc.id is not None
    )
    return Figures(figures, _labels(figures, catalogue))


def _add_assessments(
    session: Session,
    values: dict[int, dict[str, dict[int, float]]],
    verdicts: dict[int, dict[int, bool]],
    catalogue: Catalogue,
) -> None:
    found = session.exec(
        select(Assessment)
        .where(
            col(Assessment.location_id).in_(list(values)),
            col(Assessment.kind).in_(COMPARED),
            Assessment.status == AssessmentStatus.CLOSED,
        )
        .order_by(col(Assessment.started_on), col(Assessment.id))
    ).all()
    basis_theme = {
        point.id: theme.id
        for theme in shipped_catalogue().for_kind("basis").themes
        for point in theme.points
    }
    answers: dict[int, dict[str, Result]] = {}
    ids = [a.id for a in found]
    for chunk in range(0, len(ids), 500):
        rows = session.exec(
            select(Answer.assessment_id, Answer.point_id, Answer.result).where(
                col(Answer.assessment_id).in_(ids[chunk : chunk + 500])
            )
        )
        for assessment_id, point_id, result in rows:
            answers.setdefault(assessment_id, {})[point_id] = Result(result)
    for assessment in found:
        assert assessment.id is not None
        spec = checklists.spec_of_assessment(session, assessment)
        results = answers.get(assessment.id, {})
        scored = score(spec, results)
        own = values[assessment.location_id]
        year = assessment.started_on.year
        found_metrics = _metrics(assessment.kind, scored)
        if assessment.kind is AssessmentKind.CIRKEL:
            found_metrics += _rechecked_basis(spec, results, basis_theme)
        for metric, percent in found_metrics:
            if percent is not None:
                own.setdefault(metric, {})[year] = percent
        judged = assessment.outcome in (Outcome.SUFFICIENT, Outcome.INSUFFICIENT)
        if judged and assessment.kind is not AssessmentKind.VISITATION:
            sufficient = assessment.outcome is Outcome.SUFFICIENT
            verdicts[assessment.location_id][year] = sufficient


def _metrics(kind: AssessmentKind, scored: Score) -> list[tuple[str, float | None]]:
    themes = [(t.theme.id, t.tally.percent) for t in scored.themes]
    overall = scored.overall.percent
    if kind is AssessmentKind.AUDIT_VISIT:
        return [("basis:overall", overall)] + [(f"basis:{tid}", p) for tid, p in themes]
    if kind is AssessmentKind.CIRKEL:
        promises = [(f"promise:{tid[1:]}", p) for tid, p in themes if tid.startswith("CKB")]
        return [("cirkel:overall", overall), *promises]
    return [("visitation:overall", overall)] + [
        (f"promise:{tid}", p) for tid, p in themes if tid.startswith("KB")
    ]


def _rechecked_basis(
    spec: ChecklistSpec, results: Mapping[str, Result], basis_theme: Mapping[str, str]
) -> list[tuple[str, float | None]]:
    """A Cirkel re-checks Basis op orde points: their score per basis theme they refer to."""
    by_theme: dict[str, list[Point]] = {}
    for point in spec.points:
        theme = next((basis_theme[r] for r in point.refs if r in basis_theme), None)
        if theme is not None:
            by_theme.setdefault(theme, []).append(point)
    if not by_theme:
        return []
    rechecked = [p for points in by_theme.values() for p in points]
    out = [("basis:overall", tally(rechecked, results).percent)]
    return out + [(f"basis:{t}", tally(points, results).percent) for t, points in by_theme.items()]


def _labels(figures: tuple[LocationFigures, ...], catalogue: Catalogue | None) -> dict[str, str]:
    shipped = catalogue or shipped_catalogue()
    names = {f"basis:{t.id}": f"{t.id} {t.title}" for t in shipped.for_kind("basis").themes}
    names |= {f"promise:{p.id}": f"{p.id} {p.title}" for p in shipped.promises.promises}
    present = {m for loc in figures for m in loc.values} | {"verdict"}
    ordered = ["basis:overall", *sorted(m for m in present if m.startswith("basis:T"))]
    ordered += ["verdict", "cirkel:overall", "visitation:overall"]
    ordered += sorted(m for m in present if m.startswith("promise:"))
    ordered += sorted(m for m in present if m.startswith("client:"))
    out = {}
    for metric in ordered:
        if metric in _FIXED_LABELS:
            out[metric] = _(_FIXED_LABELS[metric])
        elif metric in present:
            out[metric] = names.get(metric, metric.split(":", 1)[1])
    return out


@dataclass(frozen=True)
class LocationMirror:
    code: str
    name: str
    organisation: str
    mirror: Mirror
    labels: dict[str, str]
    members: int
    """How many member locations the comparison covers."""


def location_mirror(
    session: Session,
    location_id: int,
    *,
    year: int | None = None,
    today: date | None = None,
    catalogue: Catalogue | None = None,
) -> LocationMirror:
    """The mirror of one member location (its own name only; everyone else anonymous)."""
    location = locations.get(session, location_id)
    figures = member_figures(session, today=today, catalogue=catalogue)
    if not any(f.key == location_id for f in figures.locations):
        message = _(
            "location {code} is not a member location: the comparison is only among members"
        )
        raise Refused(message.format(code=location.code))
    years = years_of(figures.locations)
    current = year or (years[-1] if years else (today or date.today()).year)
    index = NetworkIndex(figures.locations, current)
    trend_years = [y for y in years if y <= current]
    medians = trend_medians(yearly_indexes(figures.locations, trend_years))
    seen = mirror(index, location_id, list(figures.labels), medians)
    organisation = session.get(Organisation, location.organisation_id)
    return LocationMirror(
        location.code,
        location.name,
        organisation.name if organisation else "",
        seen,
        figures.labels,
        len(figures.locations),
    )
