"""Evaluations and their rhythm, and improvement actions from every source.

A location's rhythm starts with its first recorded evaluation or feedback response; from
then on each kind of evaluation is due in its period (:mod:`qaudit.domain.clientvoice_rhythm`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain.clientvoice_enums import ActionSource, EvaluationKind
from qaudit.domain.clientvoice_rhythm import RhythmStatus
from qaudit.domain.enums import ActionStatus
from qaudit.domain.models import Evaluation, ImprovementAction, Location
from qaudit.errors import NotFound, QauditError
from qaudit.i18n import _
from qaudit.services import access, audit, locations
from qaudit.services.voice_feedback import unit_id_by_name
from qaudit.services.voice_register import check_private, check_promise, unit_names
from qaudit.storage import transaction


def add_evaluation(
    engine: Engine,
    location_id: int,
    kind: EvaluationKind,
    held_on: date,
    participants: int = 0,
    note: str = "",
    today: date | None = None,
) -> Evaluation:
    if held_on > (today or date.today()):
        raise QauditError(
            _("the date {day} is in the future; record an evaluation once held").format(day=held_on)
        )
    if participants < 0:
        raise QauditError(_("the number of participants cannot be negative"))
    check_private("note", note)
    with transaction(engine) as session:
        locations.writable(session, location_id)
        evaluation = Evaluation(
            location_id=location_id,
            kind=kind,
            held_on=held_on,
            participants=participants,
            note=note,
        )
        session.add(evaluation)
        session.flush()
        audit.log(session, "evaluation_add", "evaluation", evaluation.id, kind=kind.value)
    return evaluation


def evaluations(engine: Engine, location_id: int) -> list[Evaluation]:
    with transaction(engine) as session:
        locations.readable(session, location_id)
        return list(
            session.exec(
                select(Evaluation)
                .where(Evaluation.location_id == location_id)
                .order_by(col(Evaluation.held_on))
            )
        )


def rhythm_of(engine: Engine, location_id: int, today: date | None = None) -> list[RhythmStatus]:
    """The rhythm of one location (empty when it has not started)."""
    from qaudit.services.dashboard import engine_reader
    from qaudit.services.voice_due import rhythms

    with transaction(engine) as session:
        locations.readable(session, location_id)
    return rhythms(engine_reader(engine), today or date.today()).get(location_id, [])


# --- improvement actions --------------------------------------------------------------------


@dataclass(frozen=True)
class ActionRow:
    action: ImprovementAction
    location_code: str
    unit: str
    source: ActionSource | None

    def as_json(self) -> dict[str, object]:
        a = self.action
        return {
            "id": a.id,
            "location": self.location_code,
            "unit": self.unit or None,
            "source": self.source.value if self.source else None,
            "title": a.title,
            "owner": a.owner,
            "deadline": a.deadline.isoformat() if a.deadline else None,
            "status": a.status.value,
            "effect_measure": a.effect_measure,
            "promise": a.promise_id,
        }


def add_action(
    engine: Engine,
    location_id: int,
    title: str,
    source: ActionSource,
    *,
    unit: str | None = None,
    owner: str = "",
    deadline: date | None = None,
    effect_measure: str = "",
    promise_id: str | None = None,
    created_on: date | None = None,
) -> ImprovementAction:
    if not title.strip():
        raise QauditError(_("an improvement action needs a title"))
    check_private("title", title)
    check_promise(promise_id)
    with transaction(engine) as session:
        locations.writable(session, location_id)
        action = ImprovementAction(
            location_id=location_id,
            unit_id=unit_id_by_name(session, location_id, unit),
            title=title.strip(),
            owner=owner,
            deadline=deadline,
            source=source,
            effect_measure=effect_measure,
            promise_id=promise_id,
            created_on=created_on or date.today(),
        )
        session.add(action)
        session.flush()
        audit.log(session, "action_add", "improvementaction", action.id, source=source.value)
    return action


def set_action_status(engine: Engine, action_id: int, status: ActionStatus) -> ImprovementAction:
    with transaction(engine) as session:
        action = session.get(ImprovementAction, action_id)
        if action is None:
            raise NotFound(_("no improvement action with id {id}").format(id=action_id))
        access.require_location(session, action.location_id, write=True)
        before = action.status
        action.status = status
        session.add(action)
        audit.log(
            session,
            "action_status",
            "improvementaction",
            action_id,
            before=before.value,
            after=status.value,
        )
    return action


def actions(
    engine: Engine,
    location_id: int | None = None,
    source: ActionSource | None = None,
    only_open: bool = False,
) -> list[ActionRow]:
    with transaction(engine) as session:
        query = select(ImprovementAction, Location.code).join(
            Location, col(Location.id) == col(ImprovementAction.location_id)
        )
        query = locations.scoped(session, query, ImprovementAction.location_id, location_id)
        if only_open:
            query = query.where(
                col(ImprovementAction.status).in_([ActionStatus.OPEN, ActionStatus.IN_PROGRESS])
            )
        rows = session.exec(query.order_by(col(ImprovementAction.id))).all()
        kinds = _assessment_kinds(session)
        names = unit_names(session)
    result = [
        ActionRow(a, code, names.get(a.unit_id, ""), action_source(a, kinds)) for a, code in rows
    ]
    return [r for r in result if source is None or r.source is source]


def action_source(action: ImprovementAction, kinds: Mapping[int, str]) -> ActionSource | None:
    """The recorded source, or for an action recorded without one, what it was made from."""
    if action.source is not None:
        return action.source
    if action.assessment_id is not None:
        kind = kinds.get(action.assessment_id)
        return {
            "visitation": ActionSource.VISITATION_TIP,
            "cirkel": ActionSource.CIRKEL_OUTCOME,
        }.get(kind or "", ActionSource.AUDIT_FINDING)
    return ActionSource.PROMISE if action.promise_id else None


def _assessment_kinds(session: Session) -> dict[int, str]:
    from qaudit.domain.models import Assessment

    return {
        a_id: str(kind.value if hasattr(kind, "value") else kind)
        for a_id, kind in session.exec(select(Assessment.id, Assessment.kind))
        if a_id is not None
    }
