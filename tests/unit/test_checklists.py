"""Checklist files: validated into typed specs; every error names file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qaudit.checklists import ChecklistError, load_catalogue, load_file, shipped_catalogue
from qaudit.checklists.catalogue import read_lock, write_lock
from qaudit.i18n import set_language
from qaudit.paths import checklists_dir

MINI = Path(__file__).parent.parent / "fixtures" / "mini"


@pytest.fixture(autouse=True)
def english() -> None:
    """These tests read the messages in English; Dutch is tested through the CLI."""
    set_language("en")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "checklists"
    shutil.copytree(MINI, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    hits = [
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    ]
    return hits[occurrence - 1]


def only_problem(exc: pytest.ExceptionInfo[ChecklistError]):
    assert len(exc.value.problems) == 1, exc.value.problems
    return exc.value.problems[0]


def test_the_mini_set_loads_with_its_points(folder: Path) -> None:
    catalogue = load_catalogue(folder)
    basis = catalogue.checklist("basis-op-orde")
    assert [p.id for p in basis.points] == ["A.01", "A.02", "B.01", "B.02"]
    assert basis.point_index["A.01"].critical
    assert catalogue.promises.promise_index["KB01"].measurement_points == ["A.01", "A.02"]


def test_invalid_yaml_names_the_line(folder: Path) -> None:
    file = folder / "basis.yaml"
    edit(file, "    title: Veiligheid", "    title: [Veiligheid")
    with pytest.raises(ChecklistError) as exc:
        load_file(file)
    problem = only_problem(exc)
    assert problem.file == file
    assert "not valid YAML" in problem.message
    assert problem.line >= line_of(file, "[Veiligheid")


def test_duplicate_point_id_names_the_second_occurrence(folder: Path) -> None:
    file = folder / "basis.yaml"
    edit(file, "- id: B.02", "- id: B.01")
    with pytest.raises(ChecklistError) as exc:
        load_file(file)
    problem = only_problem(exc)
    assert problem.line == line_of(file, "- id: B.01", occurrence=2)
    assert problem.field == "themes[1] (B).points[1] (B.01).id"
    assert "duplicate id 'B.01'" in problem.message
    assert str(line_of(file, "- id: B.01")) in problem.message


def test_unknown_field_suggests_the_right_one(folder: Path) -> None:
    file = folder / "basis.yaml"
    edit(file, "        guidance: Controleer", "        guidence: Controleer")
    with pytest.raises(ChecklistError) as exc:
        load_file(file)
    messages = {p.field: p for p in exc.value.problems}
    unknown = messages["themes[0] (A).points[1] (A.02).guidence"]
    assert "did you mean 'guidance'" in unknown.message
    assert unknown.line == line_of(file, "guidence:")
    assert messages["themes[0] (A).points[1] (A.02).guidance"].message == "missing"


def test_empty_text_is_refused(folder: Path) -> None:
    file = folder / "basis.yaml"
    edit(file, "text: Er is een calamiteitenprocedure.", 'text: "   "')
    with pytest.raises(ChecklistError) as exc:
        load_file(file)
    problem = only_problem(exc)
    assert problem.field == "themes[1] (B).points[1] (B.02).text"
    assert problem.message == "missing text"
    assert problem.line == line_of(file, 'text: "   "')


def test_a_duplicate_yaml_key_is_refused(folder: Path) -> None:
    file = folder / "promises.yaml"
    edit(
        file, "    check: Dossiersteekproef.", "    check: Dossiersteekproef.\n    check: Nog een."
    )
    with pytest.raises(ChecklistError) as exc:
        load_file(file)
    problem = only_problem(exc)
    assert problem.message == "duplicate key"
    assert problem.line == line_of(file, "check: Nog een.")


def test_out_of_range_weight_is_refused(folder: Path) -> None:
    file = folder / "basis.yaml"
    edit(file, "weight: 3", "weight: 7")
    with pytest.raises(ChecklistError) as exc:
        load_file(file)
    problem = only_problem(exc)
    assert problem.field == "themes[0] (A).points[0] (A.01).weight"
    assert problem.line == line_of(file, "weight: 7")


def test_a_reference_to_an_unknown_point_is_refused(folder: Path) -> None:
    file = folder / "promises.yaml"
    edit(file, "[A.01, A.02]", "[A.01, A.99]")
    with pytest.raises(ChecklistError) as exc:
        load_catalogue(folder)
    problem = only_problem(exc)
    assert problem.field == "promises[0] (KB01).measurement_points[1]"
    assert "A.99" in problem.message


def test_changed_content_without_a_new_version_is_refused(folder: Path) -> None:
    write_lock(folder, load_catalogue(folder).specs.values())
    file = folder / "basis.yaml"
    edit(file, "Vraag de procedure op.", "Vraag de procedure en het logboek op.")
    with pytest.raises(ChecklistError) as exc:
        load_catalogue(folder)
    problem = only_problem(exc)
    assert problem.field == "version"
    assert problem.line == line_of(file, "version:")
    assert "new version" in problem.message
    edit(file, 'version: "test.1"', 'version: "test.2"')
    assert load_catalogue(folder).checklist("basis-op-orde").version == "test.2"


def test_formatting_and_comments_do_not_change_the_hash(folder: Path) -> None:
    before = load_file(folder / "basis.yaml").content_hash
    file = folder / "basis.yaml"
    file.write_text(
        "# a comment\n" + file.read_text(encoding="utf-8").replace("weight: 1", "weight:   1")
    )
    assert load_file(file).content_hash == before


def test_all_problems_of_a_folder_are_reported_together(folder: Path) -> None:
    edit(folder / "basis.yaml", "weight: 3", "weight: 0")
    edit(folder / "cirkel.yaml", "    title: Basis", "    titel: Basis")
    with pytest.raises(ChecklistError) as exc:
        load_catalogue(folder)
    files = {p.file.name for p in exc.value.problems}
    assert files == {"basis.yaml", "cirkel.yaml"}


class TestShippedChecklists:
    def test_basis_op_orde_has_at_least_250_points_in_12_to_16_themes(self) -> None:
        basis = shipped_catalogue().checklist("basis-op-orde")
        assert len(basis.points) >= 250
        assert 12 <= len(basis.themes) <= 16
        assert any(p.critical for p in basis.points)

    def test_every_point_is_complete(self) -> None:
        for spec in shipped_catalogue().checklists.values():
            for point in spec.points:
                assert point.text and point.guidance and point.basis and point.evidence, point.id

    def test_client_promises_rest_on_existing_points(self) -> None:
        catalogue = shipped_catalogue()
        promises = catalogue.promises.promises
        assert 8 <= len(promises) <= 12
        basis = catalogue.checklist("basis-op-orde")
        for promise in promises:
            assert promise.measurement_points
            assert set(promise.measurement_points) <= set(basis.point_index)

    def test_visitation_and_cirkel_forms_exist(self) -> None:
        catalogue = shipped_catalogue()
        assert catalogue.for_kind("visitation").id == "waarderende-visitatie"
        assert catalogue.for_kind("cirkel").id == "cirkel-van-kwaliteit"

    def test_every_shipped_version_is_locked_with_its_hash(self) -> None:
        lock = read_lock(checklists_dir() / "versions.lock")
        for spec in shipped_catalogue().specs.values():
            assert lock.get((spec.id, spec.version)) == spec.content_hash, spec.id


def test_a_modified_copy_gets_its_own_hash(folder: Path) -> None:
    basis = load_file(folder / "basis.yaml")
    assert basis.content_hash  # cache it
    changed = basis.model_copy(update={"title": "Anders"})
    assert changed.content_hash != basis.content_hash
