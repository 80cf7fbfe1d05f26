"""Core figures: start-up of the command line and of the headless modules."""

from __future__ import annotations

import sys

from timing import command_seconds, median_seconds, python, rounded


def figures(quick: bool) -> dict[str, float]:
    repeat = 5 if quick else 15
    bare = command_seconds(python("pass"), repeat)
    version = command_seconds([sys.executable, "-m", "qaudit", "--version"], repeat)
    headless = command_seconds(
        python("import qaudit.services.assessments, qaudit.checklists, qaudit.domain.verdict"),
        repeat,
    )
    from qaudit.checklists import load_catalogue
    from qaudit.paths import checklists_dir

    load = median_seconds(lambda: load_catalogue(checklists_dir()), 3 if quick else 7)
    return {
        "cli_version_s": rounded(version),
        "headless_import_s": rounded(headless),
        "python_startup_s": rounded(bare),
        "cli_version_ratio_to_python": rounded(version / bare, 2),
        "checklists_load_s": rounded(load),
    }
