"""Find measurement points by id or by words, accent-insensitive.

The checklist screen's ``/``: an index is built once per checklist (:func:`build_index`),
then every keystroke searches it (:func:`search`) without touching the database.

- **By id**: ``T03.02``, ``3.2``, ``t3.2``, ``BO-3.2`` and ``BO.3`` all name a point by its
  numbers; leading zeros do not count, and a prefix that is no theme of this checklist
  (``BO`` for basis op orde) is ignored. Ids that merely start with the query follow.
- **By words**: every word must occur in the point's text, guidance, legal basis,
  evidence or theme title; accents and case do not count (``clientdossier`` finds
  ``cliëntdossier``). Points with the words in their own text come first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qaudit.checklists import ChecklistSpec, Point

_ID = re.compile(r"^\s*([a-z]*)\s*[-.\s]?\s*(\d+(?:\s*[.\-]\s*\d+)*)\s*\.?\s*$")
_NUMBERS = re.compile(r"\d+")
_PREFIX = re.compile(r"^[A-Za-z]+")


def fold(text: str) -> str:
    """Lower case without accents: ``Cliëntdossier`` → ``clientdossier``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Hit:
    """One point found: its id, theme and text, and how it was found (``id`` or ``words``)."""

    point_id: str
    theme_id: str
    text: str
    how: str


@dataclass(frozen=True)
class _Entry:
    point_id: str
    theme_id: str
    text: str
    prefix: str
    """The id's letters, folded (``t``, ``bo``, ``ckb``)."""
    numbers: tuple[int, ...]
    """The id's numbers (``T03.02`` → (3, 2))."""
    folded_id: str
    own: str
    """The folded point text."""
    rest: str
    """The folded guidance, basis, evidence and theme title."""


@dataclass(frozen=True)
class PointIndex:
    """Every point of one checklist, folded once for searching."""

    entries: tuple[_Entry, ...]
    prefixes: frozenset[str]

    def __len__(self) -> int:
        return len(self.entries)


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in _NUMBERS.findall(text))


def build_index(points: Iterable[Point], theme_titles: dict[str, tuple[str, str]]) -> PointIndex:
    """``theme_titles``: per point id, its theme's (id, title)."""
    entries = []
    for point in points:
        theme_id, theme_title = theme_titles.get(point.id, ("", ""))
        evidence = " ".join(f"{e.kind} {e.detail}" for e in point.evidence)
        match = _PREFIX.match(point.id)
        entries.append(
            _Entry(
                point_id=point.id,
                theme_id=theme_id,
                text=point.text,
                prefix=fold(match.group(0)) if match else "",
                numbers=_numbers(point.id),
                folded_id=fold(point.id),
                own=fold(point.text),
                rest=fold(" ".join((point.guidance, point.basis, evidence, theme_title))),
            )
        )
    return PointIndex(tuple(entries), frozenset(e.prefix for e in entries))


def _by_id(index: PointIndex, query: str) -> list[_Entry]:
    """Points named by the query's numbers (and prefix, when it is one of this checklist's)."""
    match = _ID.match(query)
    if match is None:
        return []
    prefix, numbers = match.group(1), _numbers(match.group(2))
    use_prefix = prefix in index.prefixes
    exact = [
        e for e in index.entries if e.numbers == numbers and (not use_prefix or e.prefix == prefix)
    ]
    if exact or len(numbers) > 1:
        return exact
    # one number: a theme (``3``, ``T3``) — its points, in order
    return [
        e
        for e in index.entries
        if e.numbers[:1] == numbers and (not use_prefix or e.prefix == prefix)
    ]


def search(index: PointIndex, query: str, limit: int = 50) -> list[Hit]:
    """The points the query names or describes, best first; at most ``limit``."""
    folded = fold(query).strip()
    if not folded:
        return []
    found: list[Hit] = []
    seen: set[str] = set()

    def add(entries: Sequence[_Entry], how: str) -> None:
        for entry in entries:
            if entry.point_id not in seen and len(found) < limit:
                seen.add(entry.point_id)
                found.append(Hit(entry.point_id, entry.theme_id, entry.text, how))

    add(_by_id(index, folded), "id")
    compact = folded.replace(" ", "")
    add([e for e in index.entries if e.folded_id.startswith(compact)], "id")
    words = folded.split()
    scored = []
    for position, entry in enumerate(index.entries):
        score = 0
        for word in words:
            if word in entry.own:
                score += 2
            elif word in entry.rest:
                score += 1
            else:
                break
        else:
            scored.append((-score, position, entry))
    scored.sort(key=lambda item: (item[0], item[1]))
    add([entry for _, _, entry in scored], "words")
    return found


def index_checklist(spec: ChecklistSpec) -> PointIndex:
    """The index of a checklist's points, with their themes' titles."""
    themes = {p.id: (t.id, t.title) for t in spec.themes for p in t.points}
    return build_index(spec.points, themes)
