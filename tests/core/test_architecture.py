"""Imports point one way: nothing outside qaudit.tui imports Textual; start-up stays light."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import qaudit

HEAVY_FOR_CLI = ("textual", "docx", "docxtpl", "openpyxl", "alembic", "sqlalchemy", "sqlmodel")


def loaded_after(code: str) -> set[str]:
    script = f"import sys, json; {code}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return {name.split(".")[0] for name in json.loads(out.stdout)}


def headless_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(qaudit.__path__, "qaudit."):
        if info.name.startswith(("qaudit.tui", "qaudit.storage.migrations", "qaudit.__main__")):
            continue
        names.append(info.name)
    return names


def test_no_headless_module_imports_textual() -> None:
    modules = headless_modules()
    assert "qaudit.services.assessments" in modules
    imports = "; ".join(f"import {name}" for name in modules)
    assert "textual" not in loaded_after(imports)


def test_version_and_cli_parsing_import_nothing_heavy() -> None:
    loaded = loaded_after("from qaudit.cli import build_parser; build_parser()")
    assert not loaded & set(HEAVY_FOR_CLI)
