"""One vocabulary: every stored value's name comes from its enum, in the user's language,
and the checklist's table, its key bar, reports and Excel use the same words."""

from __future__ import annotations

import pytest

from qaudit.domain.enums import (
    LABELS,
    ActionStatus,
    EventKind,
    EvidenceKind,
    InterviewGroup,
    Result,
    Step,
    evidence_label,
)
from qaudit.excel import answers
from qaudit.i18n import _, set_language, using_language
from qaudit.reports.labels import label as report_label
from qaudit.scheduling.explain import kind_label
from qaudit.tui import format as fmt
from qaudit.tui.screens.checklist_keys import BINDINGS


def test_every_labelled_value_has_a_dutch_name() -> None:
    for value, message in LABELS.items():
        with using_language("en"):
            assert value.label == message  # type: ignore[attr-defined]
        assert value.label, value  # type: ignore[attr-defined]
    same_in_dutch = {"intake", "document", "interview", "later", "open", "management"}
    untranslated = [m for v, m in LABELS.items() if v.label == m and m not in same_in_dutch]  # type: ignore[attr-defined]
    assert untranslated == []


def test_evidence_kinds_are_shown_in_the_users_language() -> None:
    assert evidence_label("record_sample") == "dossiersteekproef"
    assert {k.value for k in EvidenceKind} == {
        "document",
        "record_sample",
        "observation",
        "interview",
        "system",
    }
    set_language("en")
    assert evidence_label("record_sample") == "record sample"
    assert evidence_label("something_new") == "something_new"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_table_says_what_the_key_bar_says(language: str) -> None:
    set_language(language)  # after the import: the key bar's words are looked up when drawn
    keys = {b.action: _(b.description) for b in BINDINGS if b.action.startswith("answer(")}
    for result in (Result.COMPLIANT, Result.PARTLY, Result.NOT_COMPLIANT, Result.NOT_APPLICABLE):
        shown = fmt.result(result).plain
        assert shown == result.short
        assert keys[f"answer('{result.value}')"] == shown
    if language == "nl":
        assert [fmt.result(r).plain for r in Result if r.answered] == [
            "voldoet",
            "deels",
            "niet",
            "n.v.t.",
        ]


def test_reports_excel_and_planner_use_the_enum_labels() -> None:
    assert report_label(InterviewGroup.CLIENT_COUNCIL) == InterviewGroup.CLIENT_COUNCIL.label
    assert report_label(ActionStatus.IN_PROGRESS) == "bezig"
    assert report_label(EventKind.MT_SESSION) == EventKind.MT_SESSION.label
    assert kind_label(EventKind.VISITATION) == Step.VISITATION.label == "Waarderende visitatie"
    assert answers.label(Result.PARTLY) == Result.PARTLY.label == "voldoet deels"
    with using_language("en"):
        assert answers.label(Result.PARTLY) == "partly compliant"
    # the import accepts both languages' labels whatever the user's language
    for language in ("nl", "en"):
        with using_language(language):
            text = Result.NOT_APPLICABLE.label
        assert answers.parse(text) is Result.NOT_APPLICABLE
