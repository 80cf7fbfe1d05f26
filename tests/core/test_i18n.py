"""Dutch by default, English by setting; the catalogs are complete and compiled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from qaudit.domain.enums import Result, Step
from qaudit.i18n import set_language

ROOT = Path(__file__).resolve().parents[2]


def test_labels_follow_the_language() -> None:
    assert Result.PARTLY.label == "voldoet deels"
    assert Step.TRANSLATE_PROMISES.label == "Klantbeloften vertalen naar de locatie"
    set_language("en")
    assert Result.PARTLY.label == "partly compliant"
    assert Step.TRANSLATE_PROMISES.label == "Translate the client promises to the location"


def test_every_message_has_a_dutch_translation_and_the_catalogs_are_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def _i18n_script():  # type: ignore[no-untyped-def]
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "qaudit_i18n_script", ROOT / "scripts" / "i18n.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalog_check_ignores_tool_written_headers_but_not_translations(
    tmp_path: Path,
) -> None:
    script = _i18n_script()
    real = script.po_path("nl", "core")
    catalog = script.updated(script.extract("core"), real, "nl")
    copy = tmp_path / "core.po"

    other_tool = real.read_text(encoding="utf-8")
    other_tool = other_tool.replace("Generated-By: Babel", "Generated-By: Babel 9.9 was")
    other_tool = other_tool.replace(
        "POT-Creation-Date: 2026-01-01", "POT-Creation-Date: 2031-05-07"
    )
    assert other_tool != real.read_text(encoding="utf-8")
    copy.write_text(other_tool, encoding="utf-8")
    copy.with_suffix(".mo").write_bytes(real.with_suffix(".mo").read_bytes())
    assert script.stale(copy, catalog, "nl") is None

    changed = real.read_text(encoding="utf-8").replace(
        'msgstr "%(prog)s: fout: %(message)s\\n"', 'msgstr "%(prog)s: probleem: %(message)s\\n"'
    )
    copy.write_text(changed, encoding="utf-8")
    assert "is stale" in script.stale(copy, catalog, "nl")

    copy.write_text(other_tool, encoding="utf-8")
    copy.with_suffix(".mo").write_bytes(script.mo_bytes(script.Catalog(locale="nl")))
    assert "core.mo is stale" in script.stale(copy, catalog, "nl")


def test_catalogs_are_read_when_a_lookup_first_reaches_them() -> None:
    from qaudit.i18n import translation

    translation.cache_clear()
    try:
        chain = translation("nl")
        assert chain.gettext("Locations") == "Locaties"  # the terminal UI's catalog
        assert _read_catalogs(chain) == ["tui"]
        # a report's word is in a catalog further down: those before it are read on the way
        assert chain.gettext("(empty)") == "(leeg)"  # the workbooks' catalog
        assert "excel" in _read_catalogs(chain) and "versions" not in _read_catalogs(chain)
        assert chain.gettext("no such message") == "no such message"  # read to the end
        assert "versions" in _read_catalogs(chain)
    finally:
        translation.cache_clear()


def _read_catalogs(chain) -> list[str]:
    read = []
    while hasattr(chain, "_path"):
        if chain._read is not None:
            read.append(chain._path.stem)
        chain = chain._next
    return read
