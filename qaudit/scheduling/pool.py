"""Round-robin candidate rings per year and region: the bounded, near-linear candidate search.

Each year has one ring of candidate ids per region and one of all candidates. A search takes
candidates from the front and rotates them to the back, so consecutive searches spread the
load; a candidate that is fully booked for the year is retired and dropped from the rings when
next met. A search therefore looks at few candidates, not at all of them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Sequence


class Pool:
    def __init__(self, regions: Mapping[int, str]) -> None:
        self._region = dict(regions)
        self._by_region: dict[str, list[int]] = {}
        for cid in sorted(self._region):
            self._by_region.setdefault(self._region[cid], []).append(cid)
        self._all = sorted(self._region)
        self._rings: dict[tuple[int, str | None], deque[int]] = {}
        self._retired: dict[int, set[int]] = {}
        self._sorted: dict[int, tuple[int, ...]] = {}
        self._live: dict[int, tuple[int, list[int]]] = {}
        """year -> (how many were retired when it was made, the live candidates by id)."""

    def retire(self, year: int, cid: int) -> None:
        """``cid`` takes nothing more in ``year``."""
        self._retired.setdefault(year, set()).add(cid)

    def retired(self, year: int) -> tuple[int, ...]:
        """The candidates retired in ``year``, sorted; the same tuple until another retires."""
        ids = self._retired.get(year, set())
        cached = self._sorted.get(year)
        if cached is None or len(cached) != len(ids):
            cached = self._sorted[year] = tuple(sorted(ids))
        return cached

    def live(self, year: int) -> list[int]:
        """Every candidate not retired in ``year``, by id (do not change the list).

        Kept per year and narrowed only when more have retired since: asked for every event
        without a candidate, it costs the live ones, not the whole cooperative each time."""
        ids = self._retired.get(year, set())
        retired, live = self._live.get(year, (0, self._all))
        if retired != len(ids) or year not in self._live:
            live = [cid for cid in live if cid not in ids]
            self._live[year] = (len(ids), live)
        return live

    def candidates(self, year: int, region: str | None) -> Iterator[int]:
        """Every candidate that is not retired, at most once: ``region``'s first (if given)."""
        seen: set[int] = set()
        if region is not None and region in self._by_region:
            yield from self._walk(year, region, self._by_region[region], seen)
        yield from self._walk(year, None, self._all, seen)

    def _walk(
        self, year: int, region: str | None, ids: Sequence[int], seen: set[int]
    ) -> Iterator[int]:
        ring = self._rings.get((year, region))
        if ring is None:
            ring = self._rings[(year, region)] = deque(ids)
        retired = self._retired.get(year, set())
        for _ in range(len(ring)):
            if not ring:
                return
            cid = ring[0]
            if cid in retired:
                ring.popleft()
                continue
            ring.rotate(-1)
            if cid not in seen:
                seen.add(cid)
                yield cid
