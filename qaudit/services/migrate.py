"""Move an open assessment to another version of its checklist, never silently."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from qaudit.checklists import Catalogue, shipped_catalogue
from qaudit.checklists.diff import PointChange, diff
from qaudit.checklists.spec import Point
from qaudit.domain.answer_rules import answer_problem
from qaudit.domain.enums import Result
from qaudit.domain.models import Answer, utcnow
from qaudit.domain.profile import Profile
from qaudit.errors import Refused
from qaudit.i18n import N_, _
from qaudit.services import assessments, audit, checklists, profiles, rechecks

CHANGE_WORDS = {
    "changed": N_("changed"),
    "split": N_("split"),
    "merged": N_("merged"),
    "cited": N_("new grondslag"),
    "moved": N_("moved"),
    "unchanged": N_("unchanged"),
    "added": N_("added"),
    "removed": N_("removed"),
}


@dataclass
class MigrationPlan:
    assessment_id: int
    checklist_id: str
    from_version: str
    to_version: str
    kept: list[tuple[str, str]] = field(default_factory=list)
    """(old id, new id): the answer stands for the new point."""
    flagged: list[tuple[str, str, str]] = field(default_factory=list)
    """(old id, new id, why): the point must be answered again; the old answer is in the note."""
    dropped: list[str] = field(default_factory=list)
    """Answered points the new version no longer has."""
    added: list[str] = field(default_factory=list)
    """New points, open."""

    def as_json(self) -> dict[str, object]:
        return {
            "assessment": self.assessment_id,
            "checklist": self.checklist_id,
            "from": self.from_version,
            "to": self.to_version,
            "kept": [{"old": o, "new": n} for o, n in self.kept],
            "flagged": [{"old": o, "new": n, "why": w} for o, n, w in self.flagged],
            "dropped": self.dropped,
            "added": self.added,
        }


def plan(
    session: Session, assessment_id: int, to_version: str, catalogue: Catalogue | None = None
) -> tuple[MigrationPlan, dict[str, Answer]]:
    """What moving ``assessment_id`` to ``to_version`` would do (nothing is written)."""
    assessment = assessments.get(session, assessment_id)
    assessments.ensure_open(assessment)
    if rechecks.recheck_of(session, assessment_id) is not None:
        raise Refused(
            _("assessment {id} is a re-check: it stays on its version").format(id=assessment_id)
        )
    old = checklists.spec_of_assessment(session, assessment)
    new = (catalogue or shipped_catalogue()).checklist(old.id, to_version)
    if new.content_hash == old.content_hash:
        raise Refused(
            _("assessment {id} already uses '{checklist}' {version}").format(
                id=assessment_id, checklist=old.id, version=new.version
            )
        )
    given = {
        k: a for k, a in assessments.answers(session, assessment_id).items() if a.result.answered
    }
    result = MigrationPlan(assessment_id, old.id, old.version, new.version)
    followed = diff(old, new)
    profile = profiles.profile_of(session, assessment.location_id)
    for change in followed.changes:
        _place(result, change, given, new.point_index, profile)
    return result, given


def _place(
    result: MigrationPlan,
    change: PointChange,
    given: dict[str, Answer],
    points: dict[str, Point],
    profile: Profile | None,
) -> None:
    answered = [o for o in change.old if o in given]
    if change.new is None:
        result.dropped += answered
        return
    if not answered:
        if change.kind == "added":
            result.added.append(change.new)
        return
    if not change.keeps_answer:
        result.flagged.append((", ".join(answered), change.new, _(CHANGE_WORDS[change.kind])))
        return
    answer = given[answered[0]]
    problem = answer_problem(points[change.new], answer.result, answer.note, profile)
    if problem:
        result.flagged.append((answered[0], change.new, problem))
    else:
        result.kept.append((answered[0], change.new))


def migrate(
    session: Session,
    assessment_id: int,
    to_version: str,
    *,
    dry_run: bool = False,
    catalogue: Catalogue | None = None,
    actor: str | None = None,
) -> MigrationPlan:
    """Move the assessment (unless ``dry_run``): kept answers move, flagged ones reopen."""
    result, given = plan(session, assessment_id, to_version, catalogue)
    if dry_run:
        return result
    assessment = assessments.get(session, assessment_id)
    spec = (catalogue or shipped_catalogue()).checklist(result.checklist_id, to_version)
    version = checklists.register(session, spec)
    assert version.id is not None
    for answer in assessments.answers(session, assessment_id).values():
        session.delete(answer)
    session.flush()
    for old, new in result.kept:
        before = given[old]
        session.add(_copy(assessment_id, new, before.result, before.note, before))
    for olds, new, why in result.flagged:
        session.add(
            _copy(
                assessment_id, new, Result.NOT_ASSESSED, _flag_note(result, olds, given, why), None
            )
        )
    assessment.checklist_version_id = version.id
    session.add(assessment)
    session.flush()
    profiles.fill_automatic_nvt(session, assessment, spec, actor=actor)
    audit.log(session, "migrate", "assessment", assessment_id, actor, **result.as_json())
    return result


def _copy(
    assessment_id: int, point_id: str, result: Result, note: str, before: Answer | None
) -> Answer:
    return Answer(
        assessment_id=assessment_id,
        point_id=point_id,
        result=result,
        note=note,
        evidence=before.evidence if before else "",
        answered_by_id=before.answered_by_id if before else None,
        answered_at=before.answered_at if before else utcnow(),
    )


def _flag_note(result: MigrationPlan, olds: str, given: dict[str, Answer], why: str) -> str:
    earlier = "; ".join(
        f"{o}: {given[o].result.label}" + (f" ({given[o].note})" if given[o].note else "")
        for o in olds.split(", ")
    )
    return _("Answer again ({why}). Before, in {version}: {earlier}").format(
        why=why, version=result.from_version, earlier=earlier
    )
