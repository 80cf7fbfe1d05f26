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


def _build(
    node: yaml.Node, path: Path_, source: Source, problems: list[Problem], loader: yaml.SafeLoader
) -> Any:
    source.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                line = key_node.start_mark.line + 1
                problems.append(
                    Problem(source.file, line, dotted((*path, key), None), _("duplicate key"))
                )
                continue
            result[key] = _build(value_node, (*path, key), source, problems, loader)
            source.lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, i), source, problems, loader) for i, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


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
