"""Load and validate checklist files into typed specs."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from qaudit.checklists.errors import ChecklistError, Problem
from qaudit.checklists.source import Source, read_source
from qaudit.checklists.spec import ChecklistSpec, PromiseSetSpec, ReadinessSpec, Spec
from qaudit.i18n import _

_KINDS: dict[str, type[ChecklistSpec] | type[ReadinessSpec] | type[PromiseSetSpec]] = {
    "basis": ChecklistSpec,
    "visitation": ChecklistSpec,
    "cirkel": ChecklistSpec,
    "readiness": ReadinessSpec,
    "promises": PromiseSetSpec,
}
KIND_OF_ID = {
    "basis-op-orde": "basis",
    "waarderende-visitatie": "visitation",
    "cirkel-van-kwaliteit": "cirkel",
    "klantbeloften": "promises",
    "gereedheidsscan": "readiness",
}
"""The checklists the cycle knows: one kind per id (a promise set cannot be the basis)."""


@dataclass(frozen=True)
class Loaded:
    spec: Spec
    source: Source


def load_file(file: Path) -> Spec:
    """Parse and validate one file on its own (cross-file references are checked elsewhere)."""
    return load_with_source(file).spec


def load_with_source(file: Path) -> Loaded:
    source = read_source(file)
    if not isinstance(source.data, dict):
        raise ChecklistError(
            [source.problem((), _("the file must hold a mapping (id, version, ...)"))]
        )
    kind = source.data.get("kind")
    model = _KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        expected = ", ".join(_KINDS)
        raise ChecklistError(
            [
                source.problem(
                    ("kind",),
                    _("must be one of {expected}, not {kind!r}").format(
                        expected=expected, kind=kind
                    ),
                )
            ]
        )
    ident = source.data.get("id")
    expected_kind = KIND_OF_ID.get(ident) if isinstance(ident, str) else None
    if expected_kind is not None and expected_kind != kind:
        message = _("'{id}' is a checklist of kind {expected}, not {kind}").format(
            id=ident, expected=expected_kind, kind=kind
        )
        raise ChecklistError([source.problem(("kind",), message)])
    try:
        spec = TypeAdapter(model).validate_python(source.data)
    except ValidationError as exc:
        raise ChecklistError([_problem(source, error, model) for error in exc.errors()]) from None
    problems = list(_duplicate_ids(source, spec))
    if problems:
        raise ChecklistError(problems)
    return Loaded(spec, source)


def _problem(source: Source, error: ErrorDetails, model: type[BaseModel]) -> Problem:
    path = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        known = _fields_at(model, path[:-1])
        guess = difflib.get_close_matches(str(path[-1]), known, n=1)
        if guess:
            return source.problem(
                path, _("unknown field (did you mean '{name}'?)").format(name=guess[0])
            )
        return source.problem(
            path, _("unknown field (known: {names})").format(names=", ".join(known))
        )
    if kind == "missing":
        return source.problem(path, _("missing"))
    if kind == "string_too_short":
        return source.problem(path, _("missing text"))
    if kind == "string_pattern_mismatch":
        message = _("'{value}' is not a valid id here (pattern {pattern})")
        return source.problem(
            path,
            message.format(value=error["input"], pattern=(error.get("ctx") or {}).get("pattern")),
        )
    if kind == "interview_group":
        message = _("an interview needs a group ({groups})")
        return source.problem(path, message.format(groups=(error.get("ctx") or {}).get("groups")))
    if kind == "group_without_interview":
        return source.problem(path, _("only an interview has a group"))
    return source.problem(path, error["msg"])


def _fields_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The field names allowed at ``path`` inside ``model``."""
    current: type[BaseModel] = model
    for step in path:
        if isinstance(step, int):
            continue
        annotation = current.model_fields[str(step)].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            current = inner
    return sorted(current.model_fields)


def _duplicate_ids(source: Source, spec: Spec) -> Iterable[Problem]:
    if isinstance(spec, PromiseSetSpec):
        groups = [(("promises", i), p.id) for i, p in enumerate(spec.promises)]
        yield from _first_seen(source, groups)
        return
    yield from _first_seen(source, [(("themes", i), t.id) for i, t in enumerate(spec.themes)])
    yield from _first_seen(
        source,
        [
            (("themes", i, "points", j), p.id)
            for i, theme in enumerate(spec.themes)
            for j, p in enumerate(theme.points)
        ],
    )


def _first_seen(source: Source, items: list[tuple[tuple, str]]) -> Iterable[Problem]:
    seen: dict[str, int] = {}
    for path, ident in items:
        if ident in seen:
            first = seen[ident]
            yield source.problem(
                (*path, "id"),
                _("duplicate id '{id}' (first on line {line})").format(id=ident, line=first),
            )
        else:
            seen[ident] = source.line_of((*path, "id"))
