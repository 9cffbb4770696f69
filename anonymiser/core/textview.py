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
import unicodedata
from functools import lru_cache

import regex

from anonymiser.core.results import Decisions, Replacement

_KEPT_CONTROLS = "\n\t\r"
# Where the view may differ from the text: an invisible or control character, or one that NFKC
# changes or may compose with its neighbour (Unicode's NFKC quick check 'No' or 'Maybe').
_TROUBLE = regex.compile(r"[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}--[\t\n\r]]|\p{NFKC_QC=N}|\p{NFKC_QC=M}",
                         regex.V1)
# Drawn as nothing though not format characters: variation selectors, the combining grapheme
# joiner, Mongolian free variation selectors, Hangul fillers, Khmer inherent vowels.
_IGNORABLE = regex.compile(r"\p{Default_Ignorable_Code_Point}")
_LATIN = regex.compile(r"\p{Script=Latin}")
_OTHER_SCRIPT = regex.compile(r"[^\p{Latin}\p{Common}\p{Inherited}]+")


def invisible(ch: str) -> bool:
    """A character the view drops: a format character, one Unicode says is drawn as nothing, or a
    control character that is not white space."""
    cat = unicodedata.category(ch)
    return (cat == "Cf" or (cat == "Cc" and ch not in _KEPT_CONTROLS and not ch.isspace())
            or (not ch.isascii() and _IGNORABLE.match(ch) is not None))


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


def _latin_letter(ch: str) -> bool:
    if ch.isascii():
        return ch.isalpha()
    return ch.isalpha() and bool(_LATIN.match(ch))


def _latin_skeletons(view: str) -> str:
    """Mixed-script words spelled in Latin; a word wholly in another script is left as it is.

    A run of letters of another script is part of a mixed word when a Latin letter touches it."""
    if view.isascii():
        return view
    pieces, pos = [], 0
    n = len(view)
    for m in _OTHER_SCRIPT.finditer(view):
        a, b = m.start(), m.end()
        if a < pos or not ((a > 0 and _latin_letter(view[a - 1])) or (b < n and _latin_letter(view[b]))):
            continue
        while a > pos and (view[a - 1].isalpha() or unicodedata.combining(view[a - 1])):
            a -= 1
        while b < n and (view[b].isalpha() or unicodedata.combining(view[b])):
            b += 1
        pieces += [view[pos:a], view[a:b].translate(_latin_lookalikes())]
        pos = b
    if not pieces:
        return view
    pieces.append(view[pos:])
    return "".join(pieces)


class NormalisedText:
    """`text` is the view of `original`, with the map between their offsets.

    The map is sparse: pieces (view start, view end, original start, original end) where the two
    differ (a character NFKC changed, a letter and its accent composed, a dropped invisible run
    with an empty view side); between pieces the two texts run in step."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._v: list[int] = []  # view start of each piece, in order
        self._ve: list[int] = []
        self._o: list[int] = []  # original start of each piece, in order
        self._oe: list[int] = []
        out: list[str] = []
        pos = vlen = 0  # original characters before `pos` are in `out`, `vlen` characters long
        for a, b in _regions(original):
            out.append(original[pos:a])
            vlen += a - pos
            prev = a
            for c_start, c_end, norm in _clusters(original, a, b):
                if c_start > prev:  # dropped invisible characters
                    self._add(vlen, vlen, prev, c_start)
                if original[c_start:c_end] != norm:
                    self._add(vlen, vlen + len(norm), c_start, c_end)
                out.append(norm)
                vlen += len(norm)
                prev = c_end
            if b > prev:
                self._add(vlen, vlen, prev, b)
            pos = b
        out.append(original[pos:])
        self.text = _latin_skeletons("".join(out) if self._v else original)

    def _add(self, v_start: int, v_end: int, o_start: int, o_end: int) -> None:
        self._v.append(v_start)
        self._ve.append(v_end)
        self._o.append(o_start)
        self._oe.append(o_end)

    @property
    def identity(self) -> bool:
        """Whether the view is the original text itself."""
        return self.text is self.original

    def _start_of(self, v: int) -> int:
        """Original offset view character `v` (or the end, at len(text)) comes from."""
        i = bisect.bisect_right(self._v, v) - 1
        if i < 0:
            return v
        if v < self._ve[i]:
            return self._o[i]
        return self._oe[i] + v - self._ve[i]

    def _end_of(self, v: int) -> int:
        """Original offset just after the character(s) view character `v` comes from."""
        i = bisect.bisect_right(self._v, v) - 1
        if i >= 0 and v < self._ve[i]:
            return self._oe[i]
        return self._start_of(v) + 1

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span a view span [start, end) comes from (whole letters with their accents)."""
        if not self._v:
            return start, end
        if end <= start:
            at = self._start_of(start)
            return at, at
        return self._start_of(start), self._end_of(end - 1)

    def to_view(self, offset: int) -> int:
        """The view offset of an original offset: the first view character from at or after it."""
        j = bisect.bisect_right(self._o, offset) - 1
        if j < 0:
            return offset
        if offset == self._o[j]:
            return self._v[j]
        if offset < self._oe[j]:
            return self._ve[j]
        return self._ve[j] + offset - self._oe[j]

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
        if self.identity:
            return decisions
        text = self.original
        mapped = []
        for r in sorted(decisions.replacements, key=lambda r: r.start):
            s, e = self.to_original(r.start, r.end)
            mapped.append(dataclasses.replace(r, start=s, end=e, core=self.to_original(*r.core)))
        out: list[Replacement] = []
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


def _regions(text: str) -> list[tuple[int, int]]:
    """Disjoint stretches of `text` the view may change: each trouble character with the letter
    before it (an accent's base) and the accents and invisible characters after it."""
    regions: list[tuple[int, int]] = []
    n = len(text)
    for m in _TROUBLE.finditer(text):
        a, b = m.start(), m.end()
        lo = regions[-1][1] if regions else 0
        while a > lo and unicodedata.combining(text[a - 1]):
            a -= 1
        if a > lo and text[a - 1] not in _KEPT_CONTROLS:
            a -= 1
        while b < n and (unicodedata.combining(text[b]) or invisible(text[b])):
            b += 1
        if regions and a <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(b, regions[-1][1]))
        else:
            regions.append((a, b))
    return regions


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
