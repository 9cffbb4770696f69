"""A growing set of character spans, asked many times whether a span overlaps it.

The decide steps and the leak check ask "is this inside what is already covered?" once per token of
a document, while what is covered grows one span at a time. Sorting every span again for each
question made a long draft quadratic; the set keeps its spans joined and sorted as they come, so
adding a span and asking both cost a binary search.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class SpanSet:
    """Spans joined where they overlap or touch, kept sorted: ((0, 5), (5, 8)) is held as (0, 8).

    Where every span added holds a character, `overlaps(s, e)` of a non-empty span is True exactly
    when it shares a character with one of them: what `any(a < e and s < b for a, b in spans)` says
    over the spans themselves, without reading them all."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(spans):
            if self.starts and s <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], e)
            else:
                self.starts.append(s)
                self.ends.append(e)

    def add(self, start: int, end: int) -> None:
        """Add one span, joining it with every held span it overlaps or touches."""
        lo = bisect.bisect_left(self.ends, start)  # the first held span ending at or after `start`
        hi = bisect.bisect_right(self.starts, end)  # the first held span starting after `end`
        if lo < hi:
            start = min(start, self.starts[lo])
            end = max(end, self.ends[hi - 1])
        self.starts[lo:hi] = [start]
        self.ends[lo:hi] = [end]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a held span (or starts at, or holds, a held empty one)."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] > start:
            return True
        j = bisect.bisect_left(self.starts, start)
        return j < len(self.starts) and self.starts[j] < end

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends))

    def __len__(self) -> int:
        return len(self.starts)
