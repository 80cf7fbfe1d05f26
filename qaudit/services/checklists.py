"""Checklist versions in the database: an assessment pins the exact content it was made with."""

from __future__ import annotations

from sqlmodel import Session, select

from qaudit.checklists import ChecklistSpec, checklist_from_json
from qaudit.domain.models import Assessment, ChecklistVersion
from qaudit.errors import Refused
from qaudit.i18n import _


def register(session: Session, spec: ChecklistSpec) -> ChecklistVersion:
    """The stored version for ``spec``, storing it first if it is new.

    The same id and version with other content is refused: that would make old reports
    irreproducible.
    """
    stored = session.exec(
        select(ChecklistVersion).where(ChecklistVersion.content_hash == spec.content_hash)
    ).first()
    if stored:
        return stored
    clash = session.exec(
        select(ChecklistVersion).where(
            ChecklistVersion.checklist_id == spec.id, ChecklistVersion.version == spec.version
        )
    ).first()
    if clash:
        message = _(
            "checklist '{id}' version '{version}' is already in the database with other "
            "content ({hash}…): give the changed file a new version"
        )
        raise Refused(
            message.format(id=spec.id, version=spec.version, hash=clash.content_hash[:19])
        )
    stored = ChecklistVersion(
        checklist_id=spec.id,
        version=spec.version,
        kind=spec.kind,
        title=spec.title,
        content_hash=spec.content_hash,
        spec_json=spec.model_dump_json(),
    )
    session.add(stored)
    session.flush()
    return stored


_parsed: dict[str, ChecklistSpec] = {}


def cached(content_hash: str) -> ChecklistSpec | None:
    """The spec with this content hash if this process parsed it already."""
    return _parsed.get(content_hash)


def spec_of(version: ChecklistVersion) -> ChecklistSpec:
    """The spec stored in ``version`` (parsed once per process; versions never change)."""
    spec = _parsed.get(version.content_hash)
    if spec is None:
        spec = checklist_from_json(version.spec_json, version.kind)
        _parsed[version.content_hash] = spec
    return spec


def spec_of_assessment(session: Session, assessment: Assessment) -> ChecklistSpec:
    """The pinned spec; for a re-check only the points it looks at again."""
    assert assessment.id is not None
    return narrowed(session, assessment.id, _pinned_spec(session, assessment))


def narrowed(session: Session, assessment_id: int, spec: ChecklistSpec) -> ChecklistSpec:
    """``spec`` as ``assessment_id`` sees it: a re-check only the points it looks at again."""
    return narrowed_to(spec, _recheck_points(session, assessment_id))


def narrowed_to(spec: ChecklistSpec, points: tuple[str, ...] | None) -> ChecklistSpec:
    """``spec`` cut to a re-check's points (``None``: not a re-check, the whole spec)."""
    if points is None:
        return spec
    key = (spec.content_hash, points)
    cut = _cut.get(key)
    if cut is None:
        from qaudit.domain.recheck import recheck_spec

        cut = _cut[key] = recheck_spec(spec, list(points))
    return cut


_cut: dict[tuple[str, tuple[str, ...]], ChecklistSpec] = {}


def _recheck_points(session: Session, assessment_id: int) -> tuple[str, ...] | None:
    from qaudit.domain.models.profile import Recheck

    row = session.exec(
        select(Recheck.point_ids).where(Recheck.assessment_id == assessment_id)
    ).first()
    return tuple(row) if row is not None else None


def _pinned_spec(session: Session, assessment: Assessment) -> ChecklistSpec:
    # Only the hash first: the stored spec is large, and answering a point needs it per key.
    content_hash = session.exec(
        select(ChecklistVersion.content_hash).where(
            ChecklistVersion.id == assessment.checklist_version_id
        )
    ).one()
    cached = _parsed.get(content_hash)
    if cached is not None:
        return cached
    version = session.get(ChecklistVersion, assessment.checklist_version_id)
    assert version is not None  # guaranteed by the foreign key
    return spec_of(version)
