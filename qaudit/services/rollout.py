"""The promise rollout at one location (steps 5–7): translations, training, visibility."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.checklists import Catalogue, Promise, shipped_catalogue
from qaudit.domain.enums import ActionStatus, Step
from qaudit.domain.models import (
    ImprovementAction,
    PromiseTranslation,
    TrainingSession,
    VisibilityItem,
)
from qaudit.errors import NotFound, QauditError
from qaudit.services import access, audit, locations
from qaudit.storage import transaction

VISIBILITY_KINDS = ("banner", "spiegel", "brochure")
"""The usual means of making the promises visible; progress of step 7 counts these."""


@dataclass(frozen=True)
class PromiseRow:
    promise: Promise
    translation: str
    agreements: str
    actions: tuple[ImprovementAction, ...]
    translation_id: int | None = None
    """The stored translation's id (None: not written yet)."""

    @property
    def translated(self) -> bool:
        return bool(self.translation.strip())


@dataclass(frozen=True)
class Rollout:
    location_id: int
    staff: int
    promises: tuple[PromiseRow, ...]
    trainings: tuple[TrainingSession, ...]
    visibility: tuple[VisibilityItem, ...]

    @property
    def translated_share(self) -> float:
        done = sum(p.translated for p in self.promises)
        return done / len(self.promises) if self.promises else 0.0

    @property
    def trained_share(self) -> float:
        """Staff trained: attendees of all sessions over the location's staff, at most 1."""
        total = self.staff or max((t.staff_total for t in self.trainings), default=0)
        attendees = sum(t.attendees for t in self.trainings)
        return min(1.0, attendees / total) if total else 0.0

    @property
    def visible_share(self) -> float:
        kinds = {item.kind.casefold() for item in self.visibility}
        return sum(k in kinds for k in VISIBILITY_KINDS) / len(VISIBILITY_KINDS)

    def progress(self, step: Step) -> float:
        return {
            Step.TRANSLATE_PROMISES: self.translated_share,
            Step.TRAIN_STAFF: self.trained_share,
            Step.MAKE_VISIBLE: self.visible_share,
        }.get(step, 0.0)


def rollout(session: Session, location_id: int, catalogue: Catalogue | None = None) -> Rollout:
    access.require_location(session, location_id)
    location = locations.get(session, location_id)
    promises = (catalogue or shipped_catalogue()).promises.promises
    translations = {
        t.promise_id: t
        for t in session.exec(
            select(PromiseTranslation).where(PromiseTranslation.location_id == location_id)
        )
    }
    actions: dict[str | None, list[ImprovementAction]] = {}
    for action in session.exec(
        select(ImprovementAction)
        .where(
            ImprovementAction.location_id == location_id,
            col(ImprovementAction.promise_id).is_not(None),
        )
        .order_by(col(ImprovementAction.id))
    ):
        actions.setdefault(action.promise_id, []).append(action)
    rows = tuple(
        PromiseRow(
            p,
            translations[p.id].translation if p.id in translations else "",
            translations[p.id].agreements if p.id in translations else "",
            tuple(actions.get(p.id, ())),
            translations[p.id].id if p.id in translations else None,
        )
        for p in promises
    )
    trainings = session.exec(
        select(TrainingSession)
        .where(TrainingSession.location_id == location_id)
        .order_by(col(TrainingSession.held_on))
    )
    items = session.exec(
        select(VisibilityItem)
        .where(VisibilityItem.location_id == location_id)
        .order_by(col(VisibilityItem.id))
    )
    return Rollout(location_id, location.staff, rows, tuple(trainings), tuple(items))


def save_translation(
    engine: Engine,
    location_id: int,
    promise_id: str,
    translation: str,
    agreements: str,
    catalogue: Catalogue | None = None,
) -> None:
    if promise_id not in (catalogue or shipped_catalogue()).promises.promise_index:
        raise NotFound(f"no client promise '{promise_id}'")
    with transaction(engine) as session:
        access.require_location(session, location_id, write=True)
        locations.get(session, location_id)
        row = session.exec(
            select(PromiseTranslation).where(
                PromiseTranslation.location_id == location_id,
                PromiseTranslation.promise_id == promise_id,
            )
        ).first()
        row = row or PromiseTranslation(location_id=location_id, promise_id=promise_id)
        row.translation = translation.strip()
        row.agreements = agreements.strip()
        session.add(row)
        audit.log(session, "translation", "location", location_id, promise=promise_id)


def add_training(
    engine: Engine, location_id: int, held_on: date, topic: str, attendees: int, staff_total: int
) -> TrainingSession:
    if not topic.strip():
        raise QauditError("training: the topic is empty")
    if attendees < 0 or staff_total < 0:
        raise QauditError("training: attendees and staff must be 0 or more")
    with transaction(engine) as session:
        access.require_location(session, location_id, write=True)
        locations.get(session, location_id)
        row = TrainingSession(
            location_id=location_id,
            held_on=held_on,
            topic=topic.strip(),
            attendees=attendees,
            staff_total=staff_total,
        )
        session.add(row)
        session.flush()
        audit.log(session, "training", "location", location_id, attendees=attendees)
        return row


def add_visibility(
    engine: Engine,
    location_id: int,
    kind: str,
    placement: str,
    placed_on: date | None,
    promise_id: str | None = None,
) -> VisibilityItem:
    if not kind.strip():
        raise QauditError("visibility item: the kind is empty")
    with transaction(engine) as session:
        access.require_location(session, location_id, write=True)
        locations.get(session, location_id)
        row = VisibilityItem(
            location_id=location_id,
            kind=kind.strip(),
            placement=placement.strip(),
            placed_on=placed_on,
            promise_id=promise_id or None,
        )
        session.add(row)
        session.flush()
        audit.log(session, "visibility", "location", location_id, kind=row.kind)
        return row


def open_actions(rollout: Rollout) -> int:
    return sum(
        a.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
        for p in rollout.promises
        for a in p.actions
    )
