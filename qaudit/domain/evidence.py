"""What an evidence file is, judged by its content (never by its name): the allowed kinds.

Evidence files back an answer: a PDF, a photo (JPEG, PNG, HEIC), an office document
(Word, Excel, PowerPoint, OpenDocument, or their older binary forms) or plain text.
Anything else is refused.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass

from qaudit.domain.privacy import Finding, find_personal_data

DEFAULT_MAX_MIB = 20
"""The default size limit of one evidence file (``[evidence] max_mib`` in config.toml)."""


@dataclass(frozen=True)
class FileType:
    media_type: str
    """The IANA media type, e.g. ``image/jpeg``."""
    label: str
    """In a list: ``PDF``, ``JPEG``, ``Word`` …"""
    photo: bool = False

    @property
    def image(self) -> bool:
        """A photo Word can show (HEIC is a photo but not shown in reports)."""
        return self.media_type in ("image/jpeg", "image/png")


PDF = FileType("application/pdf", "PDF")
JPEG = FileType("image/jpeg", "JPEG", photo=True)
PNG = FileType("image/png", "PNG", photo=True)
HEIC = FileType("image/heic", "HEIC", photo=True)
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word")
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel")
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint"
)
ODF = FileType("application/vnd.oasis.opendocument", "OpenDocument")
OLE = FileType("application/x-ole-storage", "Office (97-2003)")
TEXT = FileType("text/plain", "text")

ALLOWED = "PDF, JPEG, PNG, HEIC, Word, Excel, PowerPoint, OpenDocument, text"
"""What may be attached, for messages."""
_PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif")
_OFFICE_SUFFIXES = (".docx", ".xlsx", ".pptx", ".doc", ".xls", ".ppt")
_OPEN_DOCUMENT_SUFFIXES = (".odt", ".ods", ".odp", ".odg")
SUFFIXES = frozenset(
    (".pdf", ".txt", ".csv", ".md", *_PHOTO_SUFFIXES, *_OFFICE_SUFFIXES, *_OPEN_DOCUMENT_SUFFIXES)
)
"""How the names of the allowed kinds usually end (lower case): narrows a file chooser's list.
The content still decides (:func:`sniff`); a file named otherwise can be typed."""

_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"heif"}
_OOXML = (("word/", DOCX), ("xl/", XLSX), ("ppt/", PPTX))


def sniff(data: bytes) -> FileType | None:
    """The kind of file ``data`` is, or None when it is none of the allowed kinds."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return HEIC
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if data.startswith(b"PK\x03\x04"):
        return _zipped(data)
    return TEXT if _is_text(data) else None


def _zipped(data: bytes) -> FileType | None:
    """An Office Open XML or OpenDocument file (other zip files are refused)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                declared = archive.read("mimetype")[:80]
                if declared.startswith(b"application/vnd.oasis.opendocument"):
                    return FileType(declared.decode("ascii", "replace").strip(), ODF.label)
                return None
            if "[Content_Types].xml" in names:
                for folder, office in _OOXML:
                    if any(n.startswith(folder) for n in names):
                        return office
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    return None


def _is_text(data: bytes) -> bool:
    """UTF-8 (or Latin-1 / Windows-1252) text without control characters but tab and line ends."""
    if not data or b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return False
    text = text.removeprefix("\ufeff")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f")
    return controls == 0


KINDS = (PDF, JPEG, PNG, HEIC, DOCX, XLSX, PPTX, OLE, TEXT)


def of_media_type(media_type: str) -> FileType | None:
    """The kind stored under ``media_type`` (OpenDocument: any of its types)."""
    if media_type.startswith(ODF.media_type):
        return FileType(media_type, ODF.label)
    return next((k for k in KINDS if k.media_type == media_type), None)


def digest(data: bytes) -> str:
    """The content address: sha256, hex."""
    return hashlib.sha256(data).hexdigest()


_SEPARATORS = re.compile(r"[_\-.+]+")


def personal_data_in_name(name: str) -> list[Finding]:
    """What in a file name looks like personal data (``foto_mevrouw_Jansen.jpg``): the name is
    read as it is and with its separators as spaces."""
    found = find_personal_data(name)
    return found or find_personal_data(_SEPARATORS.sub(" ", name))


def human_size(size: int) -> str:
    """``1,2 MiB``-style size for lists (decimal point: shown as typed in both languages)."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KiB"
    return f"{size / 1024 / 1024:.1f} MiB"
