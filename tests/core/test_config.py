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
        (
            'kleur = "red"\n',
            "kleur: unknown setting; known: chart, clientvoice, cooperative, database_url",
        ),
        ('[cooperative]\nnaam = "X"\n', "cooperative.naam: unknown setting; did you mean name?"),
        ('[chart]\nmet = "green"\n', "chart.met: expected a table [chart] with colours as #RRGGBB"),
        ("[cooperative]\naddress = 5\n", "cooperative.address: expected a table [cooperative]"),
        ('langauge = "en"\n', "langauge: unknown setting; did you mean language?"),
        ("database_url = 5\n", "database_url: expected text (a database URL), got 5"),
        ('keys = "n"\n', "keys: expected a table of binding id = keys"),
        (
            "[planner]\nteam_sise = 2\n",
            "planner.team_sise: unknown setting; did you mean team_size?",
        ),
        ('[planner]\nteam_size = "2"\n', "planner.team_size: expected a whole number ≥ 1, got '2'"),
        (
            "[planner]\nprefer_same_region = 1\n",
            "planner.prefer_same_region: expected true or false",
        ),
        ('language = "fr"\n', "language: expected one of nl, en, got 'fr'"),
    ],
)
def test_bad_config_names_the_file_and_the_key(tmp_path: Path, content: str, message: str) -> None:
    set_language("en")
    file = tmp_path / "config.toml"
    file.write_text(content)
    with pytest.raises(QauditError, match=r"config\.toml") as exc:
        load_settings(file, environ={})
    assert message in str(exc.value)


@pytest.mark.parametrize(
    "content, key",
    [("database_url = 5\n", "database_url"), ("[planner]\nteam_sise = 2\n", "planner.team_sise")],
)
def test_a_bad_setting_is_one_dutch_line_without_traceback(
    isolated_user: Path, content: str, key: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from qaudit.cli import main
    from qaudit.paths import user_dirs

    config = user_dirs().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(content)
    assert main(["location", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("qaudit: fout: ") and key in err
    assert "Traceback" not in err
