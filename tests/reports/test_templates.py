"""The shipped templates: built reproducibly by scripts/build_templates.py, documented fields."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from qaudit.paths import report_templates_dir
from qaudit.reports.kinds import KINDS
from qaudit.reports.problems import paragraphs
from qaudit.reports.templates import template_file

ROOT = Path(__file__).resolve().parents[2]


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_templates", ROOT / "scripts" / "build_templates.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_templates"] = module
    spec.loader.exec_module(module)
    return module


def test_the_shipped_templates_are_what_the_script_builds() -> None:
    assert _build_script().check(report_templates_dir()) == []


def test_a_rebuild_is_byte_for_byte_the_same(tmp_path: Path) -> None:
    script = _build_script()
    first = {p.name: p.read_bytes() for p in script.build(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in script.build(tmp_path / "b")}
    assert first == second


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_kind_has_a_template_in_both_languages(kind: str, language: str) -> None:
    path = template_file(kind, language)
    assert path.name == f"{kind}.{language}.docx"
    text = "\n".join(paragraphs(path.read_bytes()))
    assert "{{" in text  # it has fields
    if kind != "overzicht":
        assert "{{ location.name }}" in text and "draft_mark" in text


@pytest.mark.parametrize("reference", ["README.md", "LEESMIJ.md"])
def test_every_top_level_field_is_documented(reference: str) -> None:
    """report_templates/README.md (and the Dutch LEESMIJ.md) name every field in use."""
    readme = (ROOT / "report_templates" / reference).read_text(encoding="utf-8")
    used: set[str] = set()
    for path in report_templates_dir().glob("*.docx"):
        for text in paragraphs(path.read_bytes()):
            for tag in re.findall(r"\{\{(.*?)\}\}", text):
                used.update(re.findall(r"\b([a-z_]+)\.", tag) or re.findall(r"([a-z_]+)", tag)[:1])
    loop_variables = {
        "p",
        "t",
        "r",
        "f",
        "a",
        "e",
        "i",
        "o",
        "c",
        "l",
        "s",
        "d",
        "theme",
        "reason",
        "text",
        "line",
    }
    undocumented = sorted(f for f in used - loop_variables if f"`{f}" not in readme)
    assert undocumented == []


@pytest.mark.parametrize("reference", ["README.md", "LEESMIJ.md"])
def test_every_attribute_the_templates_use_is_documented(reference: str) -> None:
    """Not only the top-level fields: every ``.attribute`` a shipped template prints or tests."""
    readme = (ROOT / "report_templates" / reference).read_text(encoding="utf-8")
    used: set[str] = set()
    for path in report_templates_dir().glob("*.docx"):
        for text in paragraphs(path.read_bytes()):
            for tag in re.findall(r"\{[{%](.*?)[%}]\}", text):
                used.update(re.findall(r"\b[a-z_]+\.([a-z_][a-z0-9_]*)", tag))
    undocumented = sorted(a for a in used if f"`.{a}`" not in readme)
    assert undocumented == []
