"""No detection crosses a blank line: the break between paragraphs, table cells and segments.

A NER or a pattern reads the flat text, where one table cell follows another after a blank line, so
it may take the end of one cell and the start of the next for one name ('Jo Bell' + 'Hospital, ...'
as one organisation). Such a span is read again one block at a time, each block on its own, by the
same analyser; a span the register or a house-number pattern found keeps its type in each block it
reached, since reading again would not find it. What the second reading misses is left to the
residue rule, which still sees every kept capitalised word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from presidio_analyzer import RecognizerResult

from anonymiser.core.detection import Detection

BREAK = re.compile(r"\n[ \t]*\n")
_EDGE = " \t\n,;:–—-|"
# Detectors whose spans come from the case itself (the register, its addresses and references): their
# pieces stay what they were found as, since reading a block again would not find them (nor would it
# find a span read in a run of capitals).
_CASE_DETECTORS = ("CaseRegister", "HouseNumber")


def crosses_break(text: str, start: int, end: int) -> bool:
    """Does text[start:end] hold a blank line?"""
    return BREAK.search(text, start, end) is not None


def blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The pieces of text[start:end] between blank lines, without their edge spaces and commas."""
    pos = start
    for m in [*BREAK.finditer(text, start, end), None]:
        stop = m.start() if m else end
        s, e = pos, stop
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if any(ch.isalnum() for ch in text[s:e]):
            yield s, e
        if m:
            pos = m.end()


def _block_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The whole block (between blank lines, or the text's ends) that holds text[start:end]."""
    before = [m.end() for m in BREAK.finditer(text, max(0, start - 4000), start)]
    after = BREAK.search(text, end)
    return (before[-1] if before else max(0, start - 4000)), (after.start() if after else min(len(text), end + 4000))


def split_at_breaks(text: str, found: list[Detection],
                    analyse_block: Callable[[str], list[RecognizerResult]]) -> tuple[list[Detection],
                                                                                 list[tuple[int, RecognizerResult]]]:
    """`found` without its spans that cross a blank line, and in their place: the case's own spans cut
    into one span a block, and what `analyse_block` finds reading each block a NER's or a pattern's
    span reached, on its own ((offset, result) pairs, in that block and overlapping the span)."""
    kept: list[Detection] = []
    again: list[tuple[int, RecognizerResult]] = []
    read: dict[tuple[int, int], list[RecognizerResult]] = {}
    for d in found:
        if not crosses_break(text, d.start, d.end):
            kept.append(d)
            continue
        for s, e in blocks(text, d.start, d.end):
            if d.meta.capitals or any(name in _CASE_DETECTORS for name in d.detectors):
                kept.append(replace(d, start=s, end=e))
                continue
            block = _block_around(text, s, e)
            if block not in read:
                read[block] = analyse_block(text[block[0]:block[1]])
            again += [(block[0], r) for r in read[block] if r.start + block[0] < e and r.end + block[0] > s]
    return kept, again
