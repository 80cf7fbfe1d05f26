"""The anonymised comparison over a synthetic network: 2,500 member locations, ten years.

``network_compare_2500_s`` times the whole comparison from plain data: the distributions of
every metric (16 Basis op orde themes and overall, verdicts, Cirkel, visitation, 12 promises)
for all locations and every size class and region as of the latest year, the yearly medians
of all locations for the trends, and one location's mirror: what
``qaudit report spiegel`` computes. ``network_mirror_each_2500_s`` adds the mirror of every one
of the 2,500 locations (all their reports at once). Reading the figures from the database is
not part of either. ``--quick`` uses 500 locations (``network_compare_quick_locations`` says
how many) and prints the figures.
"""

from __future__ import annotations

import random

from timing import median_seconds, rounded

from qaudit.domain.mirror import (
    LocationFigures,
    Medians,
    NetworkIndex,
    mirror,
    size_class,
    trend_medians,
    yearly_indexes,
    years_of,
)

REGIONS = ("Noord", "Oost", "Midden", "West", "Zuid", "Randstad", "Veluwe", "Zuidoost")
THEMES = [f"T{n:02d}" for n in range(1, 17)]
PROMISES = [f"KB{n:02d}" for n in range(1, 13)]
YEARS = range(2017, 2027)


def synthetic(count: int, seed: int = 13) -> list[LocationFigures]:
    rng = random.Random(seed)
    out = []
    for key in range(count):
        level = rng.uniform(55, 95)
        values: dict[str, dict[int, float]] = {}
        verdicts: dict[int, bool] = {}
        for year in YEARS:
            drift = level + (year - 2017) * rng.uniform(-0.5, 1.5)
            kind = "cirkel" if (year + key) % 2 else "visitation"
            values.setdefault(f"{kind}:overall", {})[year] = min(100.0, drift + rng.gauss(0, 5))
            for promise in PROMISES:
                score = min(100.0, drift + rng.gauss(0, 8))
                values.setdefault(f"promise:{promise}", {})[year] = score
            if kind == "cirkel":
                overall = min(100.0, drift + rng.gauss(0, 4))
                values.setdefault("basis:overall", {})[year] = overall
                for theme in THEMES:
                    score = min(100.0, drift + rng.gauss(0, 7))
                    values.setdefault(f"basis:{theme}", {})[year] = score
                verdicts[year] = overall >= 80
        out.append(
            LocationFigures(
                key, size_class(rng.randint(30, 180)), rng.choice(REGIONS), values, verdicts
            )
        )
    return out


def compare(locations: list[LocationFigures]) -> tuple[NetworkIndex, Medians]:
    """The network's comparison: every distribution as of the latest year, per group, and the
    yearly medians for the trends; then one location's mirror (what a report asks for)."""
    years = years_of(locations)
    index = NetworkIndex(locations, years[-1])
    medians = trend_medians(yearly_indexes(locations, years))
    mirror(index, locations[0].key, index.metric_names(), medians)
    return index, medians


def mirror_each(locations: list[LocationFigures], index: NetworkIndex, medians: Medians) -> int:
    metrics = index.metric_names()
    return sum(len(mirror(index, loc.key, metrics, medians).metrics) for loc in locations)


def figures(quick: bool) -> dict[str, float]:
    count = 500 if quick else 2500
    locations = synthetic(count)
    repeat = 1 if quick else 3
    seconds = median_seconds(lambda: compare(locations), repeat)
    index, medians = compare(locations)
    each = median_seconds(lambda: mirror_each(locations, index, medians), repeat)
    print(f"network comparison over {count} locations x 10 years: {seconds:.3f} s")
    print(f"and the mirror of each of the {count} locations: {each:.3f} s")
    if quick:
        return {
            "network_compare_quick_s": rounded(seconds),
            "network_compare_quick_locations": count,
        }
    return {"network_compare_2500_s": rounded(seconds), "network_mirror_each_2500_s": rounded(each)}
