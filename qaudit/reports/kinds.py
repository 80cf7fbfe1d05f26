"""The report kinds: their names on the command line, what they are made from, their builder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from qaudit.domain.enums import AssessmentKind
from qaudit.errors import QauditError
from qaudit.i18n import N_, _, using_language
from qaudit.reports import advice, basis, cirkel, overview, visitation
from qaudit.reports.chart import using_chart_style
from qaudit.reports.common import Context
from qaudit.reports.data import AssessmentReport, OverviewReport
from qaudit.reports.formatting import Formatter
from qaudit.reports.privacy import redact_report
from qaudit.reports.style import ReportStyle, cooperative_context


@dataclass(frozen=True)
class ReportKind:
    id: str
    """The name on the command line and of the template file."""
    name: str
    """What it is, for people (translated when shown)."""
    builder: Callable[[Any, Formatter], Context]
    assessment_kinds: tuple[AssessmentKind, ...] = ()
    """The assessments it reports on; empty for a report on the whole cooperative."""

    @property
    def needs_assessment(self) -> bool:
        return bool(self.assessment_kinds)

    @property
    def label(self) -> str:
        return _(self.name)


KINDS: dict[str, ReportKind] = {
    kind.id: kind
    for kind in (
        ReportKind(
            "basis-op-orde",
            N_("Basis op orde audit report"),
            basis.build_context,
            (AssessmentKind.AUDIT_VISIT, AssessmentKind.SELF_EVALUATION),
        ),
        ReportKind(
            "visitatie",
            N_("appreciative visitation report"),
            visitation.build_context,
            (AssessmentKind.VISITATION,),
        ),
        ReportKind(
            "cirkel",
            N_("Cirkel van Kwaliteit@ report"),
            cirkel.build_context,
            (AssessmentKind.CIRKEL,),
        ),
        ReportKind(
            "advies",
            N_("quality advice letter"),
            advice.build_context,
            (AssessmentKind.AUDIT_VISIT, AssessmentKind.CIRKEL),
        ),
        ReportKind("overzicht", N_("cooperative overview"), overview.build_context),
    )
}


def report_kind(kind: str) -> ReportKind:
    try:
        return KINDS[kind]
    except KeyError:
        raise QauditError(
            _("unknown report '{kind}' (choose from {kinds})").format(
                kind=kind, kinds=", ".join(KINDS)
            )
        ) from None


def build_context(
    kind: str,
    data: AssessmentReport | OverviewReport,
    language: str,
    style: ReportStyle | None = None,
) -> Context:
    """The template fields of one report: a pure function of ``data``, language and style.

    The free text of ``data`` is redacted first (:mod:`qaudit.reports.privacy`); the field
    ``privacy`` says how many redactions were made and whether notes were purged.
    """
    data, redactions = redact_report(data)
    style = style or ReportStyle()
    fmt = Formatter(language)
    with using_language(language), using_chart_style(style.chart):
        context = report_kind(kind).builder(data, fmt)
    context["cooperative"] = cooperative_context(style)
    purged = getattr(data, "notes_purged_on", None)
    context["privacy"] = {
        "redactions": redactions,
        "purged": purged is not None,
        "purged_on": fmt.date(purged) if purged else "",
    }
    return context
