"""Fast phrase look-up for allowlists and gazetteers: word n-grams, any case, any spacing."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from anonymiser.config.data import load_list

_TOKEN = re.compile(r"\w+")


def normalise(phrase: str) -> tuple[str, ...]:
    """'Down’s  Syndrome' -> ('down', 's', 'syndrome')."""
    return tuple(t.lower() for t in _TOKEN.findall(phrase))


@lru_cache(maxsize=4)
def _tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-case word) of each word; several indexes search the same text in turn."""
    return [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]


class PhraseIndex:
    """A set of phrases, found in text by whole words regardless of case or spacing."""

    def __init__(self, phrases: tuple[str, ...]) -> None:
        self.phrases = frozenset(p for p in (normalise(x) for x in phrases) if p)
        self.longest = max((len(p) for p in self.phrases), default=0)
        self.first_words = frozenset(p[0] for p in self.phrases)
        # Every proper beginning of a phrase, so a scan stops at the first word that leads nowhere.
        self.prefixes = frozenset(p[:n] for p in self.phrases for n in range(1, len(p)))

    def __contains__(self, text: str) -> bool:
        return normalise(text) in self.phrases

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of the longest phrase occurrences, left to right, not overlapping."""
        toks = _tokens(text)
        out: list[tuple[int, int]] = []
        i = 0
        n = len(toks)
        while i < n:
            if toks[i][2] not in self.first_words:
                i += 1
                continue
            longest = 0
            words: tuple[str, ...] = ()
            for j in range(i, min(n, i + self.longest)):
                words += (toks[j][2],)
                if words in self.phrases:
                    longest = j - i + 1
                if words not in self.prefixes:
                    break
            if longest:
                out.append((toks[i][0], toks[i + longest - 1][1]))
                i += longest
            else:
                i += 1
        return out


# Gazetteer lists of words for peoples ('Catholic', 'Nigerian'): each one-word entry stands for its plural
# too ('Catholics', 'Nigerians'), which names no one either.
_PEOPLES_LISTS = frozenset({"nationalities", "faiths_languages_festivals"})


def list_entries(folder: str, name: str) -> tuple[str, ...]:
    """A models/ list's entries, with the plurals of a peoples' gazetteer list's one-word entries."""
    entries = load_list(folder, name)
    if folder != "gazetteer" or name not in _PEOPLES_LISTS:
        return entries
    plurals = tuple(e + "s" for e in entries if " " not in e and e[-1:].isalpha() and e[-1:] not in "sxz"
                    and not e.endswith(("sh", "ch")))
    return entries + plurals


@lru_cache(maxsize=32)
def phrase_index(folder: str, names: tuple[str, ...]) -> PhraseIndex:
    """The union of several models/ lists as one index."""
    return PhraseIndex(tuple(e for n in names for e in list_entries(folder, n)))


class WordIndex:
    """Where each word of a text starts, so a phrase is looked for only where its first word is.

    Scanning a whole draft once per detected name makes long drafts quadratic; this keeps
    propagation and the leak check linear in the size of the text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        toks = _tokens(text)  # the same words as the phrase indexes read, found once per text
        self._words: list[str] = [w for _, _, w in toks]  # every word of the text, lower case, in order
        self._word_starts: list[int] = [s for s, _, _ in toks]
        starts: defaultdict[str, list[int]] = defaultdict(list)
        at: defaultdict[str, list[int]] = defaultdict(list)  # word -> its indices in _words
        for i, (start, _, word) in enumerate(toks):
            starts[word].append(start)
            at[word].append(i)
        self.starts: dict[str, list[int]] = dict(starts)
        self._at: dict[str, list[int]] = dict(at)
        # first word -> the word after each of its occurrences -> those occurrences (built on demand)
        self._followers: dict[str, dict[str, list[int]]] = {}

    def candidates(self, phrase: str) -> list[int]:
        """Where `phrase` could start: the places its first word stands, moved back by what precedes that word."""
        first = _TOKEN.search(phrase)
        if first is None:
            return list(range(len(self.text)))
        offset = first.start()
        return [pos - offset for pos in self.starts.get(first.group(0).lower(), ()) if pos >= offset]

    def phrase_candidates(self, phrase: str) -> list[int]:
        """Like `candidates`, but only where every word of `phrase` follows in turn.

        A draft has hundreds of names sharing a few first names ('Amara Okafor', 'Amara Price'):
        checking every place the first name stands, once per name, grows with the square of the
        draft, so the places are grouped once by the word that follows them.
        """
        words = [w.lower() for w in _TOKEN.findall(phrase)]
        if len(words) < 2:
            return self.candidates(phrase)
        followers = self._followers.get(words[0])
        if followers is None:
            followers = {}
            for i in self._at.get(words[0], ()):
                if i + 1 < len(self._words):
                    followers.setdefault(self._words[i + 1], []).append(i)
            self._followers[words[0]] = followers
        offset = next(_TOKEN.finditer(phrase)).start()  # the phrase has words: `words` holds two
        n = len(words)
        return [self._word_starts[i] - offset for i in followers.get(words[1], ())
                if self._word_starts[i] >= offset and self._words[i:i + n] == words]

    def finditer(self, pattern: re.Pattern[str], phrase: str) -> list[re.Match[str]]:
        """Matches of `pattern` (which matches `phrase` itself) at each place the phrase's first word stands."""
        if _TOKEN.search(phrase) is None:
            return list(pattern.finditer(self.text))
        return [m for m in (pattern.match(self.text, pos) for pos in self.phrase_candidates(phrase)) if m]


def after_space(text: str, pos: int) -> int:
    """The first position at or after `pos` that is not white space: where a phrase's next word starts."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def overlapping(intervals: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The intervals (sorted, not overlapping each other) that overlap [start, end)."""
    i = _first_ending_after(intervals, start)
    out = []
    while i < len(intervals) and intervals[i][0] < end:
        out.append(intervals[i])
        i += 1
    return out


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined, sorted: the form `overlapping` searches."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
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


def subtract(start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of [start, end) that lie outside every hole, in order."""
    pieces = [(start, end)]
    for s, e in holes:
        nxt = []
        for ps, pe in pieces:
            if pe <= s or ps >= e:
                nxt.append((ps, pe))
                continue
            if ps < s:
                nxt.append((ps, s))
            if pe > e:
                nxt.append((e, pe))
        pieces = nxt
    return pieces
