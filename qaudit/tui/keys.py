"""The ``[keys]`` table of config.toml checked against the workbench's bindings.

Textual applies a keymap silently: an unknown binding id is ignored, and a key given to
one binding takes it away from another binding of the same screen. Both are reported at
start-up instead, naming the id and the key (:func:`keymap_problems`).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from qaudit.i18n import _


@dataclass(frozen=True)
class Scope:
    """The bindings that are active together: one screen's (with its widgets') and the app's."""

    name: str
    bindings: tuple[tuple[str, str], ...]
    """(binding id, its keys as written, comma-separated)."""


def _keys(text: str) -> list[str]:
    return [key.strip() for key in text.split(",") if key.strip()]


def keymap_problems(
    keymap: Mapping[str, str], scopes: Sequence[Scope], app: Iterable[tuple[str, str]] = ()
) -> list[str]:
    """What is wrong with ``keymap`` (binding id -> keys): unknown ids, and keys given to
    two bindings of one screen (the app's own bindings count on every screen). Pure."""
    app_bindings = tuple(app)
    known = {ident for scope in scopes for ident, _k in scope.bindings}
    known |= {ident for ident, _k in app_bindings}
    problems = []
    for ident in sorted(set(keymap) - known):
        problems.append(
            _('[keys] "{id}": there is no binding with this id (F1 lists the ids).').format(
                id=ident
            )
        )
    reported: set[tuple[str, str, str]] = set()
    for scope in scopes:
        owners: dict[str, set[str]] = {}
        for ident, keys in (*scope.bindings, *app_bindings):
            for key in _keys(keymap.get(ident, keys)):
                owners.setdefault(key, set()).add(ident)
        for key, idents in sorted(owners.items()):
            remapped = sorted(i for i in idents if i in keymap)
            if len(idents) < 2 or not remapped:
                continue  # the shipped keys, or no clash
            for other in sorted(idents - {remapped[0]}):
                first, second = sorted((remapped[0], other))
                pair = (key, first, second)
                if pair in reported:
                    continue
                reported.add(pair)
                problems.append(
                    _(
                        '[keys] key "{key}" is given to "{id}" but also belongs to "{other}" '
                        "on the same screen; only one of them can have it."
                    ).format(key=key, id=remapped[0], other=other)
                )
    return problems


def workbench_scopes() -> tuple[list[Scope], list[tuple[str, str]]]:
    """Every screen of the workbench with its bindings, and the app's own bindings.

    Imports every screen module: meant for a worker after the first frame."""
    from textual.dom import DOMNode
    from textual.screen import Screen

    import qaudit.tui.screens
    import qaudit.tui.widgets
    from qaudit.tui.app import QAuditApp

    for package in (qaudit.tui.screens, qaudit.tui.widgets):
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(module.name)
    widgets: list[tuple[str, str]] = []
    screens: list[type[DOMNode]] = []
    for cls in _subclasses(DOMNode):
        if not cls.__module__.startswith("qaudit.tui") or cls is QAuditApp:
            continue
        if issubclass(cls, Screen):
            screens.append(cls)
        else:
            widgets += _ids(cls)  # a widget of our own may sit on any screen
    scopes = [Scope(cls.__name__, tuple(_ids(cls)) + tuple(widgets)) for cls in screens]
    return scopes, _ids(QAuditApp)


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    subs: list[type] = cls.__subclasses__()
    for sub in subs:
        found.append(sub)
        found += _subclasses(sub)
    return found


def _ids(cls: type) -> list[tuple[str, str]]:
    from textual.binding import Binding

    found = []
    for klass in reversed(cls.__mro__):
        for item in klass.__dict__.get("BINDINGS", ()):
            if isinstance(item, Binding) and item.id:
                found.append((item.id, item.key))
    return found


def check_keymap(keymap: Mapping[str, str]) -> list[str]:
    """The problems of ``keymap`` against the workbench's own screens."""
    if not keymap:
        return []
    scopes, app = workbench_scopes()
    return keymap_problems(keymap, scopes, app)
