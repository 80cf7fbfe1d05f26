"""All checklist files of a folder together: cross-file references and the version lock."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from qaudit.checklists.errors import ChecklistError, Problem
from qaudit.checklists.loader import Loaded, load_with_source
from qaudit.checklists.spec import ChecklistSpec, PromiseSetSpec, Spec
from qaudit.errors import NotFound
from qaudit.files import write_bytes
from qaudit.i18n import _
from qaudit.paths import checklists_dir

LOCK_FILE = "versions.lock"
PROMISES_ID = "klantbeloften"
BASIS_ID = "basis-op-orde"


Release = tuple[str, str]
"""``(id, version)`` of one released checklist or promise set."""


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Sort key of a version: ``2026.1 < 2026.2 < 2027.1 < 2027.10`` (numbers as numbers)."""
    return tuple((int(p), "") if p.isdigit() else (-1, p) for p in version.split("."))


@dataclass(frozen=True)
class Catalogue:
    """The checklists and promise sets: every version, and the current (newest) one by id."""

    specs: dict[str, Spec]
    """The current version of each id: what new assessments are made with."""
    files: dict[str, Path]
    releases: dict[Release, Spec] = field(default_factory=dict)
    """Every version of every id (older versions stay for open and closed assessments)."""
    release_files: dict[Release, Path] = field(default_factory=dict)

    def checklist(self, checklist_id: str, version: str | None = None) -> ChecklistSpec:
        spec = (
            self.specs.get(checklist_id) if version is None else self.release(checklist_id, version)
        )
        if not isinstance(spec, ChecklistSpec):
            known = ", ".join(sorted(self.checklists))
            raise NotFound(
                _("no checklist '{id}' (known: {known})").format(id=checklist_id, known=known)
            )
        return spec

    def release(self, checklist_id: str, version: str) -> Spec:
        spec = self.releases.get((checklist_id, version))
        if spec is None:
            known = ", ".join(s.version for s in self.versions(checklist_id)) or "-"
            raise NotFound(
                _("no version '{version}' of '{id}' (known: {known})").format(
                    version=version, id=checklist_id, known=known
                )
            )
        return spec

    def versions(self, checklist_id: str) -> list[Spec]:
        """Every version of ``checklist_id``, oldest first."""
        found = [s for (i, _v), s in self.releases.items() if i == checklist_id]
        return sorted(found, key=lambda s: version_key(s.version))

    @property
    def checklists(self) -> dict[str, ChecklistSpec]:
        return {k: v for k, v in self.specs.items() if isinstance(v, ChecklistSpec)}

    @property
    def promises(self) -> PromiseSetSpec:
        spec = self.specs.get(PROMISES_ID)
        if not isinstance(spec, PromiseSetSpec):
            raise NotFound(_("no promise set '{id}'").format(id=PROMISES_ID))
        return spec

    def for_kind(self, kind: str, version: str | None = None) -> ChecklistSpec:
        """The checklist used for one kind of assessment (basis, visitation, cirkel).

        The current version unless ``version`` names an older one.
        """
        for spec in self.checklists.values():
            if spec.kind == kind:
                return spec if version is None else self.checklist(spec.id, version)
        raise NotFound(_("no checklist of kind '{kind}'").format(kind=kind))


@cache
def shipped_catalogue() -> Catalogue:
    """The checklists that ship with qaudit (parsed once per process)."""
    return load_catalogue(checklists_dir())


def load_catalogue(directory: Path, extra: Sequence[Path] = ()) -> Catalogue:
    """Every ``*.yaml`` in ``directory`` plus ``extra`` files (which replace the same versions)."""
    base, problems = _load_all(sorted(directory.glob("*.yaml")))
    extras, extra_problems = _load_all(
        _unique(extra, exclude=[i.source.file for i in base.values()])
    )
    problems += extra_problems
    loaded = base | extras
    problems += _kind_problems(loaded)
    problems += _cross_references(loaded)
    problems += _lineage_problems(loaded)
    problems += _lock_problems(loaded, read_lock(directory / LOCK_FILE))
    if problems:
        raise ChecklistError(problems)
    current: dict[str, Loaded] = {}
    for item in sorted(loaded.values(), key=lambda i: version_key(i.spec.version)):
        current[item.spec.id] = item
    return Catalogue(
        specs={key: item.spec for key, item in current.items()},
        files={key: item.source.file for key, item in current.items()},
        releases={key: item.spec for key, item in loaded.items()},
        release_files={key: item.source.file for key, item in loaded.items()},
    )


def checklist_files(paths: Sequence[Path]) -> list[Path]:
    """``paths`` with every folder replaced by the ``*.yaml`` files in it."""
    files: list[Path] = []
    for path in paths:
        files += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return files


def validate_files(files: Sequence[Path], directory: Path | None = None) -> list[Spec]:
    """Validate ``files`` (or folders) against each other and the shipped checklists."""
    files = checklist_files(files)
    catalogue = load_catalogue(directory or checklists_dir(), extra=files)
    wanted = {f.resolve() for f in files}
    return [
        spec
        for key, spec in catalogue.releases.items()
        if catalogue.release_files[key].resolve() in wanted
    ]


def _unique(files: Iterable[Path], exclude: Iterable[Path]) -> list[Path]:
    seen = {f.resolve() for f in exclude}
    result = []
    for file in files:
        if file.resolve() not in seen:
            seen.add(file.resolve())
            result.append(file)
    return result


def _load_all(files: Iterable[Path]) -> tuple[dict[Release, Loaded], list[Problem]]:
    """Each file's spec by ``(id, version)``; the same version in two files is refused."""
    loaded: dict[Release, Loaded] = {}
    problems: list[Problem] = []
    for file in files:
        try:
            item = load_with_source(file)
        except ChecklistError as exc:
            problems += exc.problems
            continue
        key = (item.spec.id, item.spec.version)
        if key in loaded:
            message = _("'{id}' version '{version}' is also defined in {other}").format(
                id=key[0], version=key[1], other=loaded[key].source.file
            )
            problems.append(item.source.problem(("id",), message))
            continue
        loaded[key] = item
    return loaded, problems


def _kind_problems(loaded: dict[Release, Loaded]) -> list[Problem]:
    """One id per kind (a second basis would be ambiguous) and one kind per id."""
    owner: dict[str, str] = {}
    kinds: dict[str, str] = {}
    problems: list[Problem] = []
    for item in loaded.values():
        spec = item.spec
        if kinds.setdefault(spec.id, spec.kind) != spec.kind:
            message = _("'{id}' is of kind {kind} in another version").format(
                id=spec.id, kind=kinds[spec.id]
            )
            problems.append(item.source.problem(("kind",), message))
        if owner.setdefault(spec.kind, spec.id) != spec.id:
            message = _("'{other}' is already the checklist of kind {kind}").format(
                other=owner[spec.kind], kind=spec.kind
            )
            problems.append(item.source.problem(("id",), message))
    return problems


def _cross_references(loaded: dict[Release, Loaded]) -> list[Problem]:
    """Promises and re-checks refer to the basis (and promises) of their own version."""
    problems: list[Problem] = []
    for item in loaded.values():
        spec, source = item.spec, item.source
        basis = _companion(loaded, BASIS_ID, spec.version)
        promises = _companion(loaded, PROMISES_ID, spec.version)
        point_ids = set(basis.point_index) if isinstance(basis, ChecklistSpec) else None
        promise_ids = set(promises.promise_index) if isinstance(promises, PromiseSetSpec) else None
        if isinstance(spec, PromiseSetSpec) and point_ids is not None:
            for i, promise in enumerate(spec.promises):
                for j, ref in enumerate(promise.measurement_points):
                    if ref not in point_ids:
                        path = ("promises", i, "measurement_points", j)
                        problems.append(source.problem(path, _no_point(ref)))
        if isinstance(spec, ChecklistSpec):
            problems += _point_references(item, spec, point_ids, promise_ids)
    return problems


def _lineage_problems(loaded: dict[Release, Loaded]) -> list[Problem]:
    """``replaces``/``split_from``/``merged_from`` name points of the previous version."""
    problems: list[Problem] = []
    for item in loaded.values():
        spec = item.spec
        if not isinstance(spec, ChecklistSpec):
            continue
        older = [
            i.spec
            for (k, _v), i in loaded.items()
            if k == spec.id and version_key(i.spec.version) < version_key(spec.version)
        ]
        previous = max(older, key=lambda s: version_key(s.version), default=None)
        for i, theme in enumerate(spec.themes):
            for j, point in enumerate(theme.points):
                for ref in point.predecessors:
                    if not isinstance(previous, ChecklistSpec) or ref not in previous.point_index:
                        where = previous.version if previous else "-"
                        message = _("no point '{ref}' in the previous version ({version})")
                        path = ("themes", i, "points", j)
                        problems.append(
                            item.source.problem(path, message.format(ref=ref, version=where))
                        )
    return problems


def _companion(loaded: dict[Release, Loaded], ident: str, version: str) -> Spec | None:
    """``ident`` in ``version``, else its newest version (None when there is none)."""
    same = loaded.get((ident, version))
    if same is not None:
        return same.spec
    others = sorted(
        (i.spec for (k, _v), i in loaded.items() if k == ident),
        key=lambda s: version_key(s.version),
    )
    return others[-1] if others else None


def _point_references(
    item: Loaded, spec: ChecklistSpec, point_ids: set[str] | None, promise_ids: set[str] | None
) -> Iterable[Problem]:
    for i, theme in enumerate(spec.themes):
        for j, point in enumerate(theme.points):
            base = ("themes", i, "points", j)
            for k, ref in enumerate(point.refs):
                if point_ids is not None and ref not in point_ids:
                    yield item.source.problem((*base, "refs", k), _no_point(ref))
            for k, ref in enumerate(point.promises):
                if promise_ids is not None and ref not in promise_ids:
                    message = _("no promise '{ref}' in {id}").format(ref=ref, id=PROMISES_ID)
                    yield item.source.problem((*base, "promises", k), message)


def _no_point(ref: str) -> str:
    return _("no point '{ref}' in {id}").format(ref=ref, id=BASIS_ID)


def read_lock(file: Path) -> dict[tuple[str, str], str]:
    """``(id, version) -> content hash`` of every released version."""
    if not file.is_file():
        return {}
    lock: dict[tuple[str, str], str] = {}
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 3:
            raise ChecklistError([Problem(file, number, "", _("expected: ID VERSION HASH"))])
        lock[(parts[0], parts[1])] = parts[2]
    return lock


def _lock_problems(
    loaded: dict[Release, Loaded], lock: dict[tuple[str, str], str]
) -> list[Problem]:
    problems = []
    for item in loaded.values():
        spec = item.spec
        recorded = lock.get((spec.id, spec.version))
        if recorded and recorded != spec.content_hash:
            message = _(
                "the content of '{id}' changed but its version is still '{version}' "
                "(released as {before}…, now {after}…): "
                "give it a new version and run 'qaudit checklist lock'"
            ).format(
                id=spec.id, version=spec.version, before=recorded[:19], after=spec.content_hash[:19]
            )
            problems.append(item.source.problem(("version",), message))
    return problems


def write_lock(directory: Path, specs: Iterable[Spec]) -> Path:
    """Record the hash of each spec's version (keeping older releases)."""
    file = directory / LOCK_FILE
    lock = read_lock(file)
    for spec in specs:
        lock[(spec.id, spec.version)] = spec.content_hash
    header = "# id version content-hash: released checklist versions (qaudit checklist lock)\n"
    body = "".join(f"{i} {v} {h}\n" for (i, v), h in sorted(lock.items()))
    return write_bytes(file, (header + body).encode("utf-8"))
