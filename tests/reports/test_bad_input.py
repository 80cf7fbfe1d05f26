"""Bad input gives a clear message and exit 1, and never leaves a half-written file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import Engine

from qaudit.cli import main
from qaudit.domain.enums import AssessmentKind
from qaudit.domain.models import Assessment
from qaudit.paths import report_templates_dir
from qaudit.reports import pdf
from qaudit.services import assessments
from qaudit.services.reports import write_report
from qaudit.services.trajectory import start_assessment
from qaudit.storage import transaction
from reports.support import assessment_ids, leftovers, read_docx


def run(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> tuple[int, str, str]:
    code = main(["--database", url, "report", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _audit(engine: Engine) -> int:
    return assessment_ids(engine, AssessmentKind.AUDIT_VISIT)[0]


def _own_template(folder: Path, text_from: str, text_to: str, kind: str = "basis-op-orde") -> Path:
    """A copy of the shipped Dutch template with one text changed (as a user would in Word)."""
    folder.mkdir(exist_ok=True)
    document = Document(str(report_templates_dir() / f"{kind}.nl.docx"))
    for paragraph in document.paragraphs:
        if text_from in paragraph.text:
            paragraph.text = paragraph.text.replace(text_from, text_to)
            break
    else:
        raise AssertionError(f"{text_from!r} is not in the template")
    target = folder / f"{kind}.nl.docx"
    document.save(str(target))
    return target


def test_missing_assessment_id(
    demo_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys, demo_url, "basis-op-orde", "--assessment", "999", "--out", str(out / "r.docx")
    )
    assert code == 1
    assert "999" in err
    assert not list(out.iterdir())


def test_assessment_of_the_wrong_kind(
    demo: Engine, demo_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        demo_url,
        "visitatie",
        "--assessment",
        str(_audit(demo)),
        "--out",
        str(out / "r.docx"),
    )
    assert code == 1
    assert "visitatie" in err and "waarderende visitatie" in err
    assert not list(out.iterdir())


def test_an_assessment_without_answers_is_a_marked_draft(
    demo: Engine, demo_url: str, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_answers = assessment_ids(demo, AssessmentKind.SELF_EVALUATION)
    with transaction(demo) as session:
        location_id = assessments.get(session, with_answers[0]).location_id
    empty = start_assessment(demo, location_id, AssessmentKind.AUDIT_VISIT, today=date.today())
    target = out / "concept.docx"
    code, stdout, err = run(
        capsys, demo_url, "basis-op-orde", "--assessment", str(empty), "--out", str(target)
    )
    assert code == 0
    assert str(target) in stdout
    assert "concept" in err and "nog geen enkel meetpunt" in err
    read = read_docx(target)
    assert "CONCEPT" in read.body and "CONCEPT" in read.headers
    assert "Er is nog geen enkel meetpunt beantwoord." in read.body
    assert "{{" not in read.everything


def _today():
    from datetime import date

    return date.today()


@pytest.mark.parametrize(
    ("typed", "where"),
    [
        ("{{ summary | }}", "{{ summary | }}"),  # Jinja cannot parse it
        ("{{ summary }", "{{ summary }"),  # a tag left open
        ("{% if summary %}", "if"),  # no endif
        ("{% endfor %}", "endfor"),
    ],
)
def test_a_template_with_a_syntax_error(
    demo: Engine,
    demo_url: str,
    tmp_path: Path,
    out: Path,
    typed: str,
    where: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    template = _own_template(tmp_path / "mine", "{{ summary }}", typed)
    code, _out, err = run(
        capsys,
        demo_url,
        "basis-op-orde",
        "--assessment",
        str(_audit(demo)),
        "--out",
        str(out / "r.docx"),
        "--template",
        str(template.parent),
    )
    assert code == 1
    assert str(template) in err
    assert where in err
    assert not list(out.iterdir()) and not leftovers(out)


def test_a_template_with_an_unknown_field(
    demo: Engine, demo_url: str, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = _own_template(tmp_path / "mine", "{{ summary }}", "{{ verdict.labl }}")
    code, _out, err = run(
        capsys,
        demo_url,
        "basis-op-orde",
        "--assessment",
        str(_audit(demo)),
        "--out",
        str(out / "r.docx"),
        "--template",
        str(template.parent),
    )
    assert code == 1
    assert str(template) in err
    assert "verdict.labl" in err
    assert "verdict.label" in err  # did you mean
    assert not list(out.iterdir()) and not leftovers(out)


def test_an_unknown_top_level_field(demo: Engine, tmp_path: Path, out: Path) -> None:
    from qaudit.errors import QauditError

    template = _own_template(tmp_path / "mine", "{{ summary }}", "{{ sumary }}")
    with pytest.raises(QauditError, match=r"onbekend veld 'sumary'.*bedoelt u 'summary'"):
        write_report(
            demo, "basis-op-orde", _audit(demo), out / "r.docx", template_dir=template.parent
        )


def test_a_template_folder_that_does_not_exist(
    demo: Engine, demo_url: str, tmp_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(
        capsys,
        demo_url,
        "basis-op-orde",
        "--assessment",
        str(_audit(demo)),
        "--out",
        str(out / "r.docx"),
        "--template",
        str(tmp_path / "nope"),
    )
    assert code == 1
    assert "nope" in err and "bestaat niet" in err
    assert not list(out.iterdir())


def test_a_template_that_is_not_a_word_file(demo: Engine, tmp_path: Path, out: Path) -> None:
    from qaudit.errors import QauditError

    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "basis-op-orde.docx").write_text("not a zip", encoding="utf-8")
    with pytest.raises(QauditError, match="geen Word-document"):
        write_report(demo, "basis-op-orde", _audit(demo), out / "r.docx", template_dir=folder)
    assert not list(out.iterdir())


def test_a_failed_write_keeps_the_previous_file(demo: Engine, tmp_path: Path, out: Path) -> None:
    from qaudit.errors import QauditError

    target = out / "r.docx"
    target.write_bytes(b"the report of last week")
    template = _own_template(tmp_path / "mine", "{{ summary }}", "{% if %}")
    with pytest.raises(QauditError):
        write_report(demo, "basis-op-orde", _audit(demo), target, template_dir=template.parent)
    assert target.read_bytes() == b"the report of last week"
    assert not leftovers(out)


def test_templates_cannot_reach_python_internals(demo: Engine, tmp_path: Path, out: Path) -> None:
    from qaudit.errors import QauditError

    template = _own_template(tmp_path / "mine", "{{ summary }}", "{{ summary.__class__.__mro__ }}")
    with pytest.raises(QauditError, match=str(template.name)):
        write_report(
            demo, "basis-op-orde", _audit(demo), out / "r.docx", template_dir=template.parent
        )


def test_pdf_without_libreoffice(
    demo: Engine,
    demo_url: str,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(pdf, "find_soffice", lambda: None)
    code, _out, err = run(
        capsys,
        demo_url,
        "basis-op-orde",
        "--assessment",
        str(_audit(demo)),
        "--out",
        str(out / "r.docx"),
        "--pdf",
    )
    assert code == 1
    assert "LibreOffice" in err and "--pdf" in err
    assert not list(out.iterdir())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "{out}/r.pdf"], ".docx"),
        (["--out", "{out}/missing/r.docx"], "bestaat niet"),
    ],
)
def test_bad_output_paths(
    demo: Engine,
    demo_url: str,
    out: Path,
    args: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    filled = [a.format(out=out) for a in args]
    code, _out, err = run(
        capsys, demo_url, "basis-op-orde", "--assessment", str(_audit(demo)), *filled
    )
    assert code == 1 and message in err
    assert not list(out.iterdir())


@pytest.mark.parametrize(
    "args",
    [
        ["basis-op-orde"],
        ["overzicht", "--assessment", "1"],
        ["basis-op-orde", "--all"],
        ["basis-op-orde", "--all", "--assessment", "1", "--out-dir", "x"],
        ["basis-op-orde", "--assessment", "1", "--assessment", "2", "--out", "x.docx"],
        ["jaarverslag"],
    ],
)
def test_usage_errors_exit_2(
    demo_url: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--database", demo_url, "report", *args])
    assert exit_.value.code == 2
    assert capsys.readouterr().err


def test_user_text_is_data_not_template_code(demo: Engine, out: Path) -> None:
    audit = _audit(demo)
    with transaction(demo) as session:
        before = session.get(Assessment, audit).summary  # type: ignore[union-attr]
    typed = "{{ 7*7 }} {% for x in y %} <b>&amp; \x07\x0c ok"
    try:
        _force_summary(demo, audit, typed)
        body = read_docx(write_report(demo, "basis-op-orde", audit, out / "r.docx")).body
    finally:
        _force_summary(demo, audit, before)
    assert "{{ 7*7 }} {% for x in y %} <b>&amp;  ok" in body
    assert "49" not in body.split("{{ 7*7 }}")[0][-5:]


def _force_summary(engine: Engine, assessment_id: int, text: str) -> None:
    """Set a closed visit's summary directly (the service refuses to change a closed visit)."""
    with transaction(engine) as session:
        row = session.get(Assessment, assessment_id)
        assert row is not None
        row.summary = text
        session.add(row)


def test_a_user_folder_overrides_only_what_it_has(demo: Engine, tmp_path: Path, out: Path) -> None:
    folder = tmp_path / "mine"
    _own_template(folder, "Samenvatting", "Samenvatting van de coöperatie")
    audit = _audit(demo)
    ours = read_docx(
        write_report(demo, "basis-op-orde", audit, out / "a.docx", template_dir=folder)
    ).body
    assert "Samenvatting van de coöperatie" in ours
    shipped = read_docx(
        write_report(demo, "advies", audit, out / "b.docx", template_dir=folder)
    ).body
    assert "Ons advies" in shipped
    english = read_docx(
        write_report(
            demo, "basis-op-orde", audit, out / "c.docx", template_dir=folder, language="en"
        )
    ).body
    assert "Summary" in english  # no English template of ours: the shipped English one


def test_a_user_template_without_language_serves_every_language(
    demo: Engine, tmp_path: Path, out: Path
) -> None:
    folder = tmp_path / "mine"
    made = _own_template(folder, "Samenvatting", "Eigen samenvatting")
    shutil.move(made, folder / "basis-op-orde.docx")
    english = read_docx(
        write_report(
            demo, "basis-op-orde", _audit(demo), out / "c.docx", template_dir=folder, language="en"
        )
    ).body
    assert "Eigen samenvatting" in english
