"""The anonymised comparison: medians, quartiles and positions worked out by hand."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from qaudit.domain.mirror import (
    Distribution,
    LocationFigures,
    NetworkIndex,
    as_of,
    mirror,
    percentile_rank,
    quantile,
    size_class,
    trend_medians,
    verdict_share,
    yearly_indexes,
)


def loc(
    key: int, size: str, region: str, t01: dict[int, float], **verdicts: bool
) -> LocationFigures:
    return LocationFigures(
        key,
        size,
        region,
        {"basis:T01": t01},
        {int(y[1:]): v for y, v in verdicts.items()},
    )


# As of 2026 (window 2024-2026): A..E in 2026, F in 2025 (its older 2023 value is not used),
# G only in 2023: left out. basis:T01 as of 2026 is then 50, 60, 70, 80, 90, 100.
FIXTURE = [
    loc(1, "large", "Noord", {2026: 50}, y2022=False, y2024=True, y2026=True),
    loc(2, "small", "Noord", {2026: 60}),
    loc(3, "small", "Noord", {2026: 70}),
    loc(4, "small", "Zuid", {2026: 80}),
    loc(5, "small", "Zuid", {2026: 90}),
    loc(6, "small", "Zuid", {2025: 100, 2023: 10}),
    loc(7, "small", "Zuid", {2023: 5}),
]


def test_quartiles_by_the_inclusive_method() -> None:
    assert [quantile([1, 2, 3, 4], p) for p in (0.25, 0.5, 0.75)] == [1.75, 2.5, 3.25]
    assert quantile([7], 0.25) == 7
    with pytest.raises(ValueError):
        quantile([], 0.5)


def test_median_quartiles_and_position_among_all_locations() -> None:
    index = NetworkIndex(FIXTURE, 2026)
    seen = mirror(index, 1, ["basis:T01"])
    (row,) = seen.metrics
    assert row.own == 50
    everyone, size, region = row.groups
    # n = 6: q1 at h = 5 * .25 = 1.25 -> 60 + .25 * 10; median at 2.5; q3 at 3.75
    assert everyone.distribution == Distribution(6, 62.5, 75.0, 87.5)
    assert everyone.rank == pytest.approx(100 * 0.5 / 6)  # lowest of six: half a place
    assert size.suppressed and size.distribution is None  # the only large location
    assert region.suppressed  # Noord: three locations


def test_peer_group_of_five_is_shown() -> None:
    index = NetworkIndex(FIXTURE, 2026)
    (row,) = mirror(index, 2, ["basis:T01"]).metrics
    size = row.groups[1]
    # small, as of 2026: 60, 70, 80, 90, 100 (location 7 is out of the window)
    assert size.distribution == Distribution(5, 70.0, 80.0, 90.0)
    assert size.rank == 10.0


def test_verdict_history_and_trend() -> None:
    assert verdict_share({2022: False, 2024: True, 2026: True}) == {
        2022: 0.0,
        2024: 50.0,
        2026: pytest.approx(200 / 3),
    }
    index = NetworkIndex(FIXTURE, 2026)
    seen = mirror(index, 1, ["verdict"], trend_medians(yearly_indexes(FIXTURE, [2025, 2026])))
    assert seen.metrics[0].own == pytest.approx(200 / 3)
    assert seen.metrics[0].groups[0].suppressed  # only one location has verdicts
    assert seen.verdicts == ((2022, False), (2024, True), (2026, True))
    # 2025: only locations 6 and 7 have a value in 2023-2025, so no median
    assert [(p.year, p.own, p.median) for p in seen.trends["basis:overall"]] == [
        (2025, None, None),
        (2026, None, None),
    ]
    trend = mirror(index, 1, [], trend_medians(yearly_indexes(FIXTURE, [2025, 2026]))).trends
    assert trend["verdict"][1].own == pytest.approx(200 / 3)


def test_trend_of_a_theme_against_the_yearly_median() -> None:
    from qaudit.domain.mirror import trend

    per_year = yearly_indexes(FIXTURE, [2025, 2026], metrics=None)
    points = trend(FIXTURE[0].values["basis:T01"], per_year, "basis:T01")
    assert [(p.year, p.own, p.median) for p in points] == [(2025, None, None), (2026, 50, 75.0)]


def test_helpers() -> None:
    assert as_of({2024: 1.0, 2026: 3.0}, 2027) == 3.0
    assert as_of({2024: 1.0}, 2026) == 1.0
    assert as_of({2023: 1.0}, 2026) is None
    assert percentile_rank([10, 20, 20, 30], 20) == 50.0
    assert [size_class(n) for n in (40, 60, 119, 120)] == ["small", "medium", "medium", "large"]


def test_nothing_identifies_another_location() -> None:
    """A mirror holds numbers and the own groups' labels only: no other location's key."""
    index = NetworkIndex(FIXTURE, 2026)
    seen = mirror(
        index, 1, ["basis:T01", "verdict"], trend_medians(yearly_indexes(FIXTURE, [2026]))
    )
    text = repr(seen)
    for other in FIXTURE[1:]:
        assert f"key={other.key}" not in text
    assert "key=" not in text


def test_the_comparison_reads_the_demo_on_every_database(engine: Engine) -> None:
    from sqlmodel import select

    from qaudit.domain.models import Location
    from qaudit.services import mirror as service
    from qaudit.services.demo import build_demo
    from qaudit.storage import transaction

    build_demo(engine)
    with transaction(engine) as s:
        codes = {loc.code: loc.id for loc in s.exec(select(Location))}
        figures = service.member_figures(s)
        seen = service.location_mirror(s, codes["L13"])
        west = service.location_mirror(s, codes["L25"])
    assert len(figures.locations) == seen.members == 24
    overall = next(m for m in seen.mirror.metrics if m.metric == "basis:overall")
    assert overall.own is not None and overall.groups[0].distribution is not None
    assert overall.groups[0].distribution.n >= 5
    assert next(m for m in west.mirror.metrics if m.metric == "basis:overall").groups[2].suppressed
    assert [p.year for p in seen.mirror.trends["basis:overall"]] == sorted(
        {p.year for p in seen.mirror.trends["basis:overall"]}
    )
