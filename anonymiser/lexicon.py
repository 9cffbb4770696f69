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
