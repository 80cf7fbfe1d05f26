"""Issue 15: every recorded thing can be edited and deleted, each change logged, a wrong
value refused with nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.checklists import Catalogue
from qaudit.domain.enums import FindingKind, InterviewGroup
from qaudit.domain.models import (
    AuditLog,
    Finding,
    ImprovementAction,
    Interview,
    PromiseTranslation,
    Recommendation,
    TrainingSession,
    VisibilityItem,
)
from qaudit.errors import QauditError, Refused
from qaudit.services import cancelling, records, rollout, visits
from qaudit.storage import transaction
from tests.tui.conftest import World, build_world

DAY = date(2026, 10, 1)


@pytest.fixture
def world(engine: Engine, mini_catalogue: Catalogue) -> World:
    return build_world(engine, mini_catalogue)


def logged(engine: Engine, action: str) -> list[tuple[str, int | None, dict]]:
    with transaction(engine) as s:
        rows = s.exec(select(AuditLog).where(AuditLog.action == action)).all()
        return [(r.entity, r.entity_id, r.detail) for r in rows]


def test_visit_records_are_edited_and_deleted_and_logged(world: World) -> None:
    engine, visit = world.engine, world.visit_id
    interview = visits.add_interview(engine, visit, InterviewGroup.RESIDENTS, 3, DAY, "Rustig")
    finding = visits.add_finding(engine, visit, FindingKind.IMPROVEMENT, "Geen overdracht", [])
    advice = visits.add_recommendation(engine, visit, "Overdracht vastleggen", finding.id)
    action = visits.add_action(engine, world.member_id, "Overdracht", assessment_id=visit)
    assert interview.id and finding.id and advice.id and action.id
    records.edit(engine, "interview", interview.id, {"participants": 5, "notes": " Druk "})
    records.edit(engine, "finding", finding.id, {"point_ids": ["A.01"], "text": "Wel overdracht"})
    records.edit(engine, "recommendation", advice.id, {"text": "Overdracht borgen"})
    changed = records.edit(
        engine, "action", action.id, {"owner": "Teamleider", "title": "Overdracht"}
    )
    assert changed.fields == ("owner",)  # the title did not change
    with transaction(engine) as s:
        got_interview = s.get(Interview, interview.id)
        assert got_interview is not None
        assert (got_interview.participants, got_interview.notes) == (5, "Druk")
        got_finding = s.get(Finding, finding.id)
        assert got_finding is not None and got_finding.point_ids == ["A.01"]
        got_advice = s.get(Recommendation, advice.id)
        assert got_advice is not None and got_advice.text == "Overdracht borgen"
        got_action = s.get(ImprovementAction, action.id)
        assert got_action is not None and got_action.owner == "Teamleider"
    edits = logged(engine, "edit")
    assert (
        "interview",
        interview.id,
        {"fields": ["participants", "notes"], "parent": "assessment", "parent_id": visit},
    ) in edits
    assert all("Druk" not in str(detail) for _e, _i, detail in edits)  # no text in the log
    records.delete(engine, "finding", finding.id)  # its recommendation stays, unlinked
    records.delete(engine, "interview", interview.id)
    with transaction(engine) as s:
        assert s.get(Finding, finding.id) is None and s.get(Interview, interview.id) is None
        kept = s.get(Recommendation, advice.id)
        assert kept is not None and kept.finding_id is None
    assert {(e, i) for e, i, _d in logged(engine, "delete")} == {
        ("finding", finding.id),
        ("interview", interview.id),
    }


def test_a_wrong_value_is_refused_and_nothing_changes(world: World) -> None:
    engine, visit = world.engine, world.visit_id
    finding = visits.add_finding(engine, visit, FindingKind.STRENGTH, "Goed", ["A.01"])
    assert finding.id
    with pytest.raises(QauditError, match=r"Z\.99"):
        records.edit(engine, "finding", finding.id, {"point_ids": ["Z.99"], "text": "Anders"})
    with pytest.raises(QauditError):
        records.edit(engine, "finding", finding.id, {"text": "   "})
    with pytest.raises(QauditError, match="color"):
        records.edit(engine, "finding", finding.id, {"color": "rood"})
    with transaction(engine) as s:
        kept = s.get(Finding, finding.id)
        assert kept is not None and (kept.text, kept.point_ids) == ("Goed", ["A.01"])
    assert logged(engine, "edit") == []
    cancelling.cancel(engine, visit, "per ongeluk")  # a cancelled visit's records stay as they are
    with pytest.raises(Refused):
        records.delete(engine, "finding", finding.id)


def test_rollout_records_are_edited_and_deleted(world: World) -> None:
    engine, loc = world.engine, world.member_id
    training = rollout.add_training(engine, loc, DAY, "Beloften", 4, 40)
    item = rollout.add_visibility(engine, loc, "banner", "hal", DAY)
    promise = world.catalogue.promises.promises[0].id
    rollout.save_translation(engine, loc, promise, "Bij ons", "", world.catalogue)
    with transaction(engine) as s:
        data = rollout.rollout(s, loc, world.catalogue)
    translation_id = data.promises[0].translation_id
    assert training.id and item.id and translation_id
    records.edit(engine, "training", training.id, {"attendees": 12})
    records.edit(engine, "visibility", item.id, {"placement": "lift"})
    records.edit(engine, "translation", translation_id, {"agreements": "Elke week"})
    with pytest.raises(QauditError):
        records.edit(engine, "training", training.id, {"attendees": -1})
    with transaction(engine) as s:
        got_training = s.get(TrainingSession, training.id)
        assert got_training is not None and got_training.attendees == 12
        got_item = s.get(VisibilityItem, item.id)
        assert got_item is not None and got_item.placement == "lift"
        got = s.get(PromiseTranslation, translation_id)
        assert got is not None and got.agreements == "Elke week"
    for kind, record_id in (
        ("training", training.id),
        ("visibility", item.id),
        ("translation", translation_id),
    ):
        records.delete(engine, kind, record_id)
    with transaction(engine) as s:
        assert s.get(TrainingSession, training.id) is None
        assert s.get(PromiseTranslation, translation_id) is None
    assert len(logged(engine, "delete")) == 3
    with pytest.raises(QauditError):
        records.delete(engine, "training", training.id)  # gone: named, not a traceback
