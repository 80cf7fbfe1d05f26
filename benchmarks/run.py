"""Print qaudit's performance figures as one JSON object.

    python benchmarks/run.py [--quick]

Each ``benchmarks/bench_*.py`` module contributes figures through ``figures(quick) -> dict``;
they run in file-name order, so the object always starts with the core start-up figures.
Ratios compare qaudit with the bare library doing the same work in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def collect(quick: bool, only: str | None = None) -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    figures: dict[str, object] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        if only and only not in path.stem:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        figures.update(module.figures(quick))
    return figures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="qaudit benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (under a minute)")
    parser.add_argument("--only", help="run only the bench_*.py files whose name contains this")
    options = parser.parse_args()
    print(json.dumps(collect(options.quick, options.only), indent=2))
