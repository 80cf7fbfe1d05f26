"""Settings: defaults, the config file, the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from qaudit.config import Settings, load_settings
from qaudit.errors import QauditError
from qaudit.i18n import set_language


def test_defaults_without_a_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "missing.toml", environ={})
    assert settings == Settings()
    assert settings.resolved_database_url().endswith("qaudit.db")


def test_file_then_environment(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text(
        'language = "en"\ndatabase_url = "sqlite:///a.db"\n[keys]\n"checklist.next" = "n"\n'
    )
    settings = load_settings(file, environ={"QAUDIT_DATABASE_URL": "sqlite:///b.db"})
    assert settings.language == "en"
    assert settings.database_url == "sqlite:///b.db"
    assert settings.keys == {"checklist.next": "n"}


@pytest.mark.parametrize(
    "content, message",
    [
        ("language = ", "not valid TOML"),
        ('colour = "red"\n', "unknown setting(s): colour"),
        ('language = "fr"\n', "language: 'fr'"),
    ],
)
def test_bad_config_names_the_file_and_the_key(tmp_path: Path, content: str, message: str) -> None:
    set_language("en")
    file = tmp_path / "config.toml"
    file.write_text(content)
    with pytest.raises(QauditError, match=r"config\.toml") as exc:
        load_settings(file, environ={})
    assert message in str(exc.value)
