"""Redact the free text of report data before any report is built from it (one place).

Every text a person typed — answer notes and evidence, interview notes, findings,
recommendations, summary, quality advice, improvement actions, how a location applies a
client promise — passes :func:`qaudit.domain.privacy.redact`; names of staff on the work,
locations and checklist texts are not free text and stay as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar

from qaudit.domain.privacy import redact
from qaudit.reports.data import AnswerRow, AssessmentData, AssessmentReport, OverviewReport

T = TypeVar("T")


class _Counter:
    def __init__(self) -> None:
        self.count = 0

    def text(self, value: str) -> str:
        done = redact(value or "")
        self.count += done.count
        return done.text

    def fields(self, row: T, *names: str) -> T:
        changes = {name: self.text(getattr(row, name)) for name in names}
        return replace(row, **changes)  # type: ignore[type-var]

    def answers(self, answers: Mapping[str, AnswerRow]) -> dict[str, AnswerRow]:
        return {key: self.fields(a, "note", "evidence") for key, a in answers.items()}

    def assessment(self, a: AssessmentData) -> AssessmentData:
        return replace(
            a,
            answers=self.answers(a.answers),
            summary=self.text(a.summary),
            quality_advice=self.text(a.quality_advice),
        )


def redact_report(data: Any) -> tuple[Any, int]:
    """``data`` with its free text redacted, and how many redactions were made.

    Data of a kind this module does not know is returned as it is (count 0).
    """
    if isinstance(data, OverviewReport):
        return data, 0
    if not isinstance(data, AssessmentReport):
        return data, 0
    c = _Counter()
    redacted = replace(
        data,
        assessment=c.assessment(data.assessment),
        reference=c.assessment(data.reference) if data.reference else None,
        history=tuple(c.assessment(h) for h in data.history),
        interviews=tuple(c.fields(i, "notes") for i in data.interviews),
        findings=tuple(c.fields(f, "text") for f in data.findings),
        recommendations=tuple(c.fields(r, "text") for r in data.recommendations),
        actions=tuple(c.fields(a, "title") for a in data.actions),
        translations={k: c.text(v) for k, v in data.translations.items()},
    )
    return redacted, c.count
