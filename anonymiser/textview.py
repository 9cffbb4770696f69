"""A normalised view of a text for detection and verify, with a map back to the original.

The view is the text in Unicode NFKC (mathematical bold letters, full-width forms and
ligatures become plain ones), without invisible characters (Unicode format characters:
zero-width spaces and joiners, the soft hyphen, the word joiner, a BOM, bidi controls; and
control characters other than line breaks and tabs, NUL included), and with words that mix
Latin letters with look-alikes from another script ('Sаrah' with a Cyrillic 'а') spelled in
Latin. 'Sa\\u200brah' and 'Sarah' are then one name to every detector, and a span found in the
view maps back to the whole original span, invisible characters and all.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import unicodedata
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .decide import Decisions
    from .decisions import ReviewerDecisions

_KEPT_CONTROLS = "\n\t\r"
# Anything other than printable ASCII, tabs and line breaks may need normalising.
_SPECIAL = re.compile(r"[^\t\n\r\x20-\x7e]+")
# A word holding at least one non-ASCII letter: the only kind that can mix scripts.
_MIXED_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")


def invisible(ch: str) -> bool:
    """A character the view drops: a format character, or a control character that is not white space."""
    cat = unicodedata.category(ch)
    return cat == "Cf" or (cat == "Cc" and ch not in _KEPT_CONTROLS and not ch.isspace())


def _spacing_control(ch: str) -> bool:
    """A control character that separates words (vertical tab, form feed, NEL): a space in the view."""
    return ch not in _KEPT_CONTROLS and ch.isspace() and unicodedata.category(ch) == "Cc"


@lru_cache(maxsize=1)
def _latin_lookalikes() -> dict[int, str]:
    """Letters of other scripts that look like one Latin letter, from Unicode's confusables table."""
    from confusable_homoglyphs.categories import alias
    from confusable_homoglyphs.confusables import confusables_data

    table: dict[int, str] = {}
    for ch, entries in confusables_data.items():
        if len(ch) != 1 or alias(ch) in ("LATIN", "COMMON") or not ch.isalpha():
            continue
        glyphs = [e["c"] for e in entries if len(e["c"]) == 1 and e["c"].isalpha() and alias(e["c"]) == "LATIN"]
        if glyphs:
            table[ord(ch)] = min(glyphs, key=lambda g: (not g.isascii(), g))
    return table


def _is_latin(ch: str) -> bool:
    from confusable_homoglyphs.categories import alias

    return ch.isascii() or alias(ch) == "LATIN"


def _latin_skeletons(view: str) -> str:
    """Mixed-script words spelled in Latin; a word wholly in another script is left as it is."""
    if view.isascii():
        return view
    table = _latin_lookalikes()
    pieces, pos = [], 0
    for m in _MIXED_WORD.finditer(view):
        word = m.group(0)
        if any(ord(c) in table for c in word) and any(_is_latin(c) and ord(c) not in table for c in word):
            pieces.append(view[pos:m.start()])
            pieces.append(word.translate(table))
            pos = m.end()
    if not pieces:
        return view
    pieces.append(view[pos:])
    return "".join(pieces)


class NormalisedText:
    """`text` is the view of `original`; view index i comes from original[starts[i]:ends[i]]."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._starts: array | None = None
        self._ends: array | None = None
        if not _SPECIAL.search(original):
            self.text = original
            return
        out: list[str] = []
        starts, ends = array("q"), array("q")
        pos = 0  # original characters before `pos` are done
        changed = False
        for m in _SPECIAL.finditer(original):
            a, b = m.start(), m.end()
            # The character before the run may be the base of a combining accent in it.
            if a > pos and original[a - 1] not in _KEPT_CONTROLS:
                a -= 1
            if a > pos:
                out.append(original[pos:a])
                starts.extend(range(pos, a))
                ends.extend(range(pos + 1, a + 1))
            piece = original[a:b]
            if unicodedata.is_normalized("NFKC", piece) and not any(invisible(c) or _spacing_control(c) for c in piece):
                out.append(piece)
                starts.extend(range(a, b))
                ends.extend(range(a + 1, b + 1))
            else:
                changed = True
                for c_start, c_end, norm in _clusters(original, a, b):
                    out.append(norm)
                    starts.extend([c_start] * len(norm))
                    ends.extend([c_end] * len(norm))
            pos = b
        out.append(original[pos:])
        starts.extend(range(pos, len(original)))
        ends.extend(range(pos + 1, len(original) + 1))
        view = "".join(out)
        skeleton = _latin_skeletons(view)
        if not changed and skeleton == original:
            self.text = original
            return
        self.text = skeleton
        self._starts, self._ends = starts, ends

    @property
    def identity(self) -> bool:
        return self._starts is None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span a view span [start, end) comes from (whole clusters)."""
        if self._starts is None:
            return start, end
        n = len(self.text)
        if end <= start:
            at = self._starts[start] if start < n else len(self.original)
            return at, at
        return self._starts[start], self._ends[min(end, n) - 1]

    def to_view(self, offset: int) -> int:
        """The view offset of an original offset: the first view character from at or after it."""
        if self._starts is None:
            return offset
        return bisect.bisect_left(self._starts, offset)

    def widen(self, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
        """An original span extended over invisible characters touching it, within [lo, hi)."""
        hi = len(self.original) if hi is None else hi
        while start > lo and invisible(self.original[start - 1]):
            start -= 1
        while end < hi and invisible(self.original[end]):
            end += 1
        return start, end

    def decisions_to_original(self, decisions: Decisions) -> Decisions:
        """Decisions made on the view, with spans and originals in the original text."""
        if self._starts is None:
            return decisions
        text = self.original
        mapped = []
        for r in sorted(decisions.replacements, key=lambda r: r.start):
            s, e = self.to_original(r.start, r.end)
            mapped.append(dataclasses.replace(r, start=s, end=e, core=self.to_original(*r.core)))
        out = []
        for i, r in enumerate(mapped):
            lo = out[-1].end if out else 0
            hi = mapped[i + 1].start if i + 1 < len(mapped) else len(text)
            if max(r.start, lo) >= r.end:
                continue  # wholly inside the one before: both came from one original character
            s, e = self.widen(max(r.start, lo), r.end, lo, max(hi, r.end))
            out.append(dataclasses.replace(r, start=s, end=e, original=text[s:e]))
        flags = []
        for f in decisions.flags:
            s, e = self.to_original(f.start, f.end)
            flags.append(dataclasses.replace(f, start=s, end=e, text=text[s:e]))
        return dataclasses.replace(decisions, replacements=out, flags=flags)

    def reviewer_in_view(self, reviewer: ReviewerDecisions | None) -> ReviewerDecisions | None:
        """The reviewer's decisions with offsets and texts as the view has them.

        The copy keeps its own match counts; `count_back` adds them to the original's afterwards."""
        if reviewer is None or self._starts is None:
            return reviewer
        return dataclasses.replace(
            reviewer,
            reject=tuple(dataclasses.replace(r, original=view_of(r.original),
                                             offset=None if r.offset is None else self.to_view(r.offset))
                         for r in reviewer.reject),
            pseudonyms=tuple(dataclasses.replace(p, original=None if p.original is None else view_of(p.original))
                             for p in reviewer.pseudonyms),
            add=tuple(dataclasses.replace(a, text=view_of(a.text)) for a in reviewer.add),
            _matches=type(reviewer._matches)())

    @staticmethod
    def count_back(reviewer: ReviewerDecisions | None, in_view: ReviewerDecisions | None) -> None:
        """Add the match counts of the view's copy of the decisions to the original decisions."""
        if reviewer is None or in_view is None or in_view is reviewer:
            return
        for mine, theirs in [*zip(reviewer.reject, in_view.reject), *zip(reviewer.pseudonyms, in_view.pseudonyms),
                             *zip(reviewer.add, in_view.add)]:
            reviewer._matches[mine] += in_view._matches[theirs]


def _clusters(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(original start, original end, NFKC text) of each character with its combining marks in text[a:b].

    Invisible characters are dropped (one between a letter and its accent lies inside the
    cluster); neighbours that compose only together (Hangul syllables) are merged."""
    raw: list[list] = []  # [start, end, characters]
    for i in range(a, b):
        ch = text[i]
        if invisible(ch):
            continue
        if _spacing_control(ch):
            ch = " "
        if raw and unicodedata.combining(ch):
            raw[-1][1] = i + 1
            raw[-1][2] += ch
        else:
            raw.append([i, i + 1, ch])
    out: list[tuple[int, int, str]] = []
    for start, end, chars in raw:
        norm = unicodedata.normalize("NFKC", chars)
        if out and not chars.isascii():
            p_start, _, p_norm = out[-1]
            together = unicodedata.normalize("NFKC", text[p_start:start].translate(_DROP) + chars)
            if together != p_norm + norm:
                out[-1] = (p_start, end, together)
                continue
        out.append((start, end, norm))
    return out


class _Dropper(dict):
    """str.translate table dropping invisible characters and spacing controls as a space."""

    def __missing__(self, key: int) -> int | str | None:
        ch = chr(key)
        value: int | str | None = None if invisible(ch) else " " if _spacing_control(ch) else key
        self[key] = value
        return value


_DROP = _Dropper()


@lru_cache(maxsize=4096)
def view_of(text: str) -> str:
    """The normalised view of a short string (a register name, an audit original)."""
    return NormalisedText(text).text
