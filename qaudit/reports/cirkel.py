"""The Cirkel van Kwaliteit@ report: the basis re-checked, the promises applied and perceived,
and how it compares with the previous Cirkel and the visitation in between."""

from __future__ import annotations

from qaudit.domain.enums import AssessmentKind
from qaudit.domain.scoring import Tally, score
from qaudit.domain.verdict import verdict
from qaudit.i18n import _
from qaudit.reports.common import (
    Context,
    answer_context,
    appendix,
    cover,
    next_steps,
    point_context,
    score_sections,
)
from qaudit.reports.data import AssessmentData, AssessmentReport
from qaudit.reports.formatting import Formatter, clean
from qaudit.reports.photos import photo_context
from qaudit.reports.promises import (
    is_perception,
    part_percent,
    points_per_promise,
    promise_of_theme,
    promise_tallies,
    promise_title,
)
from qaudit.reports.wording import not_yet


def build_context(data: AssessmentReport, fmt: Formatter) -> Context:
    a = data.assessment
    spec = a.spec
    judged = verdict(spec, a.results)
    previous = latest(data, AssessmentKind.CIRKEL)
    visitation = latest(data, AssessmentKind.VISITATION)
    audit = latest(data, AssessmentKind.AUDIT_VISIT)
    ids = promise_ids(data)
    context = cover(data, fmt, _("Cirkel van Kwaliteit@ report"))
    photos = data.photos
    context.update(
        dates={
            "assessment": fmt.date(a.started_on),
            "closed": fmt.date(a.closed_at) if a.closed_at else _("still open"),
        },
        **score_sections(judged, spec, fmt, a.results, ids),
        critical_failed=[_row(a, pid) for pid in judged.score.overall.critical_failed],
        recheck=recheck(a, audit, fmt),
        promises=promise_rows(data, fmt),
        comparison=comparison(data, previous, visitation, fmt),
        has_previous=previous is not None,
        has_visitation=visitation is not None,
        next_steps=next_steps(data, fmt, judged.outcome),
        appendix=[{**t, "id": ids.get(t["id"], t["id"])} for t in appendix(spec, {"result": a})],
        photos=[{**f, "point": ids.get(f["point"], f["point"])} for f in photo_context(photos)],
    )
    return context


def promise_ids(data: AssessmentReport) -> dict[str, str]:
    """Theme id -> the id of the client promise it checks ("CKB01" -> "KB01"), so every
    table of the report names a promise the same way."""
    known = data.promises.promise_index if data.promises else {}
    found = {}
    for theme in data.assessment.spec.themes:
        promise = promise_of_theme(theme, data.promises)
        if promise and promise in known and promise != theme.id:
            found[theme.id] = promise
    return found


def latest(data: AssessmentReport, kind: AssessmentKind) -> AssessmentData | None:
    """The most recent earlier closed assessment of ``kind`` at the location."""
    earlier = [
        h
        for h in data.history
        if h.kind is kind
        and h.id != data.assessment.id
        and h.started_on <= data.assessment.started_on
    ]
    return max(earlier, key=lambda h: (h.started_on, h.id), default=None)


def _row(a: AssessmentData, point_id: str) -> Context:
    row = point_context(a.spec.point_index[point_id], clean(a.spec.theme_of[point_id].title))
    row.update(answer_context("result", a.answers.get(point_id)))
    return row


def recheck(a: AssessmentData, audit: AssessmentData | None, fmt: Formatter) -> list[Context]:
    """The points that re-check the basis, with what the last audit found for them."""
    rows = []
    for point in a.spec.points:
        if not point.refs:
            continue
        row = _row(a, point.id)
        earlier = []
        for ref in point.refs:
            answer = audit.answers.get(ref) if audit else None
            if answer is not None:
                earlier.append(f"{ref}: {answer.result.label}")
        row["refs"] = ", ".join(point.refs)
        row["earlier"] = "; ".join(earlier) or (
            _("not assessed at the audit") if audit else _("no audit on record")
        )
        rows.append(row)
    return rows


def promise_rows(data: AssessmentReport, fmt: Formatter) -> list[Context]:
    a = data.assessment
    rows = []
    for promise_id, points in points_per_promise(a.spec, data.promises).items():
        applied = [p for p in points if not is_perception(p)]
        perceived = [p for p in points if is_perception(p)]
        rows.append(
            {
                "id": promise_id,
                "title": clean(promise_title(promise_id, data.promises, promise_id)),
                "translation": clean(data.translations.get(promise_id, "")),
                "application": part_percent(applied, a.results, fmt),
                "perception": part_percent(perceived, a.results, fmt),
                "score": part_percent(points, a.results, fmt),
                "points": [_row(a, p.id) for p in points],
            }
        )
    return rows


def comparison(
    data: AssessmentReport,
    previous: AssessmentData | None,
    visitation: AssessmentData | None,
    fmt: Formatter,
) -> Context:
    """This Cirkel beside the previous one and the visitation: overall and per promise."""
    columns = [("now", data.assessment), ("previous", previous), ("visitation", visitation)]
    overall = []
    per_promise: dict[str, dict[str, Tally]] = {}
    for key, item in columns:
        if item is None:
            continue
        scored = score(item.spec, item.results)
        outcome = verdict(item.spec, item.results).outcome.label_for(item.spec.kind)
        overall.append(
            {
                "what": item.kind.label,
                "date": fmt.date(item.started_on),
                "score": _percent(scored.overall, fmt),
                "outcome": outcome,
                "key": key,
            }
        )
        for promise_id, t in promise_tallies(item.spec, data.promises, item.results).items():
            per_promise.setdefault(promise_id, {})[key] = t
    promises = []
    for promise_id, tallies in per_promise.items():
        row = {
            "id": promise_id,
            "title": clean(promise_title(promise_id, data.promises, promise_id)),
        }
        for key, item in columns:
            found = tallies.get(key)
            row[key] = _missing_column(key, item) if found is None else _percent(found, fmt)
        promises.append(row)
    return {"overall": overall, "promises": promises}


def _percent(found: Tally, fmt: Formatter) -> str:
    return fmt.percent(found.percent) if found.percent is not None else not_yet()


def _missing_column(key: str, item: AssessmentData | None) -> str:
    """Why a comparison cell is empty: no such assessment, or this promise was not in it."""
    if item is None:
        return _("no previous Cirkel") if key == "previous" else _("no visitation yet")
    return _("not assessed then")
