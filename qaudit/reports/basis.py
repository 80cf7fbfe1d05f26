"""The Basis op orde audit report (also of a self-evaluation on its own)."""

from __future__ import annotations

from collections import defaultdict

from qaudit.checklists.spec import ChecklistSpec
from qaudit.domain.enums import AssessmentKind, FindingKind, InterviewGroup, Result
from qaudit.domain.scoring import differences
from qaudit.domain.verdict import verdict
from qaudit.i18n import _
from qaudit.reports.common import (
    Context,
    answer_context,
    appendix,
    cover,
    next_steps,
    point_context,
    points_by_id,
    score_sections,
)
from qaudit.reports.data import AssessmentData, AssessmentReport, InterviewRow
from qaudit.reports.formatting import Formatter, clean, redact
from qaudit.reports.labels import label
from qaudit.reports.photos import photo_context
from qaudit.reports.wording import differences_text, interviewed_text

GROUP_ORDER = (
    InterviewGroup.RESIDENTS,
    InterviewGroup.FAMILY,
    InterviewGroup.STAFF,
    InterviewGroup.MANAGEMENT,
)


def build_context(data: AssessmentReport, fmt: Formatter) -> Context:
    a = data.assessment
    spec = a.spec
    is_audit = a.kind is AssessmentKind.AUDIT_VISIT
    own = data.reference if is_audit else a
    audit = a if is_audit else None
    judged = verdict(spec, a.results)
    context = cover(data, fmt, _("Basis op orde audit report"))
    context.update(
        is_audit=is_audit,
        has_self_evaluation=own is not None,
        dates={
            "visit": fmt.date(a.started_on) if is_audit else _("not held yet"),
            "self_evaluation": fmt.date(own.started_on) if own else _("no self-evaluation"),
            "closed": fmt.date(a.closed_at) if a.closed_at else _("still open"),
        },
        **score_sections(judged, spec, fmt, a.results),
        critical_failed=critical_failed(
            spec, a, own if is_audit else None, judged.score.overall.critical_failed
        ),
        differences=(diffs := compare(spec, own, audit) if own and audit else []),
        differences_text=differences_text(len(diffs)),
        **findings(data, spec),
        quality_advice=clean(a.quality_advice),
        interviews=interviews(data.interviews),
        interviewed=(people := sum(i.participants for i in data.interviews)),
        interviewed_text=interviewed_text(people),
        actions=actions(data, fmt),
        next_steps=next_steps(data, fmt, judged.outcome),
        appendix=appendix(spec, {"own": own, "audit": audit}),
        photos=photo_context(data.photos),
    )
    return context


def critical_failed(
    spec: ChecklistSpec,
    assessment: AssessmentData,
    own: AssessmentData | None,
    failed: tuple[str, ...],
) -> list[Context]:
    rows = []
    for point_id in failed:
        point = spec.point_index[point_id]
        row = point_context(point, clean(spec.theme_of[point_id].title))
        row.update(answer_context("result", assessment.answers.get(point_id)))
        row.update(answer_context("own", own.answers.get(point_id) if own else None))
        rows.append(row)
    return rows


def compare(spec: ChecklistSpec, own: AssessmentData, audit: AssessmentData) -> list[Context]:
    """The points where the self-evaluation and the auditor answered differently."""
    rows = []
    for point_id in differences(spec, audit.results, own.results):
        row = point_context(spec.point_index[point_id], clean(spec.theme_of[point_id].title))
        row.update(answer_context("own", own.answers.get(point_id)))
        row.update(answer_context("audit", audit.answers.get(point_id)))
        row["stricter"] = _stricter(audit.answers[point_id].result, own.answers[point_id].result)
        rows.append(row)
    return rows


_RANK = {Result.COMPLIANT: 2, Result.PARTLY: 1, Result.NOT_COMPLIANT: 0}


def _stricter(audit: Result, own: Result) -> bool:
    """Did the auditor judge more strictly than the location itself?"""
    return _RANK.get(audit, 3) < _RANK.get(own, 3)


def findings(data: AssessmentReport, spec: ChecklistSpec) -> Context:
    rows: dict[FindingKind, list[Context]] = defaultdict(list)
    for finding in data.findings:
        rows[finding.kind].append(
            {"text": clean(finding.text), "points": points_by_id(spec, finding.point_ids)}
        )
    recommendations = [
        {"text": clean(r.text), "points": points_by_id(spec, r.point_ids)}
        for r in data.recommendations
    ]
    return {
        "strengths": rows[FindingKind.STRENGTH],
        "improvements": rows[FindingKind.IMPROVEMENT],
        "recommendations": recommendations,
    }


def interviews(rows: tuple[InterviewRow, ...]) -> list[Context]:
    """Per group: how many conversations, how many people, what was heard (no personal data)."""
    by_group: dict[InterviewGroup, list[InterviewRow]] = defaultdict(list)
    for row in rows:
        by_group[row.group].append(row)
    result = []
    for group in sorted(by_group, key=lambda g: GROUP_ORDER.index(g) if g in GROUP_ORDER else 9):
        held = by_group[group]
        heard = [redact(r.notes) for r in held if redact(r.notes)]
        result.append(
            {
                "group": label(group),
                "interviews": len(held),
                "participants": sum(r.participants for r in held),
                "heard": heard,
                "heard_text": "\n".join(heard) or _("nothing recorded"),
            }
        )
    return result


def actions(data: AssessmentReport, fmt: Formatter) -> list[Context]:
    return [
        {
            "title": clean(a.title),
            "owner": clean(a.owner) or _("no owner yet"),
            "deadline": fmt.date(a.deadline) if a.deadline else _("no deadline"),
            "status": label(a.status),
            "overdue": bool(
                a.deadline and a.deadline < data.today and a.status.value in ("open", "in_progress")
            ),
        }
        for a in data.actions
    ]
