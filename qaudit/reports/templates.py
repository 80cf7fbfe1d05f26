"""Which .docx template a report uses: the user's folder first, then the shipped ones.

Template files are named after the report kind, with the language before the extension:
``basis-op-orde.nl.docx``, ``basis-op-orde.en.docx``. In a user's folder a file without a
language (``basis-op-orde.docx``) serves every language. A folder only needs the templates
it changes; the others come from the shipped set.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path

from qaudit.errors import QauditError
from qaudit.i18n import _
from qaudit.paths import report_templates_dir

SHIPPED_LANGUAGES = ("nl", "en")
CHART_FILE = "chart.toml"
"""The chart style of a template folder (the keys of the ``[chart]`` setting)."""


def template_names(kind: str, language: str) -> tuple[str, str]:
    return f"{kind}.{language}.docx", f"{kind}.docx"


def check_folder(folder: Path) -> Path:
    """``folder`` if it is a folder; otherwise a clear error."""
    folder = folder.expanduser()
    if not folder.exists():
        raise QauditError(_("template folder {path} does not exist").format(path=folder))
    if not folder.is_dir():
        raise QauditError(_("template folder {path} is not a folder").format(path=folder))
    return folder


def template_file(kind: str, language: str, template_dir: Path | None = None) -> Path:
    """The template for ``kind`` in ``language``: from ``template_dir`` if it has one."""
    names = template_names(kind, language)
    if template_dir is not None:
        folder = check_folder(template_dir)
        for name in names:
            if (folder / name).is_file():
                return folder / name
    shipped = report_templates_dir()
    fallback = language if language in SHIPPED_LANGUAGES else SHIPPED_LANGUAGES[0]
    candidate = shipped / template_names(kind, fallback)[0]
    if candidate.is_file():
        return candidate
    raise QauditError(_("no template {name} in {path}").format(name=names[0], path=shipped))


def unused_files(folder: Path, kinds: Iterable[str]) -> list[str]:
    """Files in a template folder that no report will use, each with the name it should have
    (a copy saved as "basis-op-orde.nl (kopie).docx" or as .odt is otherwise silently ignored)."""
    valid = [
        name
        for kind in kinds
        for language in SHIPPED_LANGUAGES
        for name in dict.fromkeys(template_names(kind, language))
    ]
    notices = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if not path.is_file() or name.startswith((".", "~$", ".~lock")) or name in valid:
            continue
        if name == CHART_FILE:
            continue
        if path.suffix.lower() in (".toml", ".tml") or name.lower().startswith("chart"):
            notices.append(
                _("{file} in the template folder is not used: name it {expected}").format(
                    file=name, expected=CHART_FILE
                )
            )
            continue
        stem = name.rsplit(".", 1)[0] + ".docx"
        close = difflib.get_close_matches(stem, valid, n=1, cutoff=0.5)
        if close:
            notices.append(
                _("{file} in the template folder is not used: name it {expected}").format(
                    file=name, expected=close[0]
                )
                + (_(" (and save it as a Word document, .docx)") if path.suffix != ".docx" else "")
            )
        else:
            notices.append(
                _(
                    "{file} in the template folder is not used: templates are named "
                    "KIND.LANGUAGE.docx, e.g. {example}"
                ).format(file=name, example=valid[0] if valid else "basis-op-orde.nl.docx")
            )
    return notices
