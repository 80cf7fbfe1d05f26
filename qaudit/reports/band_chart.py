"""Charts of the anonymised comparison, drawn with Pillow like :mod:`qaudit.reports.chart`.

- :func:`band_chart`: per row the group's interquartile band (first to third quartile), its
  median as a tick and the location's own value as a dot; a suppressed group has no band.
- :func:`trend_chart`: the own value per year beside the median of all member locations.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PIL import Image, ImageDraw

from qaudit.reports.chart import (
    BOTTOM,
    GRID,
    INK,
    LABEL_WIDTH,
    MARGIN,
    NEUTRAL,
    PAPER,
    TOP,
    VALUE_WIDTH,
    WIDTH,
    ChartImage,
    _axis,
    _fit,
    _font,
)
from qaudit.reports.palette import PALETTE

ROW = 54
"""Height of one band row (the bar chart's rows now size themselves)."""

BAND = len(PALETTE)
OWN = BAND + 1
MEDIAN = BAND + 2
COLOURS = (*PALETTE, (187, 222, 251), (21, 101, 192), (13, 71, 161))


@dataclass(frozen=True)
class BandRow:
    label: str
    q1: float | None
    median: float | None
    q3: float | None
    own: float | None = None


def _image(height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("P", (WIDTH, height), PAPER)
    image.putpalette([channel for colour in COLOURS for channel in colour])
    return image, ImageDraw.Draw(image)


def _png(image: Image.Image, width_mm: float, description: str) -> ChartImage:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return ChartImage(buffer.getvalue(), width_mm, description)


def band_chart(
    rows: Sequence[BandRow],
    *,
    value_text: Callable[[float | None], str],
    legend: tuple[str, str, str] = ("", "", ""),
    width_mm: float = 160,
    description: str = "",
) -> ChartImage:
    """Interquartile band, median tick and own dot per row, on a 0–100 scale.

    ``legend``: the words for the band, the median and the own value (drawn above the chart).
    """
    height = TOP + BOTTOM + ROW * max(len(rows), 1)
    image, draw = _image(height)
    left, right = LABEL_WIDTH + MARGIN, WIDTH - VALUE_WIDTH - MARGIN

    def x(value: float) -> int:
        return round(left + (right - left) * max(0.0, min(value, 100.0)) / 100)

    _axis(draw, x, height, "")  # the default font family
    _legend(draw, legend, left)
    font, bold = _font(26), _font(26, bold=True)
    for i, row in enumerate(rows):
        top, middle = TOP + i * ROW, TOP + i * ROW + ROW // 2
        if row.q1 is not None and row.q3 is not None:
            draw.rectangle(
                (x(row.q1), top + 12, max(x(row.q3), x(row.q1) + 2), top + ROW - 12), fill=BAND
            )
        if row.median is not None:
            draw.rectangle(
                (x(row.median) - 2, top + 6, x(row.median) + 2, top + ROW - 6), fill=MEDIAN
            )
        if row.own is not None:
            r = 11
            draw.ellipse((x(row.own) - r, middle - r, x(row.own) + r, middle + r), fill=OWN)
        draw.text(
            (MARGIN, middle),
            _fit(draw, row.label, font, LABEL_WIDTH - MARGIN),
            fill=INK,
            font=font,
            anchor="lm",
        )
        shown = row.own if row.own is not None else row.median
        colour = OWN if row.own is not None else NEUTRAL
        draw.text((right + 12, middle), value_text(shown), fill=colour, font=bold, anchor="lm")
    return _png(image, width_mm, description)


def _legend(draw: ImageDraw.ImageDraw, legend: tuple[str, str, str], left: int) -> None:
    band, median, own = legend
    font = _font(22)
    at = left
    y = 18
    if band:
        draw.rectangle((at, y, at + 40, y + 22), fill=BAND)
        draw.text((at + 50, y + 11), band, fill=INK, font=font, anchor="lm")
        at += 70 + int(draw.textlength(band, font=font))
    if median:
        draw.rectangle((at + 18, y - 2, at + 22, y + 24), fill=MEDIAN)
        draw.text((at + 34, y + 11), median, fill=INK, font=font, anchor="lm")
        at += 60 + int(draw.textlength(median, font=font))
    if own:
        draw.ellipse((at + 9, y, at + 31, y + 22), fill=OWN)
        draw.text((at + 42, y + 11), own, fill=INK, font=font, anchor="lm")


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[tuple[int, float | None]]
    own: bool
    """The location's own line (solid, dots) or the network's median (dashed)."""
    colour: int | None = None
    """Which of the lines (0, 1, ...) when several are drawn: picks a distinct colour."""


def trend_chart(
    series: Sequence[Series],
    *,
    width_mm: float = 160,
    description: str = "",
) -> ChartImage:
    """Lines over the years on a 0–100 scale; gaps where a year has no value."""
    height = 620
    image, draw = _image(height)
    years = sorted({year for s in series for year, _v in s.points})
    left, right, top, bottom = 140, WIDTH - 60, 90, height - 80
    font = _font(22)
    for tick in range(0, 101, 20):
        y = bottom - (bottom - top) * tick // 100
        draw.line((left, y, right, y), fill=GRID, width=2)
        draw.text((left - 14, y), f"{tick}%", fill=INK, font=font, anchor="rm")
    inset = 50  # the first and last year clear of the axis labels
    step = (right - left - 2 * inset) / max(len(years) - 1, 1)
    xs = {
        year: round(left + inset + step * i) if len(years) > 1 else (left + right) // 2
        for i, year in enumerate(years)
    }
    for year, at in xs.items():
        draw.text((at, bottom + 16), str(year), fill=INK, font=font, anchor="mt")

    def y_of(value: float) -> int:
        return round(bottom - (bottom - top) * max(0.0, min(value, 100.0)) / 100)

    for s in series:
        colour = _colour(s)
        points = [(xs[year], y_of(v)) for year, v in s.points if v is not None]
        for (x1, y1), (x2, y2) in pairwise(points):
            if s.own:
                draw.line((x1, y1, x2, y2), fill=colour, width=5)
            else:
                _dashed(draw, (x1, y1, x2, y2), colour)
        for px, py in points:
            r = 9 if s.own else 6
            draw.ellipse((px - r, py - r, px + r, py + r), fill=colour)
    _series_legend(draw, series, left)
    return _png(image, width_mm, description)


def _dashed(draw: ImageDraw.ImageDraw, line: tuple[int, int, int, int], colour: int) -> None:
    x1, y1, x2, y2 = line
    length = max(abs(x2 - x1), abs(y2 - y1), 1)
    for start in range(0, length, 24):
        a, b = start / length, min(start + 12, length) / length
        draw.line(
            (x1 + (x2 - x1) * a, y1 + (y2 - y1) * a, x1 + (x2 - x1) * b, y1 + (y2 - y1) * b),
            fill=colour,
            width=4,
        )


def _series_legend(draw: ImageDraw.ImageDraw, series: Sequence[Series], left: int) -> None:
    font = _font(22)
    at = left
    for s in series:
        colour = _colour(s)
        draw.line((at, 40, at + 50, 40), fill=colour, width=5)
        draw.text((at + 60, 40), s.label, fill=INK, font=font, anchor="lm")
        at += 100 + int(draw.textlength(s.label, font=font))


_LINES = (OWN, 3, 4, MEDIAN)  # blue, green, red, dark blue


def _colour(s: Series) -> int:
    if s.colour is not None:
        return _LINES[s.colour % len(_LINES)]
    return OWN if s.own else NEUTRAL
