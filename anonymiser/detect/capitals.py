"""Names typed in capitals ("MOTHER: JANE SMITH", "41 MARLOWE CRESCENT"), shown to the detectors in
ordinary case: the NER and the name-shaped recognizers rely on capital letters to tell names from
words, and read a run of words in capitals as words."""

from __future__ import annotations

import re
from typing import Iterator

from anonymiser.config import vocabulary

# Two or more words in capitals side by side, with what joins them on the line.
_CAPITALS_RUN = re.compile(r"\b[A-Z][A-Z'’]+(?:[ \t]+(?:\d+[A-Z]?[ \t]+)*[A-Z][A-Z'’]+)+\b")
_WORD_IN_CAPITALS = re.compile(r"\b([A-Z])([A-Z'’]+)")


# Titles that are themselves written in capitals ('PC', 'DS'): 'PC 5128 HARDCASTLE' reads 'PC 5128 Hardcastle'.
_CAPITAL_TITLES = frozenset(t for t in vocabulary.entries("titles") if t.isupper())


def ordinary_case(words: str) -> str:
    """'JANE SMITH' -> 'Jane Smith', 'MARY'S' -> 'Mary's'; the same length for ASCII letters."""
    return _WORD_IN_CAPITALS.sub(
        lambda m: m.group(0) if m.group(0) in _CAPITAL_TITLES else m.group(1) + m.group(2).lower(), words)


def capitals_runs(text: str) -> Iterator[tuple[int, str]]:
    """(offset, the run in ordinary case) for each run of two or more words typed in capitals."""
    for m in _CAPITALS_RUN.finditer(text):
        run = ordinary_case(m.group())
        if len(run) == len(m.group()):  # a few letters change length in lower case; leave those
            yield m.start(), run
