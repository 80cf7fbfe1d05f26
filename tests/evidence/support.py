"""Evidence files for the tests: real JPEG, PNG, PDF, Word and text files."""

from __future__ import annotations

import io
from pathlib import Path


def jpeg(colour: tuple[int, int, int] = (200, 80, 40), size: tuple[int, int] = (640, 480)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG", quality=85)
    return out.getvalue()


def png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (300, 200), (20, 80, 140)).save(out, format="PNG")
    return out.getvalue()


def docx() -> bytes:
    from docx import Document

    out = io.BytesIO()
    document = Document()
    document.add_paragraph("Medicatiebeleid, versie 2")
    document.save(out)
    return out.getvalue()


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path
