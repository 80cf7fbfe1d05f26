"""The spiegel and netwerk reports from the demo: nobody else named, suppression, restyling."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from sqlalchemy import Engine
from sqlmodel import select

from qaudit.domain.models import Location, Organisation, Person
from qaudit.errors import Refused
from qaudit.services.database import open_database
from qaudit.services.demo import build_demo
from qaudit.services.network_reports import write_netwerk, write_spiegel
from qaudit.storage import transaction


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_database(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    build_demo(engine)
    yield engine
    engine.dispose()


def every_text(path: Path) -> str:
    """All text of the document: paragraphs and table cells, headers and footers, the
    document properties and the pictures' descriptions (every XML part, tags removed)."""
    document = Document(str(path))
    body = "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t")))
        for p in document.element.body.iter(qn("w:p"))
    )
    with zipfile.ZipFile(path) as package:
        xml = "\n".join(
            re.sub(r"<[^>]+>", " ", package.read(name).decode("utf-8"))
            for name in package.namelist()
            if name.endswith(".xml") or name.endswith(".rels")
        )
    descriptions = " ".join(re.findall(r'descr="([^"]*)"', xml))
    return body + "\n" + xml + "\n" + descriptions


def _location(engine: Engine, code: str) -> Location:
    with transaction(engine) as s:
        return s.exec(select(Location).where(Location.code == code)).one()


def test_spiegel_names_no_other_location_or_organisation(demo: Engine, tmp_path: Path) -> None:
    own = _location(demo, "L13")
    path = write_spiegel(demo, own.id or 0, tmp_path / "spiegel.docx")
    text = every_text(path)
    with transaction(demo) as s:
        locations = s.exec(select(Location)).all()
        organisations = s.exec(select(Organisation)).all()
        people = s.exec(select(Person)).all()
    assert own.name in text and "Zorggroep Eemland" in text  # its own names are there
    others = [loc for loc in locations if loc.id != own.id]
    assert len(others) == 25
    for other in others:
        assert other.name not in text, other.name
        assert not re.search(rf"\b{other.code}\b", text), other.code
    for organisation in organisations:
        if organisation.id != own.organisation_id:
            assert organisation.name not in text, organisation.name
    for person in people:
        assert person.name not in text, person.name
    assert "mediaan" in text and "kwartielen" in text


def test_a_peer_group_under_five_is_suppressed_with_its_reason(
    demo: Engine, tmp_path: Path
) -> None:
    west = _location(demo, "L25")  # region West: two member locations
    body = Document(str(write_spiegel(demo, west.id or 0, tmp_path / "west.docx")))
    rows = [
        [cell.text for cell in row.cells]
        for table in body.tables
        for row in table.rows
        if row.cells[0].text.startswith("Basis op orde, totaal")
    ]
    own, everyone, _size, region = rows[0][1:]
    assert own.endswith("%")
    assert everyone.startswith("mediaan ") and "locaties" in everyone
    assert region == "niet getoond: minder dan 5 locaties"


def test_english_spiegel_and_a_non_member_refused(demo: Engine, tmp_path: Path) -> None:
    l13 = _location(demo, "L13")
    text = every_text(write_spiegel(demo, l13.id or 0, tmp_path / "en.docx", language="en"))
    assert "Mirror report" in text and "quartiles" in text
    prospect = _location(demo, "L01")
    with pytest.raises(Refused, match="L01"):
        write_spiegel(demo, prospect.id or 0, tmp_path / "no.docx")
    assert not (tmp_path / "no.docx").exists()


def test_netwerk_report_shows_distributions_movement_and_spread(
    demo: Engine, tmp_path: Path
) -> None:
    path = write_netwerk(demo, tmp_path / "netwerk.docx")
    document = Document(str(path))
    text = every_text(path)
    assert "Verdeling per thema" in text and "Beweging door de jaren" in text
    assert "Eigen regie en dagritme" in text  # a meeting
    assert len(document.inline_shapes) == 3  # themes, promises, movement
    practices = next(t for t in document.tables if t.rows[0].cells[0].text == "Praktijk")
    shared_from = {row.cells[2].text for row in practices.rows[1:]}
    assert not any(name.startswith(("L19", "L26")) for name in shared_from)  # no consent
    reached = [int(row.cells[4].text) for row in practices.rows[1:]]
    assert reached == sorted(reached, reverse=True) and reached[0] > 0


def test_a_restyled_template_is_used(demo: Engine, tmp_path: Path) -> None:
    from qaudit.paths import report_templates_dir

    mine = tmp_path / "sjablonen"
    mine.mkdir()
    template = Document(str(report_templates_dir() / "spiegel.nl.docx"))
    template.add_paragraph("Huisstijl van de coöperatie")
    template.save(str(mine / "spiegel.docx"))
    l13 = _location(demo, "L13")
    out = write_spiegel(demo, l13.id or 0, tmp_path / "eigen.docx", template_dir=mine)
    assert "Huisstijl van de coöperatie" in every_text(out)


def test_cli_spiegel_and_netwerk(demo: Engine, tmp_path: Path) -> None:
    url = str(demo.url)
    l13 = _location(demo, "L13")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "qaudit", "--database", url, "report", *args],
            capture_output=True,
            text=True,
            timeout=180,
        )

    done = run("spiegel", "--location", str(l13.id), "--out", str(tmp_path / "s.docx"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s.docx").is_file()
    assert run("spiegel", "--out", str(tmp_path / "x.docx")).returncode == 2
    refused = run("spiegel", "--location", "1", "--out", str(tmp_path / "x.docx"))
    assert refused.returncode == 1 and "L01" in refused.stderr and "Traceback" not in refused.stderr
    assert run("netwerk", "--out", str(tmp_path / "n.docx")).returncode == 0
    assert not (tmp_path / "x.docx").exists()


def test_the_cooperative_of_the_settings_signs_every_figure_report(
    demo: Engine, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "config.toml").write_text(
        '[cooperative]\nname = "Zorgcoöperatie Noord"\naddress = ["Postbus 12, Assen"]\n',
        encoding="utf-8",
    )
    l13 = _location(demo, "L13")
    reports = {
        "spiegel": ["--location", str(l13.id)],
        "netwerk": [],
        "clientervaring": ["--location", "1"],
    }
    for kind, extra in reports.items():
        out = tmp_path / f"{kind}.docx"
        done = subprocess.run(
            [sys.executable, "-m", "qaudit", "--database", str(demo.url), "report", kind,
             *extra, "--out", str(out)],
            capture_output=True, text=True, timeout=180,
            env={**os.environ, "QAUDIT_HOME": str(home)},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        text = every_text(out)
        assert "Zorgcoöperatie Noord" in text, kind
        assert "Coöperatie Kwaliteit@" not in text, kind
