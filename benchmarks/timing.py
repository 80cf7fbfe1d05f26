"""Small timing helpers shared by the benchmark modules."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``work`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def command_seconds(argv: Sequence[str], repeat: int) -> float:
    """Median wall time of a whole command (a fresh interpreter each time)."""

    def run() -> None:
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    run()  # warm the file cache
    return median_seconds(run, repeat)


def python(*code: str) -> list[str]:
    return [sys.executable, "-c", "; ".join(code)]


def rounded(value: float, digits: int = 4) -> float:
    return round(value, digits)
