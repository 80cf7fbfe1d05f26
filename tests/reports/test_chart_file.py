"""The chart style restyled without code: ``chart.toml`` in the template folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import Engine

from qaudit.cli import main
from qaudit.domain.enums import AssessmentKind
from qaudit.errors import QauditError
from qaudit.i18n import using_language
from qaudit.reports.chart import ChartStyle
from qaudit.reports.style import ReportStyle
from qaudit.services.reports import write_report
from reports.support import assessment_ids

MET, NOT_MET, NORM = (0x11, 0x22, 0x33), (0x44, 0x55, 0x66), (0xAA, 0x00, 0xAA)


def _audit(demo: Engine) -> int:
    return assessment_ids(demo, AssessmentKind.AUDIT_VISIT)[0]


def _chart_colours(docx: Path) -> set[tuple[int, int, int]]:
    """The colours of the pictures in a written report (the chart is the only picture)."""
    colours: set[tuple[int, int, int]] = set()
    with zipfile.ZipFile(docx) as package:
        for name in package.namelist():
            if name.startswith("word/media/") and name.endswith(".png"):
                image = Image.open(io.BytesIO(package.read(name))).convert("RGB")
                colours |= {colour for _n, colour in image.getcolors(1 << 20) or []}
    return colours


def _folder(tmp_path: Path, text: str, name: str = "chart.toml") -> Path:
    folder = tmp_path / "sjablonen"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_chart_toml_in_the_template_folder_sets_the_chart_colours(
    demo: Engine, tmp_path: Path, out: Path
) -> None:
    plain = write_report(demo, "basis-op-orde", _audit(demo), out / "plain.docx")
    assert not {MET, NOT_MET, NORM} & _chart_colours(plain)
    folder = _folder(tmp_path, 'met = "#112233"\nnot_met = "#445566"\nnorm = "AA00AA"\n')
    path = write_report(demo, "basis-op-orde", _audit(demo), out / "r.docx", template_dir=folder)
    assert {MET, NOT_MET, NORM} <= _chart_colours(path)


def test_the_folder_wins_over_the_setting_only_for_the_keys_it_sets(
    demo: Engine, tmp_path: Path, out: Path
) -> None:
    setting = ReportStyle(chart=ChartStyle(met="#010203", norm="#0A0B0C"))
    folder = _folder(tmp_path, '[chart]\nmet = "#112233"\n')  # the [chart] line may stay
    path = write_report(
        demo, "advies", _audit(demo), out / "r.docx", template_dir=folder, style=setting
    )
    colours = _chart_colours(path)
    assert MET in colours and (0x0A, 0x0B, 0x0C) in colours
    assert (0x01, 0x02, 0x03) not in colours


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'met = "green"\n',
            "chart.toml: met: expected a colour as #RRGGBB, e.g. #0072B2, got 'green'",
        ),
        ("not_met = 12\n", "chart.toml: not_met: expected a colour as #RRGGBB"),
        ('norn = "#0072B2"\n', "chart.toml: norn: unknown setting; did you mean norm?"),
        ("font = [1]\n", "chart.toml: font: expected text (a font file or a font family name)"),
        ('met = "#0072B2\n', "chart.toml: not valid TOML"),
    ],
)
def test_a_bad_chart_toml_is_refused_naming_file_and_key(
    demo: Engine, tmp_path: Path, out: Path, text: str, expected: str
) -> None:
    folder = _folder(tmp_path, text)
    with pytest.raises(QauditError) as caught, using_language("en"):
        write_report(demo, "basis-op-orde", _audit(demo), out / "r.docx", template_dir=folder)
    assert expected in str(caught.value)
    assert str(folder / "chart.toml") in str(caught.value)
    assert not (out / "r.docx").exists()


def test_in_dutch_by_default(demo: Engine, tmp_path: Path, out: Path) -> None:
    folder = _folder(tmp_path, 'met = "groen"\n')
    with pytest.raises(QauditError, match=r"chart\.toml: met: verwacht een kleur als #RRGGBB"):
        write_report(demo, "basis-op-orde", _audit(demo), out / "r.docx", template_dir=folder)


def test_the_command_names_a_misnamed_chart_file(
    demo: Engine, demo_url: str, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _folder(tmp_path, 'met = "#112233"\n', name="grafiek.toml")
    (folder / "chart.toml").write_text('norm = "#AA00AA"\n', encoding="utf-8")  # used: silent
    args = ["--database", demo_url, "report", "basis-op-orde", "--assessment", str(_audit(demo))]
    code = main([*args, "--out", str(out / "r.docx"), "--template", str(folder)])
    err = capsys.readouterr().err
    assert code == 0
    assert "grafiek.toml" in err and "chart.toml" in err
    assert err.count("\n") == 1  # the good chart.toml is not reported
    assert NORM in _chart_colours(out / "r.docx")
