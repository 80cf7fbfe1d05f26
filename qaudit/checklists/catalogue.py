"""All checklist files of a folder together: cross-file references and the version lock."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Catalogue:
    """The checklists and promise sets in use, by id."""

    specs: dict[str, Spec]
    files: dict[str, Path]

    def checklist(self, checklist_id: str) -> ChecklistSpec:
        spec = self.specs.get(checklist_id)
        if not isinstance(spec, ChecklistSpec):
            known = ", ".join(sorted(self.checklists))
            raise NotFound(
                _("no checklist '{id}' (known: {known})").format(id=checklist_id, known=known)
            )
        return spec

    @property
    def checklists(self) -> dict[str, ChecklistSpec]:
        return {k: v for k, v in self.specs.items() if isinstance(v, ChecklistSpec)}

    @property
    def promises(self) -> PromiseSetSpec:
        spec = self.specs.get(PROMISES_ID)
        if not isinstance(spec, PromiseSetSpec):
            raise NotFound(_("no promise set '{id}'").format(id=PROMISES_ID))
        return spec

    def for_kind(self, kind: str) -> ChecklistSpec:
        """The checklist used for one kind of assessment (basis, visitation, cirkel)."""
        for spec in self.checklists.values():
            if spec.kind == kind:
                return spec
        raise NotFound(_("no checklist of kind '{kind}'").format(kind=kind))


@cache
def shipped_catalogue() -> Catalogue:
    """The checklists that ship with qaudit (parsed once per process)."""
    return load_catalogue(checklists_dir())


def load_catalogue(directory: Path, extra: Sequence[Path] = ()) -> Catalogue:
    """Every ``*.yaml`` in ``directory`` plus ``extra`` files (which replace same ids)."""
    loaded, problems = _load_all([*sorted(directory.glob("*.yaml")), *extra])
    problems += _cross_references(loaded)
    problems += _lock_problems(loaded, read_lock(directory / LOCK_FILE))
    if problems:
        raise ChecklistError(problems)
    return Catalogue(
        specs={key: item.spec for key, item in loaded.items()},
        files={key: item.source.file for key, item in loaded.items()},
    )


def validate_files(files: Sequence[Path], directory: Path | None = None) -> list[Spec]:
    """Validate ``files`` against each other and the shipped checklists; raise on any problem."""
    catalogue = load_catalogue(directory or checklists_dir(), extra=files)
    wanted = {f.resolve() for f in files}
    return [
        spec for key, spec in catalogue.specs.items() if catalogue.files[key].resolve() in wanted
    ]


def _load_all(files: Iterable[Path]) -> tuple[dict[str, Loaded], list[Problem]]:
    loaded: dict[str, Loaded] = {}
    problems: list[Problem] = []
    for file in files:
        try:
            item = load_with_source(file)
        except ChecklistError as exc:
            problems += exc.problems
            continue
        loaded[item.spec.id] = item
    return loaded, problems


def _cross_references(loaded: dict[str, Loaded]) -> list[Problem]:
    basis = loaded.get(BASIS_ID)
    promises = loaded.get(PROMISES_ID)
    point_ids = (
        set(basis.spec.point_index) if basis and isinstance(basis.spec, ChecklistSpec) else None
    )
    promise_ids = (
        set(promises.spec.promise_index)
        if promises and isinstance(promises.spec, PromiseSetSpec)
        else None
    )
    problems: list[Problem] = []
    for item in loaded.values():
        spec, source = item.spec, item.source
        if isinstance(spec, PromiseSetSpec) and point_ids is not None:
            for i, promise in enumerate(spec.promises):
                for j, ref in enumerate(promise.measurement_points):
                    if ref not in point_ids:
                        path = ("promises", i, "measurement_points", j)
                        problems.append(source.problem(path, _no_point(ref)))
        if isinstance(spec, ChecklistSpec):
            problems += _point_references(item, spec, point_ids, promise_ids)
    return problems


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


def _lock_problems(loaded: dict[str, Loaded], lock: dict[tuple[str, str], str]) -> list[Problem]:
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
