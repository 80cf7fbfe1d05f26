"""The bar chart of scores (per theme, per promise, per location), drawn with Pillow.

Pillow is fast to import and draw with; a plotting library would cost more start-up time
than the whole report. The chart is a PNG placed in the document as an inline picture.

Labels are wrapped, never cut; a value label that would touch a norm line moves past it;
the colours (by default the colour-blind-safe Okabe–Ito palette) and the font come from a
:class:`ChartStyle` (the ``[chart]`` settings).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1600
LINE = 32
ROW_PAD = 22
TOP = 96
BOTTOM = 70
LABEL_WIDTH = 620
VALUE_WIDTH = 150
MARGIN = 24
MAX_LINES = 3
PAPER, INK, GRID, GOOD, BAD, NEUTRAL, NORM = range(7)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont
RGB = tuple[int, int, int]


def rgb(text: str) -> RGB:
    value = text.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@dataclass(frozen=True)
class ChartStyle:
    """Colours as ``#RRGGBB`` and a font (a file or a family name; empty: a free default)."""

    met: str = "#009E73"
    not_met: str = "#D55E00"
    unknown: str = "#999999"
    norm: str = "#0072B2"
    text: str = "#222222"
    font: str = ""

    def palette(self) -> list[int]:
        colours = [
            (255, 255, 255),
            rgb(self.text),
            (224, 224, 224),
            rgb(self.met),
            rgb(self.not_met),
            rgb(self.unknown),
            rgb(self.norm),
        ]
        return [channel for colour in colours for channel in colour]


_STYLE: ContextVar[ChartStyle | None] = ContextVar("chart_style", default=None)


@contextmanager
def using_chart_style(style: ChartStyle | None) -> Iterator[None]:
    token = _STYLE.set(style or ChartStyle())
    try:
        yield
    finally:
        _STYLE.reset(token)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    """0–100, or None when there is nothing to score yet."""
    ok: bool | None = None
    """Meets the norm, does not, or no norm / not known yet."""


@dataclass(frozen=True)
class Norm:
    at: float
    label: str


@dataclass(frozen=True)
class ChartImage:
    """A PNG and the width it should have on the page."""

    png: bytes
    width_mm: float
    description: str = ""


_DEFAULT_FONTS = {
    False: ("Carlito-Regular.ttf", "LiberationSans-Regular.ttf", "DejaVuSans.ttf", "Arial.ttf"),
    True: ("Carlito-Bold.ttf", "LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf", "Arial Bold.ttf"),
}


@cache
def _font(size: int, bold: bool = False, family: str = "") -> Font:
    wanted: tuple[str, ...] = ()
    if family:
        suffix = "-Bold" if bold else "-Regular"
        wanted = (family, f"{family}{suffix}.ttf", f"{family}.ttf")
    for name in (*wanted, *_DEFAULT_FONTS[bold]):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``; words are never cut, only a word wider
    than the whole width is, and after :data:`MAX_LINES` lines the rest is ellipsised."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=font) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], " ".join(lines[MAX_LINES - 1 :])]
    return [_fit(draw, line, font, width) for line in lines] or [""]


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
    overall: Norm | None = None,
    value_text: Callable[[float | None], str] = lambda v: "" if v is None else f"{v:.0f}%",
    width_mm: float = 160,
    description: str = "",
) -> ChartImage:
    """Horizontal bars on a 0–100 scale, with dashed norm lines (per item and overall)."""
    style = _STYLE.get() or ChartStyle()
    family = style.font
    label_font, value_font = _font(26, False, family), _font(26, True, family)
    measure = ImageDraw.Draw(Image.new("1", (1, 1)))
    labels = [wrap(measure, bar.label, label_font, LABEL_WIDTH - MARGIN) for bar in bars]
    rows = [LINE * len(lines) + ROW_PAD for lines in labels]
    height = TOP + BOTTOM + max(sum(rows), LINE + ROW_PAD)
    image = Image.new("P", (WIDTH, height), PAPER)
    image.putpalette(style.palette())
    draw = ImageDraw.Draw(image)
    left, right = LABEL_WIDTH + MARGIN, WIDTH - VALUE_WIDTH - MARGIN

    def x(value: float) -> int:
        return round(left + (right - left) * max(0.0, min(value, 100.0)) / 100)

    _axis(draw, x, height, family)
    norms = [n for n in (Norm(norm, norm_label) if norm is not None else None, overall) if n]
    tops = [TOP + sum(rows[:i]) for i in range(len(bars))]
    for bar, top, row in zip(bars, tops, rows, strict=True):
        colour = _colour(bar)
        if bar.value is not None and bar.value > 0:
            draw.rectangle((left, top + 8, x(bar.value), top + row - 8), fill=colour)
    for number, item in enumerate(norms):
        _norm_line(draw, x(item.at), height, item.label, number, family)
    lines_at = [x(n.at) for n in norms]
    for bar, lines, top, row in zip(bars, labels, tops, rows, strict=True):
        middle = top + row // 2
        first = middle - LINE * (len(lines) - 1) // 2
        for n, line in enumerate(lines):
            draw.text((MARGIN, first + n * LINE), line, fill=INK, font=label_font, anchor="lm")
        text = value_text(bar.value)
        width = round(draw.textlength(text, font=value_font))
        start = _clear_of(x(bar.value or 0) + 12, width, lines_at)
        fill = INK if bar.value is None else _colour(bar)
        draw.text((start, middle), text, fill=fill, font=value_font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return ChartImage(buffer.getvalue(), width_mm, description)


def _colour(bar: Bar) -> int:
    return NEUTRAL if bar.ok is None else GOOD if bar.ok else BAD


def _clear_of(start: int, width: int, lines: Sequence[int], gap: int = 10) -> int:
    """Where a text of ``width`` starting at ``start`` touches no norm line."""
    for line in sorted(lines):
        if start - gap <= line <= start + width + gap:
            start = line + gap + 2
    return start


def _axis(draw: ImageDraw.ImageDraw, x: Callable[[float], int], height: int, family: str) -> None:
    font = _font(22, False, family)
    for tick in range(0, 101, 20):
        draw.line((x(tick), TOP - 8, x(tick), height - BOTTOM), fill=GRID, width=2)
        draw.text((x(tick), height - BOTTOM + 14), f"{tick}%", fill=INK, font=font, anchor="mt")


def _norm_line(
    draw: ImageDraw.ImageDraw, at: int, height: int, label: str, number: int, family: str
) -> None:
    """A dashed line; its label above the chart, the second one a line higher."""
    dash = 8 if number == 0 else 4
    for y in range(TOP - 16, height - BOTTOM, 2 * dash):
        draw.line((at, y, at, y + dash), fill=NORM, width=3)
    if label:
        y = TOP - 22 - number * 34
        draw.text((at, y), label, fill=NORM, font=_font(22, True, family), anchor="mb")
