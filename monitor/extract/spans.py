"""A set of text spans with fast "is this position inside one?" lookups.

Extractors mark the text they have read (money, contacts) so later passes skip it. A plain
list scanned with ``any()`` is quadratic on adversarial pages with tens of thousands of
mentions; this keeps disjoint, sorted intervals and answers with a binary search.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterable

logger = logging.getLogger(__name__)


class Spans:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Add ``[start, end)``, merging it with the intervals it touches."""
        if end <= start:
            return
        i = bisect_right(self._starts, start)
        if i and self._ends[i - 1] >= start:
            i -= 1
            start = self._starts[i]
            end = max(end, self._ends[i])
        j = i
        while j < len(self._starts) and self._starts[j] <= end:
            end = max(end, self._ends[j])
            j += 1
        self._starts[i:j] = [start]
        self._ends[i:j] = [end]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self._starts, pos)
        return bool(i) and pos < self._ends[i - 1]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1)
        return bool(i) and self._ends[i - 1] > start

    def intervals(self) -> list[tuple[int, int]]:
        """The disjoint intervals, in order."""
        return list(zip(self._starts, self._ends, strict=True))

    def __len__(self) -> int:
        return len(self._starts)
