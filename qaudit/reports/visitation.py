"""The appreciative visitation report: per client promise what the peers observed, what they
appreciated and their tips."""

from __future__ import annotations

from qaudit.checklists.spec import ChecklistSpec, Theme
from qaudit.domain.enums import FindingKind
from qaudit.domain.scoring import Tally
from qaudit.domain.verdict import verdict
from qaudit.i18n import _
from qaudit.reports.chart import Bar, bar_chart
from qaudit.reports.common import (
    Context,
    answer_context,
    cover,
    next_steps,
    point_context,
    tally_context,
    verdict_context,
)
from qaudit.reports.data import AssessmentReport
from qaudit.reports.formatting import Formatter, clean
from qaudit.reports.photos import photo_context
from qaudit.reports.promises import is_perception, part_percent, promise_of_theme
from qaudit.reports.wording import not_yet


def build_context(data: AssessmentReport, fmt: Formatter) -> Context:
    a = data.assessment
    spec = a.spec
    judged = verdict(spec, a.results)
    scored = judged.score
    norm = spec.verdict.theme_min_percent
    context = cover(data, fmt, _("Appreciative visitation report"))
    promises = [_promise(data, spec, item.theme, item.tally, fmt, norm) for item in scored.themes]
    bars = [
        Bar(
            f"{p['id']} {p['title']}",
            item.tally.percent,
            None if item.tally.percent is None else item.tally.percent >= norm,
        )
        for p, item in zip(promises, scored.themes, strict=True)
    ]
    context.update(
        visiting_organisation=clean(data.visiting_organisation) or _("not recorded yet"),
        learning_question={
            "question": clean(data.learning_question[0])
            if data.learning_question
            else _("the location recorded no learning question"),
            "answer": clean(data.learning_question[1]) or _("not answered yet")
            if data.learning_question
            else "",
        },
        dates={
            "visit": fmt.date(a.started_on),
            "closed": fmt.date(a.closed_at) if a.closed_at else _("still open"),
        },
        score=tally_context(scored.overall, fmt),
        verdict=verdict_context(judged, spec, fmt),
        norm=fmt.percent(norm, 0),
        promises=promises,
        themes=promises,
        chart=bar_chart(
            bars,
            norm=norm,
            value_text=lambda v: fmt.percent(v) if v is not None else not_yet(),
            norm_label=_("norm {percent}").format(percent=fmt.percent(norm, 0)),
            description=_("Scores per client promise"),
        ),
        general_appreciation=_general(data, spec, FindingKind.STRENGTH),
        general_tips=_general(data, spec, FindingKind.IMPROVEMENT)
        + [clean(r.text) for r in data.recommendations if not r.point_ids],
        next_steps=next_steps(data, fmt),
        photos=photo_context(data.photos),
    )
    return context


def _promise(
    data: AssessmentReport,
    spec: ChecklistSpec,
    theme: Theme,
    tally: Tally,
    fmt: Formatter,
    norm: float,
) -> Context:
    promise_id = promise_of_theme(theme, data.promises)
    promise = data.promises.promise_index.get(promise_id) if data.promises else None
    ids = {p.id for p in theme.points}
    observed = []
    for point in theme.points:
        row = point_context(point, clean(theme.title))
        row.update(answer_context("result", data.assessment.answers.get(point.id)))
        observed.append(row)
    tips = [
        clean(f.text)
        for f in data.findings
        if f.kind is FindingKind.IMPROVEMENT and ids.intersection(f.point_ids)
    ]
    tips += [clean(r.text) for r in data.recommendations if ids.intersection(r.point_ids)]
    percent = tally.percent
    results = data.assessment.results
    applied = [p for p in theme.points if not is_perception(p)]
    perceived = [p for p in theme.points if is_perception(p)]
    return {
        "id": theme.id,
        "promise_id": promise_id,
        "title": clean(promise.title if promise else theme.title),
        "text": clean(promise.text) if promise else "",
        "perceived": [clean(p) for p in promise.perceived] if promise else [],
        "translation": clean(data.translations.get(promise_id, "")),
        **tally_context(tally, fmt),
        "application": part_percent(applied, results, fmt),
        "perception": part_percent(perceived, results, fmt),
        "ok": None if percent is None else percent >= norm,
        "observed": observed,
        "appreciation": [
            clean(f.text)
            for f in data.findings
            if f.kind is FindingKind.STRENGTH and ids.intersection(f.point_ids)
        ],
        "tips": tips,
    }


def _general(data: AssessmentReport, spec: ChecklistSpec, kind: FindingKind) -> list[str]:
    known = set(spec.point_index)
    return [
        clean(f.text)
        for f in data.findings
        if f.kind is kind and not known.intersection(f.point_ids)
    ]
