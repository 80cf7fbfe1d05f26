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
    assert (0, 158, 115) in colours and (213, 94, 0) in colours  # Okabe–Ito green and vermilion


def test_no_bars_is_still_a_picture() -> None:
    assert Image.open(BytesIO(bar_chart([]).png)).format == "PNG"


def test_long_labels_wrap_instead_of_being_cut() -> None:
    from PIL import ImageDraw

    from qaudit.reports.chart import _font, wrap

    draw = ImageDraw.Draw(Image.new("1", (1, 1)))
    title = "T01 Persoonsgerichte zorg en zorgleefplan met aandacht voor levensvragen"
    lines = wrap(draw, title, _font(26), 300)
    assert len(lines) > 1 and " ".join(lines) == title
    assert all(draw.textlength(line, font=_font(26)) <= 300 for line in lines)


def test_a_value_label_moves_past_a_norm_line() -> None:
    from qaudit.reports.chart import _clear_of

    assert _clear_of(100, 60, [500]) == 100  # far away: stays
    moved = _clear_of(480, 60, [500])
    assert moved > 500  # it would touch the line: starts after it
    assert _clear_of(100, 60, [120, moved]) > 120


def test_overall_norm_and_colours_from_the_style() -> None:
    from qaudit.reports.chart import ChartStyle, Norm, using_chart_style

    style = ChartStyle(met="#112233", not_met="#445566", norm="#AA00AA")
    with using_chart_style(style):
        chart = bar_chart(
            [Bar("A", 90, True), Bar("B", 30, False)],
            norm=60,
            norm_label="thema 60%",
            overall=Norm(80, "totaal 80%"),
        )
    image = Image.open(BytesIO(chart.png)).convert("RGB")
    colours = {colour for _count, colour in image.getcolors(1 << 16) or []}
    assert {(0x11, 0x22, 0x33), (0x44, 0x55, 0x66), (0xAA, 0, 0xAA)} <= colours
    norm_columns = {
        x for x in range(image.width) if image.getpixel((x, image.height - 80)) == (0xAA, 0, 0xAA)
    }
    assert len(norm_columns) >= 4  # two dashed lines (60% and 80%), each a few pixels wide
    assert max(norm_columns) - min(norm_columns) > 100
