"""Evidence photos as thumbnails in a report's appendix (issue 15).

Each photo is scaled down with Pillow (at most :data:`PIXELS` on its long side, turned
upright by its EXIF orientation) so a report with many photos stays small; a HEIC photo (an
iPhone's) is read through pillow-heif and put in as a JPEG, as Word shows no HEIC; a photo
that cannot be read is left out rather than breaking the report.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from functools import cache
from typing import Any

from qaudit.i18n import _
from qaudit.reports.chart import ChartImage
from qaudit.reports.data import PhotoRow
from qaudit.reports.formatting import redact

WIDTH_MM = 70.0
"""The width of a landscape thumbnail on the page (a portrait one is as high)."""
PIXELS = 900
"""The longest side of a thumbnail in pixels (about 300 dpi at 70 mm)."""


def thumbnail(data: bytes) -> tuple[bytes, float] | None:
    """The scaled-down picture (JPEG, or PNG when it has transparency) and its width in mm."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    _read_heic()
    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = ImageOps.exif_transpose(opened) or opened
            image.thumbnail((PIXELS, PIXELS))
            out = io.BytesIO()
            if image.mode in ("RGBA", "LA", "P"):
                image.save(out, format="PNG", optimize=True)
            else:
                image.convert("RGB").save(out, format="JPEG", quality=82, optimize=True)
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    ratio = width / height if height else 1.0
    return out.getvalue(), WIDTH_MM * min(1.0, ratio)


@cache
def _read_heic() -> None:
    """Let Pillow open HEIC photos (pillow-heif), once, when the first thumbnail is made."""
    from pillow_heif import register_heif_opener

    register_heif_opener()


def photo_context(photos: Iterable[PhotoRow]) -> list[dict[str, Any]]:
    """``photos`` of the template: ``.point``, ``.name`` (personal data redacted), ``.image``."""
    rows = []
    for photo in photos:
        made = thumbnail(photo.data)
        if made is None:
            continue
        name = redact(photo.name)
        description = _("Photo with point {point}: {name}").format(point=photo.point_id, name=name)
        rows.append(
            {
                "point": photo.point_id,
                "name": name,
                "image": ChartImage(made[0], made[1], description),
            }
        )
    return rows
