"""Propagation's span look-ups (decide.propagation): one binary search answers as a scan of every span."""

from __future__ import annotations

import random

from anonymiser.decide.propagation import _containment


def test_a_span_is_inside_one_of_the_spans_exactly_when_a_scan_says_so():
    rng = random.Random(15)
    for _ in range(300):
        spans = [(s, s + rng.randrange(0, 30)) for s in (rng.randrange(0, 300) for _ in range(rng.randrange(0, 25)))]
        inside = _containment(spans)
        for _ in range(30):
            start = rng.randrange(0, 320)
            end = start + rng.randrange(0, 20)
            assert inside(start, end) == any(s <= start and end <= e for s, e in spans)
