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
