"""The validator cannot be fooled: seeded mutations of the shipped files.

Every mutation must end in a :class:`ChecklistError` that names the file and a line (never a
traceback), and every mutation of a class that makes the file wrong must be refused.
"""

from __future__ import annotations

import copy
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from qaudit.checklists import ChecklistError, load_catalogue, load_file
from qaudit.i18n import set_language
from qaudit.paths import checklists_dir

SEED = 20261128


@pytest.fixture(autouse=True)
def english() -> None:
    set_language("en")


SHIPPED = {
    "basis": "basis-op-orde.yaml",
    "cirkel": "cirkel-van-kwaliteit.yaml",
    "visitation": "waarderende-visitatie.yaml",
    "promises": "klantbeloften.yaml",
}


def _small(name: str) -> dict[str, Any]:
    """A shipped file cut to its first two themes (the same format, 20× faster to fuzz)."""
    data = yaml.safe_load((checklists_dir() / name).read_text(encoding="utf-8"))
    if "themes" in data:
        data["themes"] = data["themes"][:2]
    return data


def _points(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for t in data.get("themes", []) for p in t["points"]]


def _pick_point(rng: random.Random, data: dict[str, Any]) -> dict[str, Any]:
    return rng.choice(_points(data))


# Each mutation class changes the data so that the file is wrong: it must be refused.
def _wrong_kind(rng: random.Random, data: dict[str, Any]) -> None:
    data["kind"] = rng.choice([k for k in SHIPPED if k != data["kind"]])


def _id_of_another(rng: random.Random, data: dict[str, Any]) -> None:
    names = [n for n in SHIPPED.values() if not n.startswith(data["id"])]
    data["id"] = rng.choice(names).removesuffix(".yaml")


def _bad_checklist_id(rng: random.Random, data: dict[str, Any]) -> None:
    data["id"] = rng.choice(["Basis-Op-Orde", "basis_op_orde", "basis op orde", "-basis", ""])


def _bad_point_id(rng: random.Random, data: dict[str, Any]) -> None:
    _pick_point(rng, data)["id"] = rng.choice(["point.one", "t01.01", "T01-01", "T01.", ".01"])


def _interview_without_group(rng: random.Random, data: dict[str, Any]) -> None:
    point = _pick_point(rng, data)
    point["evidence"].append({"kind": "interview", "detail": "zonder groep"})


def _group_without_interview(rng: random.Random, data: dict[str, Any]) -> None:
    point = _pick_point(rng, data)
    point["evidence"].append({"kind": "document", "group": "staff"})


def _bool_weight(rng: random.Random, data: dict[str, Any]) -> None:
    _pick_point(rng, data)["weight"] = rng.choice([True, False, "2", 2.5, None])


def _word_critical(rng: random.Random, data: dict[str, Any]) -> None:
    _pick_point(rng, data)["critical"] = rng.choice(["yes", "ja", "true", 1, 0, None])


def _number_text(rng: random.Random, data: dict[str, Any]) -> None:
    _pick_point(rng, data)[rng.choice(["text", "guidance", "basis"])] = rng.choice([5, 1.5, True])


def _drop_required(rng: random.Random, data: dict[str, Any]) -> None:
    del _pick_point(rng, data)[rng.choice(["id", "text", "guidance", "basis", "evidence"])]


def _unknown_field(rng: random.Random, data: dict[str, Any]) -> None:
    _pick_point(rng, data)[rng.choice(["critcal", "wieght", "notes", "extra"])] = 1


def _duplicate_point(rng: random.Random, data: dict[str, Any]) -> None:
    points = _points(data)
    a, b = rng.sample(points, 2)
    b["id"] = a["id"]


def _list_for_scalar(rng: random.Random, data: dict[str, Any]) -> None:
    target = rng.choice(["id", "version", "title", "kind"])
    data[target] = [data.get(target)]


def _promise_id(rng: random.Random, data: dict[str, Any]) -> None:
    promise = rng.choice(data["promises"])
    promise["id"] = rng.choice(["kb01", "KB-01", "KB01.1", "K B01"])


DATA_MUTATIONS: dict[str, Callable[[random.Random, dict[str, Any]], None]] = {
    "wrong_kind": _wrong_kind,
    "id_of_another": _id_of_another,
    "bad_checklist_id": _bad_checklist_id,
    "bad_point_id": _bad_point_id,
    "interview_without_group": _interview_without_group,
    "group_without_interview": _group_without_interview,
    "bool_weight": _bool_weight,
    "word_critical": _word_critical,
    "number_text": _number_text,
    "drop_required": _drop_required,
    "unknown_field": _unknown_field,
    "duplicate_point": _duplicate_point,
    "list_for_scalar": _list_for_scalar,
}
FOR_PROMISES = {"wrong_kind", "id_of_another", "bad_checklist_id", "list_for_scalar"}

# Text mutations: YAML features that must be refused.
TEXT_MUTATIONS: dict[str, Callable[[random.Random, str], str]] = {
    "binary_tag": lambda rng, text: text.replace("text: ", "text: !!binary ", 1),
    "custom_tag": lambda rng, text: text.replace("title: ", "title: !python/name:os.system ", 1),
    "yes_bool": lambda rng, text: text.replace("kind: ", "extra_flag: yes\nkind: ", 1),
    "recursive_alias": lambda rng, text: _recursive(text),
    "alias_bomb": lambda rng, text: _bomb() + text,
    "set_tag": lambda rng, text: text.replace("title: ", "title: !!set ", 1),
}


def _recursive(text: str) -> str:
    key = "themes:" if "\nthemes:" in text else "promises:"
    return text.replace(key, f"{key} &a [*a]\nold_{key}", 1)


def _bomb() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    return "\n".join(lines) + "\nbomb: *a9\n"


def _dump(data: dict[str, Any]) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False)


def _cases() -> Iterator[tuple[str, str, str]]:
    """(case name, file name, YAML text): 300 seeded mutations, the same on every run."""
    rng = random.Random(SEED)
    originals = {kind: _small(name) for kind, name in SHIPPED.items()}
    for number in range(240):
        kind = rng.choice(list(SHIPPED))
        choices = sorted(FOR_PROMISES if kind == "promises" else DATA_MUTATIONS)
        if kind == "promises":
            choices.append("promise_id")
        name = rng.choice(choices)
        data = copy.deepcopy(originals[kind])
        mutate = _promise_id if name == "promise_id" else DATA_MUTATIONS[name]
        mutate(rng, data)
        yield f"{number}-{kind}-{name}", SHIPPED[kind], _dump(data)
    for number in range(240, 300):
        kind = rng.choice(list(SHIPPED))
        name = rng.choice(sorted(TEXT_MUTATIONS))
        text = _dump(originals[kind])
        yield f"{number}-{kind}-{name}", SHIPPED[kind], TEXT_MUTATIONS[name](rng, text)


def test_every_mutation_is_refused_with_file_and_line(tmp_path: Path) -> None:
    tracebacks: list[str] = []
    accepted: list[str] = []
    unnamed: list[str] = []
    for case, name, text in _cases():
        file = tmp_path / case / name
        file.parent.mkdir()
        file.write_text(text, encoding="utf-8")
        try:
            load_file(file)
        except ChecklistError as exc:
            if not exc.problems or any(p.file != file or p.line < 1 for p in exc.problems):
                unnamed.append(case)
        except Exception as exc:  # the point of the test: no other exception
            tracebacks.append(f"{case}: {type(exc).__name__}: {exc}")
        else:
            accepted.append(case)
    assert tracebacks == []
    assert accepted == []
    assert unnamed == []


def test_the_unmutated_small_files_are_valid(tmp_path: Path) -> None:
    """The control: without a mutation the same cut-down files load."""
    for kind, name in SHIPPED.items():
        file = tmp_path / name
        file.write_text(yaml.safe_dump(_small(name), allow_unicode=True), encoding="utf-8")
        assert load_file(file).kind == kind


def test_an_alias_bomb_is_refused_by_its_expansion_limit(tmp_path: Path) -> None:
    file = tmp_path / "bomb.yaml"
    file.write_text(_bomb() + "id: x\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="aliases expand"):
        load_file(file)


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "loop.yaml"
    file.write_text("id: basis-op-orde\nthemes: &a [*a]\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="refers to itself") as exc:
        load_file(file)
    assert exc.value.problems[0].line == 2


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    target = tmp_path / "checklists"
    shutil.copytree(checklists_dir(), target)
    return target


def test_the_same_checklist_version_in_two_files_is_refused(shipped_copy: Path) -> None:
    shutil.copy(shipped_copy / "klantbeloften.yaml", shipped_copy / "klantbeloften-copy.yaml")
    with pytest.raises(ChecklistError, match="also defined in") as exc:
        load_catalogue(shipped_copy)
    assert exc.value.problems[0].file.name == "klantbeloften.yaml" or (
        exc.value.problems[0].file.name == "klantbeloften-copy.yaml"
    )


def test_a_second_checklist_of_the_same_kind_is_refused(shipped_copy: Path) -> None:
    text = (shipped_copy / "basis-op-orde.yaml").read_text(encoding="utf-8")
    (shipped_copy / "other.yaml").write_text(
        text.replace("id: basis-op-orde", "id: andere-basis", 1), encoding="utf-8"
    )
    with pytest.raises(ChecklistError, match="already the checklist of kind basis"):
        load_catalogue(shipped_copy)


def test_a_predecessor_missing_from_the_previous_version_is_refused(shipped_copy: Path) -> None:
    file = shipped_copy / "basis-op-orde-2027.1.yaml"
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("split_from: T05.09", "split_from: T05.99", 1), encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"no point 'T05\.99' in the previous version"):
        load_catalogue(shipped_copy)
