"""Fast phrase look-up for allowlists and gazetteers: word n-grams, any case, any spacing."""

from __future__ import annotations

import re
from functools import lru_cache

from .models_data import load_list

_TOKEN = re.compile(r"\w+")


def normalise(phrase: str) -> tuple[str, ...]:
    """'Down’s  Syndrome' -> ('down', 's', 'syndrome')."""
    return tuple(t.lower() for t in _TOKEN.findall(phrase))


class PhraseIndex:
    """A set of phrases, found in text by whole words regardless of case or spacing."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.phrases = frozenset(p for p in (normalise(x) for x in phrases) if p)
        self.longest = max((len(p) for p in self.phrases), default=0)
        self.first_words = frozenset(p[0] for p in self.phrases)

    def __contains__(self, text: str) -> bool:
        return normalise(text) in self.phrases

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of the longest phrase occurrences, left to right, not overlapping."""
        toks = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
        out: list[tuple[int, int]] = []
        i = 0
        while i < len(toks):
            if toks[i][2] in self.first_words:
                for n in range(min(self.longest, len(toks) - i), 0, -1):
                    if tuple(t[2] for t in toks[i:i + n]) in self.phrases:
                        out.append((toks[i][0], toks[i + n - 1][1]))
                        i += n
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


@lru_cache(maxsize=32)
def phrase_index(folder: str, names: tuple[str, ...]) -> PhraseIndex:
    """The union of several models/ lists as one index."""
    return PhraseIndex(tuple(e for n in names for e in load_list(folder, n)))


_WORD_RUN = re.compile(r"\w+")


class WordIndex:
    """Where each word of a text starts, so a phrase is looked for only where its first word is.

    Scanning a whole draft once per detected name makes long drafts quadratic; this keeps
    propagation and the leak check linear in the size of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] = {}
        for m in _WORD_RUN.finditer(text):
            self.starts.setdefault(m.group(0).lower(), []).append(m.start())

    def finditer(self, pattern: re.Pattern[str], phrase: str) -> list[re.Match[str]]:
        """Matches of `pattern` (which matches `phrase` itself) at each place the phrase's first word stands."""
        first = _WORD_RUN.search(phrase)
        if first is None:
            return list(pattern.finditer(self.text))
        offset = first.start()
        out = []
        for pos in self.starts.get(first.group(0).lower(), ()):
            if pos - offset < 0:
                continue
            m = pattern.match(self.text, pos - offset)
            if m:
                out.append(m)
        return out


def overlapping(intervals: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The intervals (sorted, not overlapping each other) that overlap [start, end)."""
    i = _first_ending_after(intervals, start)
    out = []
    while i < len(intervals) and intervals[i][0] < end:
        out.append(intervals[i])
        i += 1
    return out


def _first_ending_after(intervals: list[tuple[int, int]], start: int) -> int:
    lo, hi = 0, len(intervals)
    while lo < hi:
        mid = (lo + hi) // 2
        if intervals[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo
