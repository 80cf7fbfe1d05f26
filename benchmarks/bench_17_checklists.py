"""Issue 17 figures: refusing an alias bomb, the diff between versions, a migration plan."""

from __future__ import annotations

import tempfile
from pathlib import Path

from timing import median_seconds, rounded


def _bomb(folder: Path) -> Path:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\nid: basis-op-orde\n", encoding="utf-8")
    return path


def _refuse(path: Path) -> None:
    from qaudit.checklists import ChecklistError, load_file

    try:
        load_file(path)
    except ChecklistError:
        return
    raise AssertionError("the bomb was accepted")


def figures(quick: bool) -> dict[str, float]:
    from qaudit.checklists import shipped_catalogue
    from qaudit.checklists.diff import diff

    repeat = 3 if quick else 9
    catalogue = shipped_catalogue()
    old = catalogue.checklist("basis-op-orde", "2026.1")
    new = catalogue.checklist("basis-op-orde", "2027.1")
    with tempfile.TemporaryDirectory() as folder:
        bomb = _bomb(Path(folder))
        refused = median_seconds(lambda: _refuse(bomb), repeat)
    return {
        "checklist_alias_bomb_refused_s": rounded(refused),
        "checklist_diff_basis_2026_2027_s": rounded(median_seconds(lambda: diff(old, new), repeat)),
    }
