"""Charts of the client's voice, drawn with Pillow like :mod:`qaudit.reports.chart`.

- the NPS per quarter: columns from the zero line on a −100…100 scale, the target dashed,
  the 95 % interval as a whisker, indicative quarters grey;
- intervals on a scale (the six parameters 1–5, promises 0–100 %): a bar per item with
  its interval as a whisker and the target dashed.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw

from qaudit.reports.chart import (
    BAD,
    GOOD,
    GRID,
    INK,
    NEUTRAL,
    PAPER,
    ChartImage,
    _fit,
    _font,
)
from qaudit.reports.palette import PALETTE

WIDTH = 1600
MARGIN = 24


@dataclass(frozen=True)
class Value:
    """One bar: its value, 95 % interval, and whether it meets the target."""

    label: str
    value: float | None
    low: float | None = None
    high: float | None = None
    ok: bool | None = None
    """True / False against the target; None when not judged (indicative, no target)."""
    note: str = ""
    """Under the label of a column (e.g. ``n=12``)."""


def _image(height: int) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("P", (WIDTH, height), PAPER)
    image.putpalette([channel for colour in PALETTE for channel in colour])
    return image, ImageDraw.Draw(image)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


def _colour(ok: bool | None) -> int:
    return NEUTRAL if ok is None else GOOD if ok else BAD


def _dashed_h(draw: ImageDraw.ImageDraw, y: int, x0: int, x1: int, label: str) -> None:
    for x in range(x0, x1, 18):
        draw.line((x, y, min(x + 9, x1), y), fill=INK, width=3)
    if label:  # at the left end: the columns' value labels are on the right
        draw.text((x0 + 8, y - 6), label, fill=INK, font=_font(22, bold=True), anchor="lb")


def _dashed_v(draw: ImageDraw.ImageDraw, x: int, y0: int, y1: int, label: str) -> None:
    for y in range(y0, y1, 16):
        draw.line((x, y, x, min(y + 8, y1)), fill=INK, width=3)
    if label:
        draw.text((x, y0 - 6), label, fill=INK, font=_font(22, bold=True), anchor="mb")


def nps_trend(
    columns: Sequence[Value], target: float, target_label: str, description: str = ""
) -> ChartImage:
    """Columns of the NPS per quarter on −100…100, with whiskers and the target dashed."""
    height, top, bottom, left = 760, 60, 120, 110
    image, draw = _image(height)
    right = WIDTH - MARGIN

    def y(value: float) -> int:
        return round(top + (height - top - bottom) * (100 - max(-100, min(100, value))) / 200)

    font = _font(22)
    for tick in range(-100, 101, 50):
        draw.line((left, y(tick), right, y(tick)), fill=GRID, width=2)
        draw.text((left - 12, y(tick)), str(tick), fill=INK, font=font, anchor="rm")
    draw.line((left, y(0), right, y(0)), fill=INK, width=2)
    slot = (right - left) / max(len(columns), 1)
    for i, column in enumerate(columns):
        middle = round(left + slot * (i + 0.5))
        half = round(slot * 0.3)
        if column.value is not None:
            y0, y1 = sorted((y(0), y(column.value)))
            draw.rectangle(
                (middle - half, y0, middle + half, max(y1, y0 + 2)), fill=_colour(column.ok)
            )
            _whisker_v(draw, middle, column, y)
            _value_label(draw, middle, column, y)
        draw.text((middle, height - bottom + 16), column.label, fill=INK, font=font, anchor="mt")
        if column.note:
            draw.text((middle, height - bottom + 48), column.note, fill=INK, font=font, anchor="mt")
    _dashed_h(draw, y(target), left, right, target_label)
    return ChartImage(_png(image), 160, description)


def _value_label(
    draw: ImageDraw.ImageDraw, x: int, column: Value, y: Callable[[float], int]
) -> None:
    """The value above the column (or below a negative one), clear of its whisker."""
    assert column.value is not None
    up = column.value >= 0
    end = column.high if up else column.low
    at = y(max(column.value, end) if up else min(column.value, end)) if end is not None else None
    at = at if at is not None else y(column.value)
    text = f"{column.value:.0f}"
    font = _font(24, bold=True)
    draw.text((x, at - 8 if up else at + 8), text, fill=INK, font=font, anchor="mb" if up else "mt")


def _whisker_v(draw: ImageDraw.ImageDraw, x: int, column: Value, y: Callable[[float], int]) -> None:
    if column.low is None or column.high is None:
        return
    draw.line((x, y(column.high), x, y(column.low)), fill=INK, width=3)
    for end in (column.low, column.high):
        draw.line((x - 12, y(end), x + 12, y(end)), fill=INK, width=3)


def interval_bars(
    bars: Sequence[Value],
    *,
    scale: tuple[float, float],
    ticks: Sequence[float],
    tick_text: Callable[[float], str],
    value_text: Callable[[float | None], str],
    target: float | None = None,
    target_label: str = "",
    description: str = "",
) -> ChartImage:
    """Horizontal bars on ``scale`` with their 95 % interval as a whisker."""
    row, top, bottom, label_width, value_width = 54, 70, 70, 600, 170
    height = top + bottom + row * max(len(bars), 1)
    image, draw = _image(height)
    left, right = label_width + MARGIN, WIDTH - value_width - MARGIN
    low_end, high_end = scale

    def x(value: float) -> int:
        share = (max(low_end, min(value, high_end)) - low_end) / (high_end - low_end)
        return round(left + (right - left) * share)

    font, bold = _font(26), _font(26, bold=True)
    for tick in ticks:
        draw.line((x(tick), top - 8, x(tick), height - bottom), fill=GRID, width=2)
        draw.text(
            (x(tick), height - bottom + 14), tick_text(tick), fill=INK, font=_font(22), anchor="mt"
        )
    for i, bar in enumerate(bars):
        middle = top + i * row + row // 2
        if bar.value is not None:
            draw.rectangle(
                (left, middle - row // 2 + 10, x(bar.value), middle + row // 2 - 10),
                fill=_colour(bar.ok),
            )
            if bar.low is not None and bar.high is not None:
                draw.line((x(bar.low), middle, x(bar.high), middle), fill=INK, width=3)
                for end in (bar.low, bar.high):
                    draw.line((x(end), middle - 12, x(end), middle + 12), fill=INK, width=3)
    if target is not None:
        _dashed_v(draw, x(target), top - 20, height - bottom, target_label)
    for i, bar in enumerate(bars):
        middle = top + i * row + row // 2
        label = _fit(draw, bar.label, font, label_width - MARGIN)
        draw.text((MARGIN, middle), label, fill=INK, font=font, anchor="lm")
        draw.text(
            (right + 16, middle),
            value_text(bar.value),
            fill=_colour(bar.ok),
            font=bold,
            anchor="lm",
        )
    return ChartImage(_png(image), 160, description)
