"""What may be attached is judged by content, never by the file's name."""

from __future__ import annotations

import io
import zipfile

from qaudit.domain import evidence as rules
from tests.evidence.support import PDF, docx, jpeg, png


def test_allowed_kinds_by_content() -> None:
    assert rules.sniff(PDF) is rules.PDF
    assert rules.sniff(jpeg()) is rules.JPEG
    assert rules.sniff(png()) is rules.PNG
    assert rules.sniff(docx()) is rules.DOCX
    assert rules.sniff(b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00") is rules.HEIC
    assert rules.sniff("Beleid cliëntdossier\r\n".encode()) is rules.TEXT
    assert rules.sniff("Beleid cliëntdossier".encode("cp1252")) is rules.TEXT


def test_other_content_is_refused() -> None:
    assert rules.sniff(bytes(range(256))) is None
    assert rules.sniff(b"MZ\x90\x00\x03\x00\x00\x00") is None  # a Windows program
    assert rules.sniff(b"") is None
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("virus.exe", b"MZ")
    assert rules.sniff(plain_zip.getvalue()) is None
    assert rules.sniff(b"PK\x03\x04broken") is None


def test_opendocument_keeps_its_media_type() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    kind = rules.sniff(out.getvalue())
    assert kind is not None and kind.media_type == "application/vnd.oasis.opendocument.text"
    assert rules.of_media_type(kind.media_type) == kind


def test_personal_data_in_a_file_name() -> None:
    assert rules.personal_data_in_name("foto_mevrouw_Jansen.jpg")
    assert rules.personal_data_in_name("bsn 111222333.pdf")
    assert not rules.personal_data_in_name("foto-keuken-2e-verdieping.jpg")
    assert not rules.personal_data_in_name("medicatiebeleid_v2.docx")
