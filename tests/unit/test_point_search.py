"""Finding points by id or words (the checklist screen's ``/``), on the shipped checklist."""

from __future__ import annotations

from pathlib import Path

import pytest

from qaudit.checklists import load_file
from qaudit.domain.point_search import fold, index_checklist, search

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def basis():
    spec = load_file(ROOT / "checklists" / "basis-op-orde.yaml")
    return spec, index_checklist(spec)


@pytest.fixture(scope="module")
def cirkel():
    spec = load_file(ROOT / "checklists" / "cirkel-van-kwaliteit.yaml")
    return spec, index_checklist(spec)


def ids(hits):
    return [h.point_id for h in hits]


def test_fold_drops_accents_and_case():
    assert fold("Cliëntdossier") == "clientdossier"
    assert fold("Coöperatie é") == "cooperatie e"


def test_every_point_is_indexed(basis):
    spec, index = basis
    assert len(index) == len(spec.points) == 281


@pytest.mark.parametrize("query", ["T03.02", "t03.02", "3.2", "T3.2", "BO-3.2", " 3.02 ", "03-2"])
def test_an_id_jumps_to_its_point(basis, query):
    hits = search(basis[1], query)
    assert ids(hits)[0] == "T03.02"
    assert hits[0].how == "id"


def test_a_theme_number_lists_its_points_in_order(basis):
    spec, index = basis
    theme = [p.id for p in spec.themes[2].points]
    assert ids(search(index, "T3", limit=500))[: len(theme)] == theme


def test_a_prefix_of_this_checklist_counts(cirkel):
    spec, index = cirkel
    bo = next(t for t in spec.themes if t.id == "BO")
    first = bo.points[0].id
    assert ids(search(index, "BO-" + first.split(".")[1]))[0] == first
    # the same number under another theme is not what "BO-…" names
    assert all(h.point_id.startswith("BO.") for h in search(index, "BO 1") if h.how == "id")


def test_words_are_accent_insensitive(basis):
    spec, index = basis
    found = ids(search(index, "clientdossier"))
    assert "T01.01" in found  # "cliëntdossier" in its text
    assert all(
        "clientdossier"
        in fold(
            spec.point_index[i].text
            + " "
            + spec.point_index[i].guidance
            + " "
            + spec.point_index[i].basis
            + " "
            + " ".join(e.detail for e in spec.point_index[i].evidence)
            + " "
            + spec.theme_of[i].title
        )
        for i in found
    )
    assert found == ids(search(index, "CLIËNTDOSSIER"))


def test_every_word_must_occur_and_own_text_ranks_first(basis):
    spec, index = basis
    hits = search(index, "medicatie cliënt", limit=500)
    assert hits
    for hit in hits:
        point = spec.point_index[hit.point_id]
        whole = fold(
            " ".join(
                [point.text, point.guidance, point.basis, spec.theme_of[point.id].title]
                + [f"{e.kind} {e.detail}" for e in point.evidence]
            )
        )
        assert "medicatie" in whole and "client" in whole
    in_text = [
        (
            "medicatie" in fold(spec.point_index[h.point_id].text)
            and "client" in fold(spec.point_index[h.point_id].text)
        )
        for h in hits
    ]
    assert in_text == sorted(in_text, reverse=True)


def test_nothing_found_and_empty_query(basis):
    index = basis[1]
    assert search(index, "xyzzy-niets") == []
    assert search(index, "   ") == []
    assert search(index, "99.99") == []


def test_limit(basis):
    assert len(search(basis[1], "e", limit=7)) == 7
