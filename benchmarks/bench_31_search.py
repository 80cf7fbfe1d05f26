"""Finding a point on the checklist screen (``/``): one search over the 281-point checklist.

    cd benchmarks && ../.venv/bin/python bench_31_search.py [--quick]

- ``search_281_median_ms``: the median time of one search (ids, numbers, single words,
  several words, accented and not) over the prebuilt index of basis op orde 2026.1;
  this is what each keystroke in the search dialog costs. Target ≤ 5 ms.
- ``search_index_281_ms``: building that index, once per checklist screen (at the first ``/``).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from timing import median_seconds, rounded

ROOT = Path(__file__).resolve().parent.parent
QUERIES = (
    "3.2",
    "BO-3.2",
    "T12.04",
    "T1",
    "clientdossier",
    "cliëntdossier zorgleefplan",
    "medicatie",
    "valrisico evaluatie",
    "wkkgz",
    "vrijheidsbeperking wzd",
    "e",
    "niets-te-vinden",
)


def figures(quick: bool) -> dict[str, float]:
    from qaudit.checklists import load_file
    from qaudit.domain.point_search import index_checklist, search

    spec = load_file(ROOT / "checklists" / "basis-op-orde.yaml")
    assert len(spec.points) == 281
    build = median_seconds(lambda: index_checklist(spec), 3 if quick else 11)
    index = index_checklist(spec)
    rounds = 20 if quick else 200
    times = []
    for _ in range(rounds):
        for query in QUERIES:
            start = time.perf_counter()
            search(index, query)
            times.append(time.perf_counter() - start)
    return {
        "search_281_median_ms": rounded(statistics.median(times) * 1e3, 3),
        "search_index_281_ms": rounded(build * 1e3, 2),
    }


if __name__ == "__main__":
    print(json.dumps(figures("--quick" in sys.argv), indent=2))
