"""The ``[clientvoice]`` targets in config.toml: typed, defaults from seed 002, errors named."""

from __future__ import annotations

from pathlib import Path

import pytest

from qaudit.config import load_settings
from qaudit.errors import QauditError
from qaudit.i18n import set_language
from qaudit.services.voice_summary import targets_of


def test_the_defaults_are_the_seeds_targets() -> None:
    targets = targets_of(load_settings(Path("/nonexistent/config.toml"), environ={}).clientvoice)
    assert (targets.nps, targets.satisfaction, targets.min_responses) == (80.0, 4.5, 30)
    assert (targets.actions_min, targets.actions_max) == (1, 5)


def test_targets_are_read_from_the_file(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[clientvoice]\nnps_target = 75\nmin_responses = 20\n")
    targets = targets_of(load_settings(config, environ={}).clientvoice)
    assert (targets.nps, targets.min_responses, targets.satisfaction) == (75.0, 20, 4.5)


@pytest.mark.parametrize(
    "content, message",
    [
        ("[clientvoice]\nnps_targt = 75\n", "clientvoice.nps_targt: unknown setting; did you mean"),
        ('[clientvoice]\nmin_responses = "x"\n', "clientvoice.min_responses: expected a table"),
        ("[clientvoice]\nsatisfaction_target = 7\n", "clientvoice.satisfaction_target"),
    ],
)
def test_a_bad_target_names_the_key(tmp_path: Path, content: str, message: str) -> None:
    set_language("en")
    config = tmp_path / "config.toml"
    config.write_text(content)
    with pytest.raises(QauditError, match=r"config\.toml") as refused:
        load_settings(config, environ={})
    assert message in str(refused.value)
