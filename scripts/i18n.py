"""Extract, update and compile the gettext catalogs.

    python scripts/i18n.py            # extract all areas, update nl/*.po, compile *.mo
    python scripts/i18n.py --check    # exit 1 if a catalog is stale or a translation missing
    python scripts/i18n.py --area tui # only one area's catalog

Each area of the program owns one catalog, so people working on different areas never edit
the same file. Message ids are English; the Dutch catalog must translate every one.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "qaudit"
LOCALE = PACKAGE / "locale"
LANGUAGES = ("nl",)
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}

AREAS: dict[str, tuple[str, ...]] = {
    "clientvoice": (  # issue 12; first, so its modules under reports/ and tui/ land here
        "domain/clientvoice",
        "excel/feedback_",
        "cli/voice",
        "services/voice",
        "reports/clientvoice",
        "tui/screens/clientvoice",
    ),
    "tui": ("tui/",),
    "reports": (
        "reports/",
        "cli/report.py",
        "services/reports.py",
        "services/report_target.py",
    ),
    "excel": ("excel/", "cli/excel.py", "services/excel.py"),
    "schedule": ("scheduling/", "scheduling.py", "cli/schedule.py", "services/schedule.py"),
    "access": (
        "domain/access.py",
        "cli/access.py",
        "cli/history.py",
        "services/access.py",
        "services/users.py",
        "services/history.py",
        "services/work_people.py",
        "cli/work.py",
    ),
    "safety": ("files.py", "storage/faults.py", "storage/backup.py", "services/dbcheck.py"),
    "versions": (  # issue 17: checklist versions, n.v.t. rules, profiles, re-checks
        "domain/answer_rules.py",
        "domain/profile.py",
        "domain/recheck.py",
        "checklists/diff.py",
        "services/answer_check.py",
        "services/profiles.py",
        "services/rechecks.py",
        "services/migrate.py",
        "cli/versions.py",
    ),
}


def area_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE).as_posix()
    for area, prefixes in AREAS.items():
        if any(rel == p or rel.startswith(p) for p in prefixes):
            return area
    return "core"


def extract(area: str) -> Catalog:
    catalog = Catalog(project="qaudit", locale=None)
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts or area_of(path) != area:
            continue
        for lineno, message, comments, _context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, strip_comment_tags=True
        ):
            location = (path.relative_to(ROOT).as_posix(), lineno)
            catalog.add(message, locations=[location], auto_comments=comments)
    return catalog


def po_path(language: str, area: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{area}.po"


def load_po(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, project="qaudit")
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def updated(template: Catalog, path: Path, language: str) -> Catalog:
    catalog = load_po(path, language)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    catalog.creation_date = catalog.revision_date = FIXED_DATE  # reproducible files
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True, no_location=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


# Header lines the tools write themselves: a new Babel release or another day changes them
# without changing a single translation, so the check ignores them.
TOOL_HEADERS = frozenset(
    {"Generated-By", "POT-Creation-Date", "PO-Revision-Date", "Project-Id-Version"}
)


def po_content(catalog: Catalog) -> tuple[object, ...]:
    """What a catalog says: its messages, translations, plural forms and flags."""
    messages = sorted(
        (
            repr(m.id),
            repr(m.string),
            m.context or "",
            tuple(sorted(m.flags)),
        )
        for m in catalog
        if m.id
    )
    headers = sorted((key, value) for key, value in catalog.mime_headers if key not in TOOL_HEADERS)
    return (tuple(headers), str(catalog.plural_forms), tuple(messages))


def mo_content(data: bytes) -> tuple[object, ...]:
    """What a compiled catalog says, without its header entry."""
    catalog = read_mo(io.BytesIO(data))
    return tuple(sorted((repr(m.id), repr(m.string), m.context or "") for m in catalog if m.id))


def stale(path: Path, catalog: Catalog, language: str) -> str | None:
    """Why the files at ``path`` do not hold ``catalog`` (None when they do)."""
    mo = path.with_suffix(".mo")
    if not path.exists() or po_content(load_po(path, language)) != po_content(catalog):
        return f"{shown(path)} is stale: run scripts/i18n.py"
    if not mo.exists() or mo_content(mo.read_bytes()) != mo_content(mo_bytes(catalog)):
        return f"{shown(mo)} is stale: run scripts/i18n.py"
    return None


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def missing(catalog: Catalog) -> list[str]:
    """Messages without a translation: an empty msgstr, any empty plural form, or fuzzy."""

    def empty(string: object) -> bool:
        return not all(string) if isinstance(string, tuple | list) else not string

    return [str(m.id) for m in catalog if m.id and (empty(m.string) or m.fuzzy)]


def run(check: bool, only: str | None = None) -> int:
    problems: list[str] = []
    areas = [only] if only else sorted({*AREAS, "core"})
    for language in LANGUAGES:
        for area in areas:
            template = extract(area)
            path = po_path(language, area)
            if not len(template) and not path.exists():
                continue
            catalog = updated(template, path, language)
            if check:
                reason = stale(path, catalog, language)
                problems += [reason] if reason else []
                problems += [
                    f"{path.relative_to(ROOT)}: untranslated: {m!r}" for m in missing(catalog)
                ]
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(po_bytes(catalog))
                path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
                for message in missing(catalog):
                    print(f"{path.relative_to(ROOT)}: untranslated: {message!r}")
    if not only:
        problems += clashes(LANGUAGES)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def clashes(languages: tuple[str, ...]) -> list[str]:
    """Message ids that two areas translate differently: at run time only one would win."""
    problems = []
    for language in languages:
        seen: dict[str, tuple[str, str]] = {}
        for path in sorted((LOCALE / language / "LC_MESSAGES").glob("*.po")):
            for message in load_po(path, language):
                if not message.id or not message.string:
                    continue
                key, text = str(message.id), str(message.string)
                if key in seen and seen[key][1] != text:
                    other, theirs = seen[key]
                    problems.append(
                        f"{path.name} and {other} translate {key!r} differently: "
                        f"{text!r} vs {theirs!r} (use one translation)"
                    )
                seen.setdefault(key, (path.name, text))
    return problems


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    parser.add_argument("--area", choices=sorted({*AREAS, "core"}), help="only this catalog")
    options = parser.parse_args()
    raise SystemExit(run(options.check, options.area))
