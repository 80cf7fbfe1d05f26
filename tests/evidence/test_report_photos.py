"""Evidence photos appear as thumbnails in the Word report's appendix (and in its PDF)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest
from docx import Document
from sqlalchemy import Engine

from qaudit.checklists import Catalogue
from qaudit.errors import QauditError
from qaudit.reports.pdf import convert, find_soffice
from qaudit.services import evidence
from qaudit.services.reports import write_one
from tests.answering.support import make_location, start
from tests.evidence.support import PDF, png, write


def big_photo() -> bytes:
    """A 3000×2000 camera-like JPEG (noise, so it does not compress away)."""
    from PIL import Image

    noise = random.Random(7).randbytes(3000 * 2000 * 3)
    out = io.BytesIO()
    Image.frombytes("RGB", (3000, 2000), noise).save(out, format="JPEG", quality=90)
    return out.getvalue()


def heic_photo() -> bytes:
    """A 1600×1200 HEIC photo, as an iPhone takes them (written with pillow-heif)."""
    from PIL import Image
    from pillow_heif import from_pillow

    out = io.BytesIO()
    from_pillow(Image.new("RGB", (1600, 1200), (30, 120, 60))).save(out, quality=80)
    return out.getvalue()


@pytest.fixture
def report_with_photos(engine: Engine, mini_catalogue: Catalogue, tmp_path: Path) -> Path:
    assessment_id = start(engine, make_location(engine), mini_catalogue)
    photo = write(tmp_path, "keuken.jpg", big_photo())
    evidence.attach_file(engine, assessment_id, "A.01", photo)
    evidence.attach_file(engine, assessment_id, "B.01", write(tmp_path, "gang.png", png()))
    evidence.attach_file(engine, assessment_id, "B.01", write(tmp_path, "beleid.pdf", PDF))
    evidence.attach_file(
        engine, assessment_id, "A.01", write(tmp_path, "terras.heic", heic_photo())
    )
    out = tmp_path / "out" / "rapport.docx"
    out.parent.mkdir()
    write_one(engine, "basis-op-orde", assessment_id, out)
    return out


def test_photos_are_thumbnails_in_the_appendix(report_with_photos: Path) -> None:
    document = Document(str(report_with_photos))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Foto's bij de meetpunten" in text
    assert "A.01 · keuken.jpg" in text and "B.01 · gang.png" in text
    assert "A.01 · terras.heic" in text  # an iPhone photo too
    assert "beleid.pdf" not in text  # a document is no photo
    with zipfile.ZipFile(report_with_photos) as package:
        media = {n: package.read(n) for n in package.namelist() if n.startswith("word/media/")}
    from PIL import Image

    pictures = [Image.open(io.BytesIO(data)) for data in media.values()]
    sizes = sorted(picture.size for picture in pictures)
    assert (300, 200) in sizes and (900, 600) in sizes  # the PNG as it was; the photo scaled
    assert (900, 675) in sizes  # the HEIC photo, scaled
    assert (3000, 2000) not in sizes
    assert {picture.format for picture in pictures} <= {"JPEG", "PNG"}  # Word shows no HEIC
    biggest = max(len(data) for data in media.values())
    assert biggest < len(big_photo()) // 4  # far smaller than the camera's file
    described = [shape._inline.docPr.get("descr", "") for shape in document.inline_shapes]
    assert "Foto bij meetpunt A.01: keuken.jpg" in described


SOFFICE = find_soffice()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_report_with_its_photos(
    report_with_photos: Path, tmp_path: Path
) -> None:
    assert SOFFICE is not None
    pdf = tmp_path / "rapport.pdf"
    try:
        convert(report_with_photos, pdf, SOFFICE)
    except QauditError as exc:
        pytest.skip(f"LibreOffice converts no Word file here: {exc}")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Subtype/Image") + data.count(b"/Subtype /Image") >= 3


@pytest.mark.parametrize(("kind", "report"), [("visitation", "visitatie"), ("cirkel", "cirkel")])
def test_visitation_and_cirkel_reports_show_photos_too(
    engine: Engine, mini_catalogue: Catalogue, tmp_path: Path, kind: str, report: str
) -> None:
    from qaudit.domain.enums import AssessmentKind
    from qaudit.services import assessments, checklists
    from qaudit.storage import transaction

    assessment_id = start(engine, make_location(engine), mini_catalogue, AssessmentKind(kind))
    with transaction(engine) as session:
        spec = checklists.spec_of_assessment(session, assessments.get(session, assessment_id))
    point = spec.points[0].id
    evidence.attach_file(engine, assessment_id, point, write(tmp_path, "gang.png", png()))
    out = tmp_path / f"{report}.docx"
    write_one(engine, report, assessment_id, out)
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert f"{point} · gang.png" in text
