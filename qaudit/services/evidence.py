"""Evidence files and photos with an answer: attach from disk, list, read back, export, open.

A file is checked before anything is written: its size (``[evidence] max_mib``), its kind by
content (:mod:`qaudit.domain.evidence`) and its name (no personal data, like a note). Its
bytes are stored once per location, addressed by their sha256; attaching the same file to a
second point only adds a link. Each action is one transaction.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from qaudit.domain import evidence as rules
from qaudit.domain.models import AnswerEvidence, Assessment, EvidenceFile
from qaudit.domain.models._base import id_of
from qaudit.errors import NotFound, QauditError, Refused
from qaudit.i18n import _
from qaudit.services import access, audit, checklists
from qaudit.storage import transaction

ATTACH_ACTION = "evidence_attached"
REMOVE_ACTION = "evidence_removed"


@dataclass(frozen=True)
class EvidenceView:
    """One file cited for one point."""

    id: int
    assessment_id: int
    point_id: str
    name: str
    media_type: str
    label: str
    """The kind in words: ``PDF``, ``JPEG``, ``Word`` …"""
    photo: bool
    size: int
    sha256: str
    attached_at: datetime
    attached_by: str

    @property
    def size_text(self) -> str:
        return rules.human_size(self.size)


@dataclass(frozen=True)
class Attached:
    view: EvidenceView
    new_file: bool
    """False: the same bytes were already stored for this location (only a link added)."""
    new_link: bool
    """False: this file was already cited for this point (nothing changed)."""


def read_file(path: Path, max_mib: int = rules.DEFAULT_MAX_MIB) -> tuple[bytes, rules.FileType]:
    """The file's bytes and kind; refused, naming the file, when missing, too big or not allowed."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise QauditError(_("{path}: not a file").format(path=path))
        if size > max_mib * 1024 * 1024:
            message = _(
                "{path}: {size} is larger than the limit of {limit} MiB "
                "([evidence] max_mib in config.toml); nothing attached"
            )
            raise Refused(message.format(path=path, size=rules.human_size(size), limit=max_mib))
        data = path.read_bytes()
    except OSError as exc:
        message = _("{path}: cannot be read: {error}")
        raise QauditError(message.format(path=path, error=exc.strerror or exc)) from None
    if not data:
        raise Refused(_("{path}: the file is empty; nothing attached").format(path=path))
    kind = rules.sniff(data)
    if kind is None:
        message = _(
            "{path}: not a file type that can be attached as evidence (allowed: {allowed}); "
            "nothing attached"
        )
        raise Refused(message.format(path=path, allowed=rules.ALLOWED))
    return data, kind


def check_name(name: str) -> None:
    """Refuse a file name that looks like personal data (a resident's name, a birth date…)."""
    found = rules.personal_data_in_name(name)
    if found:
        message = _(
            "file name '{name}' looks like personal data (“{text}”); rename the file or give "
            "another name (--name), never a resident's name"
        )
        raise Refused(message.format(name=name, text=found[0].text))


def attach(
    session: Session,
    assessment_id: int,
    point_id: str,
    name: str,
    data: bytes,
    kind: rules.FileType,
    *,
    actor: str | None = None,
    name_checked: bool = False,
) -> Attached:
    """Attach checked bytes (:func:`read_file`) inside the caller's transaction.

    ``name_checked``: the person confirmed the name is not personal data (logged by the
    privacy gate); otherwise a name that looks personal is refused."""
    from qaudit.services.answering import lock_open

    access.require_assessment(session, assessment_id, write=True)
    assessment = lock_open(session, assessment_id)
    spec = checklists.narrowed(
        session, assessment_id, checklists.spec_of_assessment(session, assessment)
    )
    if point_id not in spec.point_index:
        message = _("checklist '{id}' {version} has no point '{point}'")
        raise NotFound(message.format(id=spec.id, version=spec.version, point=point_id))
    name = name.strip() or "evidence"
    if not name_checked:
        check_name(name)
    sha = rules.digest(data)
    stored = session.exec(
        select(EvidenceFile).where(
            EvidenceFile.location_id == assessment.location_id, EvidenceFile.sha256 == sha
        )
    ).first()
    new_file = stored is None
    if stored is None:
        stored = EvidenceFile(
            location_id=assessment.location_id,
            sha256=sha,
            size=len(data),
            media_type=kind.media_type,
            content=data,
        )
        session.add(stored)
        session.flush()
    link = session.exec(
        select(AnswerEvidence).where(
            AnswerEvidence.assessment_id == assessment_id,
            AnswerEvidence.point_id == point_id,
            AnswerEvidence.file_id == id_of(stored),
        )
    ).first()
    new_link = link is None
    if link is None:
        who = actor or audit.current_actor(session)
        link = AnswerEvidence(
            assessment_id=assessment_id,
            point_id=point_id,
            file_id=id_of(stored),
            name=name,
            attached_by=who,
        )
        session.add(link)
        session.flush()
        audit.log(
            session,
            ATTACH_ACTION,
            "assessment",
            assessment_id,
            actor,
            point=point_id,
            name=name,
            sha256=sha,
            size=len(data),
        )
    return Attached(_view(link, stored.media_type, stored.size, sha), new_file, new_link)


def attach_file(
    engine: Engine,
    assessment_id: int,
    point_id: str,
    path: Path,
    *,
    name: str | None = None,
    max_mib: int = rules.DEFAULT_MAX_MIB,
    actor: str | None = None,
    name_checked: bool = False,
) -> Attached:
    """One user action: read and check the file, then attach it in one transaction."""
    data, kind = read_file(path, max_mib)
    with transaction(engine) as session:
        return attach(
            session,
            assessment_id,
            point_id,
            name or path.name,
            data,
            kind,
            actor=actor,
            name_checked=name_checked,
        )


def listed(session: Session, assessment_id: int, point_id: str | None = None) -> list[EvidenceView]:
    """The files cited in an assessment (or for one point), by point then attaching order."""
    access.require_assessment(session, assessment_id)
    if session.get(Assessment, assessment_id) is None:
        raise NotFound(_("no assessment with id {id}").format(id=assessment_id))
    query = (
        select(AnswerEvidence, *_FILE_FACTS)
        .join(EvidenceFile, col(EvidenceFile.id) == col(AnswerEvidence.file_id))
        .where(AnswerEvidence.assessment_id == assessment_id)
        .order_by(col(AnswerEvidence.point_id), col(AnswerEvidence.id))
    )
    if point_id is not None:
        query = query.where(AnswerEvidence.point_id == point_id)
    return [
        _view(link, media_type, size, sha) for link, media_type, size, sha in session.exec(query)
    ]


_FILE_FACTS = (col(EvidenceFile.media_type), col(EvidenceFile.size), col(EvidenceFile.sha256))
"""What a list shows of a stored file (never its bytes)."""


def names_by_point(session: Session, assessment_id: int) -> dict[str, list[str]]:
    """Per point, the names of its evidence files (for the Excel export)."""
    found: dict[str, list[str]] = {}
    for view in listed(session, assessment_id):
        found.setdefault(view.point_id, []).append(view.name)
    return found


def counts_by_point(session: Session, assessment_id: int) -> dict[str, int]:
    found: dict[str, int] = {}
    for view in listed(session, assessment_id):
        found[view.point_id] = found.get(view.point_id, 0) + 1
    return found


def content(session: Session, evidence_id: int) -> tuple[EvidenceView, bytes]:
    """One cited file and its bytes."""
    row = session.exec(
        select(AnswerEvidence, EvidenceFile)
        .join(EvidenceFile, col(EvidenceFile.id) == col(AnswerEvidence.file_id))
        .where(AnswerEvidence.id == evidence_id)
    ).first()
    if row is None:
        raise NotFound(_("no evidence file with id {id}").format(id=evidence_id))
    link, stored = row
    access.require_assessment(session, link.assessment_id)
    return _view(link, stored.media_type, stored.size, stored.sha256), bytes(stored.content)


def photos(session: Session, assessment_id: int) -> list[tuple[EvidenceView, bytes]]:
    """The photos of an assessment (JPEG, PNG, HEIC) with their bytes, for the report's
    appendix (a HEIC photo is put in as a JPEG there)."""
    views = [v for v in listed(session, assessment_id) if v.media_type in _IMAGES]
    return [content(session, v.id) for v in views]


_IMAGES = ("image/jpeg", "image/png", "image/heic")


def remove(session: Session, evidence_id: int, actor: str | None = None) -> EvidenceView:
    """Detach a file from its point (the bytes go when no point cites them any more)."""
    from qaudit.services.answering import lock_open

    view, _data = content(session, evidence_id)
    access.require_assessment(session, view.assessment_id, write=True)
    lock_open(session, view.assessment_id)
    link = session.get(AnswerEvidence, evidence_id)
    assert link is not None
    file_id = link.file_id
    session.delete(link)
    session.flush()
    still = session.exec(select(AnswerEvidence.id).where(AnswerEvidence.file_id == file_id))
    if still.first() is None:
        stored = session.get(EvidenceFile, file_id)
        if stored is not None:
            session.delete(stored)
    audit.log(
        session,
        REMOVE_ACTION,
        "assessment",
        view.assessment_id,
        actor,
        point=view.point_id,
        name=view.name,
        sha256=view.sha256,
    )
    return view


def detach(engine: Engine, evidence_id: int, actor: str | None = None) -> EvidenceView:
    """One user action: :func:`remove` in its own transaction."""
    with transaction(engine) as session:
        return remove(session, evidence_id, actor)


def integrity_problems(session: Session) -> list[str]:
    """For ``qaudit db check``: stored files whose bytes no longer match their sha256 or size,
    named by the points that cite them. Reads each file once."""
    problems = []
    for stored in session.exec(select(EvidenceFile).order_by(col(EvidenceFile.id))):
        data = bytes(stored.content)
        if rules.digest(data) == stored.sha256 and len(data) == stored.size:
            continue
        cited = session.exec(
            select(AnswerEvidence).where(AnswerEvidence.file_id == stored.id)
        ).all()
        where = ", ".join(f"{c.name} ({c.assessment_id}/{c.point_id})" for c in cited) or "-"
        message = _(
            "evidence file {id} ({where}) is damaged: its bytes no longer match their sha256"
        )
        problems.append(message.format(id=stored.id, where=where))
    return problems


def export(engine: Engine, assessment_id: int, folder: Path) -> list[Path]:
    """Write every cited file under ``folder/<point>/<name>``; the paths written."""
    from qaudit.files import cannot_write
    from qaudit.files import write_bytes as write_bytes_atomic

    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise QauditError(
            _("{path}: not a folder; give a folder to write the files to").format(path=folder)
        )
    with transaction(engine) as session:
        files = [content(session, v.id) for v in listed(session, assessment_id)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QauditError(cannot_write(folder, exc)) from None
    written = []
    for view, data in files:
        try:
            (folder / _safe(view.point_id)).mkdir(exist_ok=True)
        except OSError as exc:
            raise QauditError(cannot_write(folder / _safe(view.point_id), exc)) from None
        target = folder / _safe(view.point_id) / _safe(view.name)
        write_bytes_atomic(target, data)
        written.append(target)
    return written


def _safe(name: str) -> str:
    cleaned = "".join("_" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name).strip(". ")
    return cleaned or "evidence"


def scratch_copy(view: EvidenceView, data: bytes, folder: Path) -> Path:
    """A copy of the file to open it with a viewer (same name, in a folder of its own)."""
    from qaudit.files import write_bytes as write_bytes_atomic

    target = folder / str(view.id) / _safe(view.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(target, data)
    return target


def open_with_viewer(path: Path, opener: Sequence[str] = ()) -> str:
    """Open ``path`` with ``opener`` or the system viewer; what was done, for the user.

    When there is no viewer, say where the file is."""
    command = list(opener)
    if not command:
        if sys.platform == "win32":  # pragma: no cover - Windows
            os.startfile(path)  # type: ignore[attr-defined]
            return _("opened {path}").format(path=path)
        viewer = "open" if sys.platform == "darwin" else "xdg-open"
        if shutil.which(viewer) is None:
            message = _("no viewer found ({viewer}); the file is at {path}")
            return message.format(viewer=viewer, path=path)
        command = [viewer]
    try:
        subprocess.Popen(
            [*command, str(path)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError as exc:
        message = _("the viewer {viewer} could not be started ({error}); the file is at {path}")
        return message.format(viewer=command[0], error=exc.strerror or exc, path=path)
    return _("opened {path}").format(path=path)


def _view(link: AnswerEvidence, media_type: str, size: int, sha256: str) -> EvidenceView:
    kind = rules.of_media_type(media_type)
    return EvidenceView(
        id=id_of(link),
        assessment_id=link.assessment_id,
        point_id=link.point_id,
        name=link.name,
        media_type=media_type,
        label=kind.label if kind else media_type,
        photo=bool(kind and kind.photo),
        size=size,
        sha256=sha256,
        attached_at=link.attached_at,
        attached_by=link.attached_by,
    )
