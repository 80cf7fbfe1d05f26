"""Reading YAML while remembering the line of every value, so errors can name it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from qaudit.checklists.errors import ChecklistError, Problem
from qaudit.i18n import _

Path_ = tuple[str | int, ...]

# libyaml's parser when PyYAML was built with it (it is, in the wheels): 10× faster, same marks.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Source:
    """A parsed file: its data and the 1-based line of each path within it."""

    file: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.file, self.line_of(path), dotted(path, self.data), message)


def read_source(file: Path) -> Source:
    """Parse ``file``; syntax errors and duplicate keys raise :class:`ChecklistError`."""
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecklistError(
            [Problem(file, 1, "", _("cannot read the file: {error}").format(error=exc))]
        ) from exc
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except RecursionError:
        loader.dispose()
        raise ChecklistError(
            [
                Problem(
                    file, 1, "", _("nested more than {limit} levels deep").format(limit=MAX_DEPTH)
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise ChecklistError(
            [Problem(file, line, "", _("not valid YAML: {reason}").format(reason=reason))]
        ) from exc
    source = Source(file, None)
    problems: list[Problem] = []
    try:
        source.data = _build(node, (), source, problems, loader) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise ChecklistError(
            [Problem(file, line, "", _("not valid YAML: {reason}").format(reason=exc))]
        ) from exc
    finally:
        loader.dispose()
    if problems:
        raise ChecklistError(problems)
    return source


_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "null", "bool")}
_BOOL_WORDS = {"true": True, "false": False}
MAX_DEPTH = 40
MAX_ALIAS_EXPANSION = 1000
"""Nodes an alias may repeat in all: a few shared snippets, never a "billion laughs" bomb."""


@dataclass
class _Walk:
    """State of one build: the problems, the nodes being built and the alias budget."""

    source: Source
    loader: yaml.SafeLoader
    problems: list[Problem] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    open: set[int] = field(default_factory=set)
    repeated: int = 0


class _Refused(Exception):
    """Stops the build: the file cannot be read safely (recursive or exploding aliases)."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message


def _build(
    node: yaml.Node, path: Path_, source: Source, problems: list[Problem], loader: yaml.SafeLoader
) -> Any:
    walk = _Walk(source, loader, problems)
    try:
        return _node(node, path, walk)
    except _Refused as exc:
        problems.append(Problem(source.file, exc.line, dotted(path, None), exc.message))
        return None


def _node(node: yaml.Node, path: Path_, walk: _Walk) -> Any:
    line = node.start_mark.line + 1
    key = id(node)
    if len(path) > MAX_DEPTH:
        raise _Refused(line, _("nested more than {limit} levels deep").format(limit=MAX_DEPTH))
    if key in walk.open:
        raise _Refused(line, _("an alias refers to itself (a recursive structure)"))
    if key in walk.seen:
        walk.repeated += 1
        if walk.repeated > MAX_ALIAS_EXPANSION:
            raise _Refused(
                line,
                _("aliases expand to more than {limit} repeated values").format(
                    limit=MAX_ALIAS_EXPANSION
                ),
            )
    walk.seen.add(key)
    walk.source.lines[path] = line
    if isinstance(node, yaml.MappingNode):
        return _inside(node, walk, lambda: _mapping(node, path, walk), _TAG + "map", path)
    if isinstance(node, yaml.SequenceNode):
        items = lambda: [_node(item, (*path, i), walk) for i, item in enumerate(node.value)]  # noqa: E731
        return _inside(node, walk, items, _TAG + "seq", path)
    return _scalar(node, path, walk)


def _inside(node: yaml.Node, walk: _Walk, build: Any, tag: str, path: Path_) -> Any:
    if node.tag != tag:
        walk.problems.append(_tag_problem(node, path, walk))
        return None
    walk.open.add(id(node))
    try:
        return build()
    finally:
        walk.open.discard(id(node))


def _mapping(node: yaml.MappingNode, path: Path_, walk: _Walk) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_TAGS:
            walk.problems.append(
                Problem(walk.source.file, line, dotted(path, None), _("a key must be plain text"))
            )
            continue
        key = str(key_node.value)
        if key in result:
            walk.problems.append(
                Problem(walk.source.file, line, dotted((*path, key), None), _("duplicate key"))
            )
            continue
        result[key] = _node(value_node, (*path, key), walk)
        walk.source.lines[(*path, key)] = line
    return result


def _scalar(node: yaml.Node, path: Path_, walk: _Walk) -> Any:
    if node.tag == _TAG + "timestamp":
        return str(node.value)  # a date written without quotes is still just text here
    if node.tag not in _SCALAR_TAGS:
        walk.problems.append(_tag_problem(node, path, walk))
        return None
    if node.tag == _TAG + "bool":
        word = str(node.value).lower()
        if word not in _BOOL_WORDS:
            message = _("'{value}' is not a yes/no value here: write true or false").format(
                value=node.value
            )
            walk.problems.append(walk.source.problem(path, message))
            return None
        return _BOOL_WORDS[word]
    return walk.loader.construct_object(node, deep=True)


def _tag_problem(node: yaml.Node, path: Path_, walk: _Walk) -> Problem:
    tag = node.tag.replace(_TAG, "!!")
    message = _(
        "the YAML tag {tag} is not allowed (only text, numbers, true/false, lists and mappings)"
    )
    return Problem(
        walk.source.file, node.start_mark.line + 1, dotted(path, None), message.format(tag=tag)
    )


def dotted(path: Path_, data: Any) -> str:
    """``themes[2].points[4] (T03.05).guidance``: the path with the ids it passes through."""
    parts: list[str] = []
    cursor = data
    for step in path:
        if isinstance(step, int):
            label = f"[{step}]"
            try:
                cursor = cursor[step]
                if isinstance(cursor, dict) and isinstance(cursor.get("id"), str):
                    label += f" ({cursor['id']})"
            except (IndexError, KeyError, TypeError):
                cursor = None
            parts.append(label)
        else:
            parts.append(("." if parts else "") + step)
            cursor = cursor.get(step) if isinstance(cursor, dict) else None
    return "".join(parts)
