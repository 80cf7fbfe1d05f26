"""Context pieces shared by the report kinds: cover, verdict, theme scores, points, next steps.

Every value a template prints is a ready-made string (dates and numbers already formatted for
the reader's language); booleans and lists steer ``{% if %}`` and ``{% for %}``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from qaudit.checklists.spec import ChecklistSpec, Point, VerdictRule
from qaudit.domain.enums import EventStatus, Result
from qaudit.domain.scoring import Score, Tally
from qaudit.domain.verdict import Outcome, Reason, Verdict
from qaudit.i18n import N_, _
from qaudit.reports.chart import Bar, ChartImage, Norm, bar_chart
from qaudit.reports.data import AnswerRow, AssessmentData, AssessmentReport, EventRow, Place
from qaudit.reports.formatting import Formatter, clean
from qaudit.reports.labels import label
from qaudit.reports.wording import critical_state, next_label, norm_text, not_yet

Context = dict[str, Any]

RESULT_COLOURS = {
    Result.COMPLIANT: "E2EFDA",
    Result.PARTLY: "FFF2CC",
    Result.NOT_COMPLIANT: "F8CBAD",
    Result.NOT_APPLICABLE: "EDEDED",
    Result.NOT_ASSESSED: "FFFFFF",
}
"""Cell shading per answer (``{% cellbg p.audit_colour %}`` in a template)."""

_REASONS = {
    "critical": N_("Critical point {point} is not compliant."),
    "overall": N_("The overall score of {percent} is below the required {minimum}."),
    "theme": N_("Theme {theme} ({title}) scores {percent}, below the required {minimum}."),
    "open": N_("{count} of {total} points have not been assessed yet."),
    "nothing": N_("No applicable point has been answered yet."),
}


def place(p: Place) -> Context:
    return {
        "name": clean(p.name),
        "code": p.code,
        "city": clean(p.city),
        "region": p.region,
        "residents": p.residents,
        "staff": p.staff,
    }


def draft_reason(assessment: AssessmentData) -> str:
    """Why a report on ``assessment`` is a draft, or "" when it is final."""
    if not any(a.result.answered for a in assessment.answers.values()):
        return _("No measurement point has been answered yet.")
    if not assessment.closed:
        return _("The assessment is still open: answers may still change.")
    return ""


def cover(data: AssessmentReport, fmt: Formatter, title: str) -> Context:
    """The fields every assessment report starts with."""
    a = data.assessment
    reason = draft_reason(a)
    return {
        "title": title,
        "report_date": fmt.date(data.today),
        "draft": bool(reason),
        "draft_mark": _("DRAFT") if reason else "",
        "draft_reason": reason,
        "location": place(data.location),
        "organisation": place(data.organisation),
        "assessment": {
            "id": a.id,
            "kind": a.kind.label,
            "status": label(a.status),
            "started_on": fmt.date(a.started_on),
            "closed_on": fmt.date(a.closed_at) if a.closed_at else _("still open"),
        },
        "checklist": {"id": a.spec.id, "title": clean(a.spec.title), "version": a.spec.version},
        "people": ", ".join(clean(p) for p in a.people) or _("not recorded yet"),
        "lead": clean(a.people[0]) if a.people else _("the audit team"),
        "summary": clean(a.summary),
    }


def reason_text(reason: Reason, spec: ChecklistSpec, fmt: Formatter) -> str:
    params = dict(reason.params)
    for key in ("percent", "minimum"):
        if key in params:
            value = float(params[key])  # type: ignore[arg-type]
            params[key] = fmt.percent(value, 0 if value.is_integer() else 1)
    if reason.code == "theme":
        theme = next((t for t in spec.themes if t.id == params.get("theme")), None)
        params["title"] = clean(theme.title) if theme else ""
    template = _REASONS.get(reason.code)
    return _(template).format(**params) if template else reason.message


def verdict_context(judged: Verdict, spec: ChecklistSpec, fmt: Formatter) -> Context:
    reasons = [reason_text(r, spec, fmt) for r in judged.reasons]
    overall = judged.score.overall
    return {
        "outcome": judged.outcome.value,
        "label": judged.outcome.label_for(spec.kind),
        "sufficient": judged.outcome is Outcome.SUFFICIENT,
        "insufficient": judged.outcome is Outcome.INSUFFICIENT,
        "incomplete": judged.outcome is Outcome.INCOMPLETE,
        "reasons": reasons,
        "explanation": " ".join(reasons)
        or _("All rules are met (overall score {percent}).").format(
            percent=fmt.percent(overall.percent)
        ),
    }


def tally_context(tally: Tally, fmt: Formatter) -> Context:
    return {
        "percent": fmt.percent(tally.percent) if tally.percent is not None else not_yet(),
        "answered": tally.answered,
        "total": tally.total,
        "open": tally.open,
        "not_applicable": tally.not_applicable,
        "progress": fmt.percent(100.0 * tally.answered / tally.total if tally.total else None, 0),
    }


def rule_context(rule: VerdictRule, fmt: Formatter) -> Context:
    return {
        "overall_min": fmt.percent(rule.overall_min_percent, 0),
        "theme_min": fmt.percent(rule.theme_min_percent, 0),
        "critical_must_comply": rule.critical_must_comply,
    }


def theme_rows(
    score: Score, rule: VerdictRule, fmt: Formatter, ids: Mapping[str, str] | None = None
) -> list[Context]:
    """One row per theme; ``ids`` shows a theme under another id (a Cirkel theme under the
    id of the client promise it checks, as the promise tables name it)."""
    ids = ids or {}
    rows = []
    for item in score.themes:
        percent = item.tally.percent
        known = percent is not None and not item.tally.open
        ok = percent >= rule.theme_min_percent if known and percent is not None else None
        rows.append(
            {
                "id": ids.get(item.theme.id, item.theme.id),
                "title": clean(item.theme.title),
                **tally_context(item.tally, fmt),
                "ok": ok,
                "norm": norm_text(ok),
                "critical_failed": len(item.tally.critical_failed),
            }
        )
    return rows


def theme_chart(
    score: Score,
    rule: VerdictRule,
    fmt: Formatter,
    *,
    what: str = "",
    ids: Mapping[str, str] | None = None,
) -> ChartImage:
    ids = ids or {}
    bars = []
    for item in score.themes:
        percent = item.tally.percent
        known = percent is not None and not item.tally.open
        ok = percent >= rule.theme_min_percent if known and percent is not None else None
        shown = ids.get(item.theme.id, item.theme.id)
        bars.append(Bar(f"{shown} {clean(item.theme.title)}", percent, ok))
    return bar_chart(
        bars,
        norm=rule.theme_min_percent,
        norm_label=_("theme norm {percent}").format(percent=fmt.percent(rule.theme_min_percent, 0)),
        overall=Norm(
            rule.overall_min_percent,
            _("overall norm {percent}").format(percent=fmt.percent(rule.overall_min_percent, 0)),
        ),
        value_text=lambda v: fmt.percent(v) if v is not None else not_yet(),
        description=what or _("Scores per theme"),
    )


def critical_context(
    judged: Verdict, spec: ChecklistSpec, results: Mapping[str, Result]
) -> Context:
    critical = [p.id for p in spec.points if p.critical]
    open_ = [i for i in critical if not results.get(i, Result.NOT_ASSESSED).answered]
    failed = len(judged.score.overall.critical_failed)
    return {
        "total": len(critical),
        "open": len(open_),
        "failed": failed,
        "text": critical_state(len(critical), len(open_), failed),
    }


def score_sections(
    judged: Verdict,
    spec: ChecklistSpec,
    fmt: Formatter,
    results: Mapping[str, Result] | None = None,
    ids: Mapping[str, str] | None = None,
) -> Context:
    """The verdict, the overall score, the rule, and the scores per theme as chart and table."""
    return {
        "critical": critical_context(judged, spec, results or {}),
        "verdict": verdict_context(judged, spec, fmt),
        "score": tally_context(judged.score.overall, fmt),
        "rule": rule_context(spec.verdict, fmt),
        "chart": theme_chart(judged.score, spec.verdict, fmt, ids=ids),
        "themes": theme_rows(judged.score, spec.verdict, fmt, ids),
    }


def result_label(answer: AnswerRow | None) -> str:
    return (answer.result if answer else Result.NOT_ASSESSED).label


def point_context(point: Point, theme_title: str) -> Context:
    return {
        "id": point.id,
        "text": clean(point.text),
        "theme": theme_title,
        "critical": point.critical,
        "weight": point.weight,
        "basis": clean(point.basis),
    }


def answer_context(prefix: str, answer: AnswerRow | None) -> Context:
    result = answer.result if answer else Result.NOT_ASSESSED
    return {
        prefix: result.label,
        f"{prefix}_result": result.value,
        f"{prefix}_note": clean(answer.note) if answer else "",
        f"{prefix}_evidence": clean(answer.evidence) if answer else "",
        f"{prefix}_colour": RESULT_COLOURS[result],
    }


def appendix(spec: ChecklistSpec, columns: Mapping[str, AssessmentData | None]) -> list[Context]:
    """Every point per theme, with the answer of each assessment in ``columns``.

    ``columns`` maps a prefix (``own``, ``audit``, ...) to an assessment, or to None for a
    column that stays empty.
    """
    answers = {prefix: a.answers if a else {} for prefix, a in columns.items()}
    themes = []
    for theme in spec.themes:
        title = clean(theme.title)
        points = []
        for point in theme.points:
            row = point_context(point, title)
            for prefix, given in answers.items():
                row.update(answer_context(prefix, given.get(point.id)))
            points.append(row)
        themes.append({"id": theme.id, "title": title, "points": points})
    return themes


def points_by_id(spec: ChecklistSpec, ids: Iterable[str]) -> str:
    """``T01.04, T02.01`` — only ids the checklist knows."""
    return ", ".join(i for i in ids if i in spec.point_index)


def event_context(event: EventRow, fmt: Formatter, today: date) -> Context:
    due = event.planned_on or event.window_end
    overdue = event.status is EventStatus.PLANNED and due is not None and due < today
    return {
        "what": label(event.kind),
        "date": fmt.date(event.planned_on) if event.planned_on else _("no date set yet"),
        "window": _window(event, fmt),
        "status": label(event.status),
        "location": clean(event.location),
        "people": ", ".join(event.people) or _("nobody assigned yet"),
        "overdue": overdue,
    }


def _window(event: EventRow, fmt: Formatter) -> str:
    start, end = event.window_start, event.window_end
    if start and end:
        return _("{start} to {end}").format(start=fmt.short_date(start), end=fmt.short_date(end))
    if start:
        return _("from {start}").format(start=fmt.short_date(start))
    if end:
        return _("until {end}").format(end=fmt.short_date(end))
    return _("no window set")


def next_steps(data: AssessmentReport, fmt: Formatter, outcome: Outcome | None = None) -> Context:
    """The current step and what follows; after an insufficient basis that is the re-audit."""
    step = data.current_step
    return {
        "step": int(step),
        "step_label": step.label,
        "current": f"{int(step)}. {step.label}",
        "next": next_label(step, outcome, data.events, fmt),
        "events": [event_context(e, fmt, data.today) for e in data.events],
    }
