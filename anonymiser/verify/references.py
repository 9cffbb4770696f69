"""The leak check's search for recorded references, read only round the places their numbers stand.

A long draft's audit records hundreds of references; a number of one often stands elsewhere in the
output (inside a phone number, a date), and running that reference's pattern over the whole output
for each made the check grow with the square of the draft. Every written form of a reference holds
its longest number, and is at most a known length, so the pattern is run only in windows round the
places that number stands; the matches are those the whole-text search finds (tests compare them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from anonymiser.detect.recognizers.register_references import find_references, reference_pattern

_PART = re.compile(r"[^\W\d_]+|\d+")  # a reference's parts, as reference_pattern reads them
_GAP = 8  # the most characters reference_pattern allows between two parts
_LOOK = 3  # past the characters its look-behind and look-ahead read (two), so a window never cuts them
# Leading zeros are optional and unbounded in a pattern; a text with a run this long is searched whole.
_ZEROS = 8


def _reach(parts: list[str]) -> int:
    """The longest text one written form of the reference can be."""
    body = sum(len(p.lstrip("0") or "0") + _ZEROS - 1 if p.isdigit() else len(p) for p in parts)
    return body + _GAP * (len(parts) - 1)


def _windows(text: str, number: str, before: int, after: int) -> list[tuple[int, int]]:
    """[start, end) round every place `number` stands (overlapping ones too), joined where they meet."""
    out: list[tuple[int, int]] = []
    pos = text.find(number)
    while pos >= 0:
        a, b = max(0, pos - before), min(len(text), pos + after)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        pos = text.find(number, pos + 1)
    return out


def find_recorded_references(text: str, references: Iterable[str]) -> Iterator[tuple[int, int]]:
    """What `find_references(text, references)` gives, without a pass over the whole text per reference."""
    references = list(dict.fromkeys(references))
    if "0" * _ZEROS in text:
        yield from find_references(text, references)
        return
    spans: set[tuple[int, int]] = set()
    for ref in references:
        pattern = reference_pattern(ref)
        if pattern is None:
            continue
        parts = _PART.findall(ref)
        numbers = [p.lstrip("0") or "0" for p in parts if p.isdigit()]
        if not numbers:  # letters only: no number to start from
            spans.update(m.span() for m in pattern.finditer(text))
            continue
        longest = max(numbers, key=len)
        reach = _reach(parts)
        # a match holding `longest` at q starts at or after q + len(longest) - reach and ends by q + reach
        for a, b in _windows(text, longest, reach - len(longest) + _LOOK, reach + _LOOK):
            spans.update(m.span() for m in pattern.finditer(text, a, b))
    last_end = -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if end > last_end:
            yield start, end
            last_end = end
