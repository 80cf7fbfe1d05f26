"""The bar chart of scores (per theme, per promise, per location), drawn with Pillow.

Pillow is fast to import and draw with; a plotting library would cost more start-up time
than the whole report. The chart is a PNG placed in the document as an inline picture.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1600
ROW = 54
TOP = 70
BOTTOM = 70
LABEL_WIDTH = 640
VALUE_WIDTH = 150
MARGIN = 24
PALETTE = (  # a paletted image is several times faster to encode than a full-colour one
    (255, 255, 255),  # paper
    (33, 33, 33),  # ink
    (224, 224, 224),  # grid
    (46, 125, 50),  # meets the norm
    (198, 40, 40),  # does not
    (120, 144, 156),  # no norm or no score
)
PAPER, INK, GRID, GOOD, BAD, NEUTRAL = range(len(PALETTE))

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    """0–100, or None when there is nothing to score yet."""
    ok: bool | None = None
    """Meets the norm (green), does not (red), or no norm (grey)."""


@dataclass(frozen=True)
class ChartImage:
    """A PNG and the width it should have on the page."""

    png: bytes
    width_mm: float
    description: str = ""


@cache
def _font(size: int, bold: bool = False) -> Font:
    names = (
        ("DejaVuSans-Bold.ttf", "LiberationSans-Bold.ttf", "Arial Bold.ttf")
        if bold
        else ("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf")
    )
    for name in names:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> str:
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(
    bars: Sequence[Bar],
    *,
    norm: float | None = None,
    norm_label: str = "",
    value_text: Callable[[float | None], str] = lambda v: "–" if v is None else f"{v:.0f}%",
    width_mm: float = 160,
    description: str = "",
) -> ChartImage:
    """Horizontal bars on a 0–100 scale, with an optional dashed norm line."""
    height = TOP + BOTTOM + ROW * max(len(bars), 1)
    image = Image.new("P", (WIDTH, height), PAPER)
    image.putpalette([channel for colour in PALETTE for channel in colour])
    draw = ImageDraw.Draw(image)
    left, right = LABEL_WIDTH + MARGIN, WIDTH - VALUE_WIDTH - MARGIN

    def x(value: float) -> int:
        return round(left + (right - left) * max(0.0, min(value, 100.0)) / 100)

    _axis(draw, x, height)
    label_font, value_font = _font(26), _font(26, bold=True)
    for i, bar in enumerate(bars):
        top = TOP + i * ROW
        colour = NEUTRAL if bar.ok is None else GOOD if bar.ok else BAD
        if bar.value is not None and bar.value > 0:
            draw.rectangle((left, top + 10, x(bar.value), top + ROW - 10), fill=colour)
    if norm is not None:
        _norm_line(draw, x(norm), height, norm_label)
    for i, bar in enumerate(bars):  # text last, over the norm line
        middle = TOP + i * ROW + ROW // 2
        label = _fit(draw, bar.label, label_font, LABEL_WIDTH - MARGIN)
        draw.text((MARGIN, middle), label, fill=INK, font=label_font, anchor="lm")
        colour = NEUTRAL if bar.ok is None or bar.value is None else GOOD if bar.ok else BAD
        draw.text(
            (x(bar.value or 0) + 12, middle),
            value_text(bar.value),
            fill=colour,
            font=value_font,
            anchor="lm",
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return ChartImage(buffer.getvalue(), width_mm, description)


def _axis(draw: ImageDraw.ImageDraw, x: Callable[[float], int], height: int) -> None:
    font = _font(22)
    for tick in range(0, 101, 20):
        draw.line((x(tick), TOP - 8, x(tick), height - BOTTOM), fill=GRID, width=2)
        draw.text((x(tick), height - BOTTOM + 14), f"{tick}%", fill=INK, font=font, anchor="mt")


def _norm_line(draw: ImageDraw.ImageDraw, at: int, height: int, label: str) -> None:
    for y in range(TOP - 20, height - BOTTOM, 16):
        draw.line((at, y, at, y + 8), fill=INK, width=3)
    if label:
        draw.text((at, TOP - 26), label, fill=INK, font=_font(22, bold=True), anchor="mb")
