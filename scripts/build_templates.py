"""Build the default Word templates in report_templates/ (Dutch and English) with python-docx.

    python scripts/build_templates.py            # write report_templates/*.docx
    python scripts/build_templates.py --check    # exit 1 if a shipped template differs
    python scripts/build_templates.py --out DIR  # write them somewhere else

This file is the reviewable text of the templates: every heading, sentence and Jinja tag is
below, in both languages. Staff restyle the .docx files in Word or LibreOffice (logo, fonts,
wording, order of sections) and point the ``template_dir`` setting at their folder; the tags
are described in report_templates/README.md. The output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "report_text"))  # docx_builder
sys.path.insert(0, str(Path(__file__).resolve().parent))  # report_text

from docx_builder import LANGUAGES, Builder, Text

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "report_templates"
CONTENT_PARTS = ("word/document.xml", "word/header", "word/footer")
"""The parts that hold the templates' text and tags (not python-docx's stock styles)."""


from report_text.basis import basis
from report_text.board import advice, overview
from report_text.clientvoice import clientvoice
from report_text.network import netwerk, spiegel
from report_text.promises import cirkel, visitation
from report_text.sections import privacy_note

PRIVACY_NOTE_IN_CONTENT = {"basis-op-orde"}
"""Reports that place the privacy note themselves (beside their interviews)."""
WITHOUT_PRIVACY_NOTE = {"clientervaring", "spiegel", "netwerk"}
"""Reports of figures, not of an assessment's free text: their builders check text on entry
and give no redaction count."""

TEMPLATES: dict[str, tuple[Callable[[Builder], None], Text, Text, bool]] = {
    # kind: (content, document title, page header, landscape)
    "basis-op-orde": (
        basis,
        ("Auditrapport Basis op orde", "Basis op orde audit report"),
        (
            "{{ location.name }} · Auditrapport Basis op orde",
            "{{ location.name }} · Basis op orde audit report",
        ),
        False,
    ),
    "visitatie": (
        visitation,
        ("Rapport waarderende visitatie", "Appreciative visitation report"),
        (
            "{{ location.name }} · Waarderende visitatie",
            "{{ location.name }} · Appreciative visitation",
        ),
        False,
    ),
    "cirkel": (
        cirkel,
        ("Rapport Cirkel van Kwaliteit@", "Cirkel van Kwaliteit@ report"),
        (
            "{{ location.name }} · Cirkel van Kwaliteit@",
            "{{ location.name }} · Cirkel van Kwaliteit@",
        ),
        False,
    ),
    "advies": (
        advice,
        ("Kwaliteitsadvies", "Quality advice"),
        ("{{ location.name }} · Kwaliteitsadvies", "{{ location.name }} · Quality advice"),
        False,
    ),
    "clientervaring": (
        clientvoice,
        ("Cliëntervaring", "Client experience"),
        ("{{ location.name }} · Cliëntervaring", "{{ location.name }} · Client experience"),
        False,
    ),
    "overzicht": (
        overview,
        ("Overzicht van de coöperatie", "Cooperative overview"),
        ("{{ cooperative.name }} · Overzicht", "{{ cooperative.name }} · Overview"),
        True,
    ),
    "spiegel": (
        spiegel,
        ("Spiegelrapport", "Mirror report"),
        ("{{ location.name }} · Spiegelrapport", "{{ location.name }} · Mirror report"),
        True,
    ),
    "netwerk": (
        netwerk,
        ("Lerend netwerk", "Learning network"),
        ("{{ cooperative.name }} · Lerend netwerk", "{{ cooperative.name }} · Learning network"),
        False,
    ),
}


def build(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, (content, title, header, landscape) in TEMPLATES.items():
        for language in LANGUAGES:
            builder = Builder(language, header, landscape=landscape)
            content(builder)
            if kind not in PRIVACY_NOTE_IN_CONTENT | WITHOUT_PRIVACY_NOTE:
                privacy_note(builder)  # at the end: how much personal data was blanked out
            path = folder / f"{kind}.{language}.docx"
            builder.save(path, title)
            written.append(path)
    return written


def content_parts(path: Path) -> dict[str, bytes]:
    """The parts that hold the template's text and tags (not python-docx's stock styles)."""
    with zipfile.ZipFile(path) as package:
        return {
            name: package.read(name)
            for name in package.namelist()
            if name.startswith(CONTENT_PARTS)
        }


def check(folder: Path) -> list[str]:
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        for fresh in build(Path(scratch)):
            shipped = folder / fresh.name
            if not shipped.is_file():
                problems.append(f"{shipped} is missing: run scripts/build_templates.py")
            elif content_parts(shipped) != content_parts(fresh):
                problems.append(f"{shipped} is stale: run scripts/build_templates.py")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write (report_templates)")
    options = parser.parse_args(argv)
    if options.check:
        problems = check(options.out)
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for path in build(options.out):
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
