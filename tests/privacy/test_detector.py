"""The personal-data detector on its own: every form of the corpus found, clean text untouched."""

from __future__ import annotations

import pytest

from qaudit.domain.privacy import REDACTED, Kind, elfproef, find_personal_data, redact
from tests.privacy import corpus


@pytest.mark.parametrize("item", corpus.PERSONAL)
def test_every_corpus_item_is_found_and_redacted(item: str) -> None:
    sentence = f"Gesprek over {item}, besproken in het team."
    result = redact(sentence)
    assert corpus.core(item) not in result.text
    assert result.count >= 1
    assert REDACTED in result.text
    assert result.text.startswith("Gesprek over ")
    assert result.text.endswith(", besproken in het team.")


@pytest.mark.parametrize("text", corpus.CLEAN)
def test_clean_professional_text_is_unchanged(text: str) -> None:
    assert find_personal_data(text) == []
    assert redact(text).text == text
    assert redact(text).count == 0


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("mevrouw Jansen", Kind.NAME),
        ("Jansen (kamer 12)", Kind.NAME),
        ("geboren 12 maart 1938", Kind.BIRTH_DATE),
        ("BSN 123.456.782", Kind.BSN),
        ("(050) 123 45 67", Kind.PHONE),
        ("+31 (0)6 1234 5678", Kind.PHONE),
        ("a.b@example.org", Kind.EMAIL),
    ],
)
def test_kinds(text: str, kind: Kind) -> None:
    assert [f.kind for f in find_personal_data(text)] == [kind]


def test_spans_point_at_the_text() -> None:
    text = "Mevrouw Jansen (geb. 12-03-1938) belt 06-12345678."
    found = find_personal_data(text)
    assert [text[f.start : f.end] for f in found] == [f.text for f in found]
    assert [f.kind for f in found] == [Kind.NAME, Kind.BIRTH_DATE, Kind.PHONE]
    assert redact(text) == redact(text)
    assert redact(text).text == "[…] (geb. […]) belt […]."
    assert redact(text).count == 3


def test_elfproef() -> None:
    assert elfproef("123456782") and elfproef("111222333")
    assert not elfproef("123456789") and not elfproef("000000000") and not elfproef("12345")


def test_an_unlabelled_number_that_fails_the_elfproef_stays() -> None:
    assert redact("Ordernummer 123456789.").count == 0
    assert redact("BSN 123456789.").text == "BSN […]."


def test_empty() -> None:
    assert find_personal_data("") == [] and redact("").count == 0
