"""The answer scale as people type it (pure)."""

from __future__ import annotations

import pytest

from qaudit.domain.enums import Result
from qaudit.excel import answers
from qaudit.i18n import set_language


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("voldoet", Result.COMPLIANT),
        ("  Voldoet  ", Result.COMPLIANT),
        ("Voldoet deels", Result.PARTLY),
        ("voldoet   DEELS", Result.PARTLY),
        ("voldoet_deels", Result.PARTLY),
        ("Voldoet niet", Result.NOT_COMPLIANT),
        ("n.v.t.", Result.NOT_APPLICABLE),
        ("nvt", Result.NOT_APPLICABLE),
        ("N.V.T", Result.NOT_APPLICABLE),
        ("niet van toepassing", Result.NOT_APPLICABLE),
        ("Compliant", Result.COMPLIANT),
        ("partly compliant", Result.PARTLY),
        ("Not compliant", Result.NOT_COMPLIANT),
        ("not applicable", Result.NOT_APPLICABLE),
        ("n/a", Result.NOT_APPLICABLE),
        ("", Result.NOT_ASSESSED),
        ("   ", Result.NOT_ASSESSED),
        (None, Result.NOT_ASSESSED),
        ("nog niet beoordeeld", Result.NOT_ASSESSED),
        ("voldoet\u00a0deels", Result.PARTLY),
    ],
)
def test_accepts_what_people_type(typed: object, expected: Result) -> None:
    assert answers.parse(typed) is expected


@pytest.mark.parametrize(
    "typed",
    ["ja", "nee", "voldoet bijna", "ok", "1", 1, 0.5, "=A1", "voldoet deels!", "compliantt"],
)
def test_refuses_anything_else(typed: object) -> None:
    assert answers.parse(typed) is None


def test_drop_down_follows_the_language() -> None:
    assert answers.choices() == ["voldoet", "voldoet deels", "voldoet niet", "n.v.t."]
    set_language("en")
    assert answers.choices() == ["compliant", "partly compliant", "not compliant", "not applicable"]


def test_every_label_parses_back_to_its_result() -> None:
    for labels in answers.LABELS.values():
        for result, text in labels.items():
            assert answers.parse(text) is result
