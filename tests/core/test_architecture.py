"""Imports point one way: nothing outside qaudit.tui imports Textual; start-up stays light."""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys

import pytest

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


def test_the_workbench_opens_without_the_settings_model_or_the_database_layer() -> None:
    """What ``qaudit`` loads before its first frame: no pydantic (the settings model is built
    after it), no SQLAlchemy, no planner (the dashboard is read by a helper process)."""
    loaded = loaded_after(
        "import qaudit.cli, qaudit.cli.ui, qaudit.config_source, qaudit.tui.app, "
        "qaudit.services.dashboard_prefetch, qaudit.services.dashboard_row"
    )
    assert "textual" in loaded
    assert not loaded & {"pydantic", "sqlalchemy", "sqlmodel", "alembic", "holidays"}


def test_the_ui_translates_when_it_draws_and_uses_no_private_textual_api() -> None:
    """No ``_()`` evaluated when a UI module is imported (bindings and class attributes keep
    message ids, so the language can switch in the running app); no ``textual._*`` import."""
    import ast
    from pathlib import Path

    eager, private = [], []
    for path in sorted((Path(qaudit.__file__).parent / "tui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))

        def walk(node: ast.AST, in_function: bool, path: Path = path) -> None:
            for child in ast.iter_child_nodes(node):
                inside = in_function or isinstance(
                    child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                )
                call = isinstance(child, ast.Call) and isinstance(child.func, ast.Name)
                if call and child.func.id == "_" and not in_function:  # type: ignore[attr-defined]
                    eager.append(f"{path.name}:{child.lineno}")  # type: ignore[attr-defined]
                walk(child, inside)

        walk(tree, False)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("textual._"):
                private.append(f"{path.name}:{node.lineno} {node.module}")
    assert eager == [] and private == []


def test_no_private_argparse_api() -> None:
    """No ``argparse._Something`` and no assignment to argparse's module attributes: argparse
    speaks the user's language through gettext's public domain API (``cli.argparse_nl``)."""
    import ast
    from pathlib import Path

    private = []
    for path in sorted(Path(qaudit.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_argparse = (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "argparse"
            )
            if is_argparse and (node.attr.startswith("_") or isinstance(node.ctx, ast.Store)):  # type: ignore[attr-defined]
                private.append(f"{path.name}:{node.lineno} argparse.{node.attr}")  # type: ignore[attr-defined]
    assert private == []


def test_argparse_speaks_the_chosen_language() -> None:
    def run(*argv: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "qaudit", *argv, "action", "add", "--location", "x"],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2
        return done.stderr

    assert "gebruik:" in run() and "fout: argument --location" in run()
    english = run("--language", "en")
    assert "usage:" in english and "error: argument --location" in english


def test_argparse_leaves_no_language_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    """``LANGUAGE`` is set only while argparse speaks: database drivers and child processes
    never inherit it."""
    from qaudit.cli import main

    monkeypatch.delenv("LANGUAGE", raising=False)
    for argv in (["action", "add", "--location", "1"], ["report", "--help"]):
        with pytest.raises(SystemExit):  # a refusal, and help: argparse spoke, then exited
            main(argv)
        assert "LANGUAGE" not in os.environ
