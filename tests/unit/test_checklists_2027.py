"""Issue 17: the shipped 2027.1 checklists beside 2026.1, and the diff between them."""

from __future__ import annotations

import pytest

from qaudit.checklists import ChecklistSpec, PromiseSetSpec, shipped_catalogue
from qaudit.checklists.diff import carry, diff


@pytest.fixture(scope="module")
def old() -> ChecklistSpec:
    return shipped_catalogue().checklist("basis-op-orde", "2026.1")


@pytest.fixture(scope="module")
def new() -> ChecklistSpec:
    return shipped_catalogue().checklist("basis-op-orde", "2027.1")


def test_every_id_has_2026_and_2027_and_2027_is_current() -> None:
    catalogue = shipped_catalogue()
    for ident in (
        "basis-op-orde",
        "cirkel-van-kwaliteit",
        "waarderende-visitatie",
        "klantbeloften",
    ):
        assert [s.version for s in catalogue.versions(ident)] == ["2026.1", "2027.1"]
        assert catalogue.specs[ident].version == "2027.1"
    assert catalogue.for_kind("basis").version == "2027.1"
    assert catalogue.for_kind("basis", "2026.1").version == "2026.1"


def test_no_point_rests_on_the_2017_framework_alone(new: ChecklistSpec) -> None:
    for point in new.points:
        if "Kwaliteitskader Verpleeghuiszorg" in point.basis:
            assert "Generiek Kompas" in point.basis, point.id
            assert "eigen norm Kwaliteit@" in point.basis, point.id
    assert sum("Generiek Kompas" in p.basis for p in new.points) >= 41


def test_knock_outs_protect_residents(new: ChecklistSpec, old: ChecklistSpec) -> None:
    critical = {p.id for p in new.points if p.critical}
    assert {"T05.14", "T03.12", "T03.14", "T02.07", "T05.16"} <= critical
    paperwork = {"T05.01", "T06.01", "T08.01", "T09.02", "T09.07", "T11.04", "T11.08"}
    paperwork |= {"T13.01", "T14.01", "T14.02", "T14.03", "T15.02"}
    assert not paperwork & critical
    assert new.point_index["T15.02"].weight == 2
    assert not old.point_index["T05.14"].critical  # the 2026.1 file is untouched


def test_merged_knock_outs_are_split(new: ChecklistSpec) -> None:
    registration, delivery = new.point_index["T05.09"], new.point_index["T05.19"]
    assert registration.split_from == delivery.split_from == "T05.09"
    assert registration.critical and not delivery.critical and delivery.weight == 3
    assert "instemming" not in new.point_index["T08.01"].text


def test_the_named_citations_are_corrected(new: ChecklistSpec) -> None:
    assert "heeft of kan hebben" in new.point_index["T07.08"].text
    assert new.point_index["T11.14"].basis.startswith("AVG art. 29 en 32 lid 4; Wet BIG art. 88")
    t15_03 = new.point_index["T15.03"]
    assert "meer dan 25" not in t15_03.guidance
    assert "ongeacht het aantal zorgverleners" in t15_03.guidance
    assert t15_03.applies_to is not None and t15_03.applies_to.verblijf is True
    assert "zelfstandig bevoegde" in new.point_index["T10.09"].text
    unverified = {p.id for p in new.points if p.unverified}
    assert {"T01.04", "T01.12", "T09.09", "T10.22", "T15.03"} <= unverified


def test_the_missing_topics_are_added(new: ChecklistSpec) -> None:
    texts = " ".join(p.text.lower() for p in new.points)
    for topic in ("euthanasie", "palliatief", "delier", "allergenen", "legaten", "interrai"):
        assert topic in texts, topic
    assert "WGBO" in new.point_index["T05.20"].basis
    assert "kwaliteitsbeeld" in new.point_index["T14.02"].text


def test_points_apply_by_profile_and_every_point_has_answer_rules(new: ChecklistSpec) -> None:
    assert new.point_index["T03.01"].applies_to.behandeling is True  # type: ignore[union-attr]
    assert new.point_index["T03.20"].applies_to.behandeling is False  # type: ignore[union-attr]
    assert new.point_index["T10.13"].nvt == "by_profile"
    assert all(p.note_required and p.nvt for p in new.points)
    assert new.point_index["T01.01"].nvt == "never"
    assert new.verdict.conditional is not None and new.verdict.conditional.repair_weeks == 13


def test_interview_groups_for_client_council_and_volunteers(new: ChecklistSpec) -> None:
    groups = {e.group for p in new.points for e in p.evidence}
    assert {"client_council", "volunteers"} <= groups
    assert new.point_index["T16.08"].evidence[0].group == "volunteers"


def test_the_promise_fixes() -> None:
    promises = shipped_catalogue().promises
    assert isinstance(promises, PromiseSetSpec) and promises.version == "2027.1"
    index = promises.promise_index
    assert "100 %" in index["KB01"].check
    assert index["KB04"].text.startswith("U bepaalt zoveel mogelijk zelf")
    assert index["KB06"].title == "Altijd iemand in de huiskamer"
    assert "binnen 24 uur" in index["KB10"].perceived[0]


def test_the_visitation_is_appreciative_with_a_learning_question() -> None:
    visitation = shipped_catalogue().checklist("waarderende-visitatie")
    assert visitation.appreciative and visitation.learning_question
    open_questions = [p.id for p in visitation.points if not p.scored]
    assert len(open_questions) == 12 and all(i.endswith(".4") for i in open_questions)


def test_the_diff_follows_replaces_and_splits(old: ChecklistSpec, new: ChecklistSpec) -> None:
    result = diff(old, new)
    assert [c.new for c in result.of_kind("added")] == [
        "T01.21",
        "T01.22",
        "T02.20",
        "T02.21",
        "T02.22",
        "T03.20",
        "T03.21",
        "T03.22",
        "T05.20",
        "T14.19",
    ]
    assert result.of_kind("removed") == []
    assert sorted((c.old, c.new) for c in result.of_kind("split")) == [
        (("T02.18",), "T02.18"),
        (("T02.18",), "T02.19"),
        (("T05.09",), "T05.09"),
        (("T05.09",), "T05.19"),
    ]
    changed = {c.new: c for c in result.of_kind("changed")}
    assert "text" in changed["T07.08"].fields and not changed["T07.08"].keeps_answer
    assert changed["T03.12"].fields[0] == "critical" and changed["T03.12"].keeps_answer
    assert all(c.keeps_answer for c in result.of_kind("cited"))
    assert set(result.counts()) == {"added", "changed", "cited", "split"}
    assert diff(old, old).counts() == {"unchanged": len(old.points)}


def test_answers_carry_across_versions_in_both_directions(
    old: ChecklistSpec, new: ChecklistSpec
) -> None:
    given = {"T01.05": "a", "T03.12": "b", "T07.08": "c", "T05.09": "d"}
    assert carry(old, new, given) == {"T01.05": "a", "T03.12": "b"}
    back = {"T01.05": "x", "T05.19": "y", "T01.21": "z"}
    assert carry(new, old, back) == {"T01.05": "x"}
    assert carry(old, old, given) == given


def test_a_self_evaluation_on_2026_is_compared_with_an_audit_on_2027(
    old: ChecklistSpec, new: ChecklistSpec
) -> None:
    from datetime import date

    from qaudit.domain.enums import AssessmentKind, AssessmentStatus, Result
    from qaudit.reports.data import AnswerRow, AssessmentData
    from qaudit.services.report_data import comparable

    own = AssessmentData(
        1,
        AssessmentKind.SELF_EVALUATION,
        AssessmentStatus.CLOSED,
        date(2026, 10, 1),
        old,
        {"T01.05": AnswerRow(Result.COMPLIANT, "", ""), "T07.08": AnswerRow(Result.PARTLY, "", "")},
    )
    seen = comparable(own, new)
    assert seen.spec is new and set(seen.answers) == {"T01.05"}
