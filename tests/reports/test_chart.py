"""The score chart is a PNG drawn with Pillow."""

from __future__ import annotations

from io import BytesIO

from PIL import Image

from qaudit.reports.chart import Bar, bar_chart


def test_a_bar_per_item_with_a_norm_line() -> None:
    bars = [
        Bar(
            "T01 Persoonsgerichte zorg en zorgleefplan, een heel lange titel die niet past",
            82.5,
            True,
        ),
        Bar("T02 Wonen", 41.0, False),
        Bar("T03 Nog niets", None),
    ]
    chart = bar_chart(bars, norm=60, norm_label="norm 60%", width_mm=150, description="Scores")
    image = Image.open(BytesIO(chart.png))
    assert image.format == "PNG" and image.width == 1600
    assert image.height > 3 * 50
    assert chart.width_mm == 150 and chart.description == "Scores"
    colours = {colour for _count, colour in image.convert("RGB").getcolors(1 << 16) or []}
    assert (46, 125, 50) in colours and (198, 40, 40) in colours  # a green and a red bar


def test_no_bars_is_still_a_picture() -> None:
    assert Image.open(BytesIO(bar_chart([]).png)).format == "PNG"
