"""Restyling without traps: misnamed files, blocks left open, templates that compute too much."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from qaudit.cli import main
from qaudit.domain.enums import AssessmentKind
from qaudit.errors import QauditError
from qaudit.paths import report_templates_dir
from qaudit.reports.limits import RenderLimit, limited_range, render_deadline
from qaudit.services.reports import write_report
from reports.support import assessment_ids
from reports.test_bad_input import _own_template


def _audit(demo: Engine) -> int:
    return assessment_ids(demo, AssessmentKind.AUDIT_VISIT)[0]


def _refused(demo: Engine, folder: Path, out: Path) -> str:
    with pytest.raises(QauditError) as caught:
        write_report(demo, "basis-op-orde", _audit(demo), out / "r.docx", template_dir=folder)
    assert not (out / "r.docx").exists()
    message = str(caught.value)
    assert "Traceback" not in message
    return message


def test_misnamed_files_in_the_template_folder_are_reported(
    demo: Engine, demo_url: str, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "sjablonen"
    folder.mkdir()
    shipped = report_templates_dir() / "basis-op-orde.nl.docx"
    shutil.copy(shipped, folder / "basis-op-orde.nl (kopie).docx")
    shutil.copy(shipped, folder / "advies.nl.odt")
    shutil.copy(shipped, folder / "advies.nl.docx")  # a good one: not reported
    code = main(
        [
            "--database",
            demo_url,
            "report",
            "basis-op-orde",
            "--assessment",
            str(_audit(demo)),
            "--out",
            str(out / "r.docx"),
            "--template",
            str(folder),
        ]
    )
    err = capsys.readouterr().err
    assert code == 0
    assert "basis-op-orde.nl (kopie).docx" in err and "basis-op-orde.nl.docx" in err
    assert "advies.nl.odt" in err and ".docx" in err
    assert "advies.nl.docx in de sjablonenmap" not in err


def test_a_block_left_open_is_named_with_its_paragraph(
    demo: Engine, tmp_path: Path, out: Path
) -> None:
    folder = tmp_path / "mine"
    _own_template(folder, "{%p endif %}", "")
    message = _refused(demo, folder, out)
    assert "{%p if draft %}" in message and "alinea" in message
    assert "nooit gesloten" in message and "{%p endif %}" in message
    assert "Unexpected" not in message and "Jinja" not in message


def test_a_stray_end_tag_is_named(demo: Engine, tmp_path: Path, out: Path) -> None:
    folder = tmp_path / "mine"
    _own_template(folder, "{{ summary }}", "{{ summary }}{% endfor %}")
    message = _refused(demo, folder, out)
    assert "{% endfor %}" in message and "niet open" in message


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("{{ 1/0 }}", "deling door nul"),
        ("{% for i in range(10**9) %}x{% endfor %}", "te groot"),
    ],
)
def test_errors_while_filling_in_are_messages(
    demo: Engine, tmp_path: Path, out: Path, typed: str, expected: str
) -> None:
    folder = tmp_path / "mine"
    _own_template(folder, "{{ summary }}", typed)
    assert expected in _refused(demo, folder, out)


def test_a_loop_stops_at_the_render_time_limit() -> None:
    with render_deadline(-1.0), pytest.raises(RenderLimit, match="seconden"):
        for _number in limited_range(10_000):
            pass
    assert list(limited_range(3)) == [0, 1, 2]  # without a deadline: an ordinary range
