"""SpanSet (core.span_set): the covered spans the residue rule and the leak check ask about."""

from __future__ import annotations

import random

from anonymiser.core.span_set import SpanSet


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What the residue rule did before: every span sorted and joined again for each question."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _random_spans(rng: random.Random, n: int, empty: bool) -> list[tuple[int, int]]:
    spans = []
    for _ in range(n):
        s = rng.randrange(0, 200)
        spans.append((s, s + rng.randrange(0 if empty else 1, 12)))
    return spans


def test_spans_added_one_at_a_time_are_held_as_if_joined_all_at_once():
    rng = random.Random(15)
    for _ in range(300):
        spans = _random_spans(rng, rng.randrange(0, 40), empty=True)
        grown = SpanSet()
        for i, (s, e) in enumerate(spans):
            grown.add(s, e)
            assert grown.spans() == _joined(spans[:i + 1])
        assert SpanSet(spans).spans() == _joined(spans)


def test_a_span_overlaps_exactly_when_it_shares_a_character_with_one_added():
    rng = random.Random(16)
    for _ in range(300):
        spans = _random_spans(rng, rng.randrange(0, 30), empty=False)
        held = SpanSet()
        for s, e in spans:
            held.add(s, e)
        for _ in range(40):
            qs = rng.randrange(0, 220)
            qe = qs + rng.randrange(1, 15)
            assert held.overlaps(qs, qe) == any(a < qe and qs < b for a, b in spans)


def test_touching_spans_join_and_a_gap_keeps_them_apart():
    held = SpanSet([(10, 15), (15, 20), (30, 35)])
    assert held.spans() == [(10, 20), (30, 35)]
    held.add(19, 31)
    assert held.spans() == [(10, 35)]
    assert not held.overlaps(35, 40) and not held.overlaps(0, 10) and held.overlaps(34, 36)
