"""Mechanical defects a replacement leaves in the publication text (issue 13): one function per class.

Each function reads the original text and the changes made to it (anything with `start`, `end`
and `replacement` in the original's coordinates, and `person` where one person's changes can be
told apart: the decide stage's Replacements, or Presidio's spans turned into them), and returns
the defects found, each with its place in the output text. Nothing here quotes the original:
a defect carries only its class and where it stands, so a developer can look at it (the
benchmark's `--list`) and the counts can be printed anywhere.

The classes:
- tautology: a label repeated in its own alias phrase ('Mother (known as Mother)', "Emily will be
  referred to as 'Emily'", 'whom Adult A calls Adult A') or a bare bracket ('Omar ("Omar")'), a quoted
  list of variants that all read the same ('"Sophie", "Sophie" and "Sophie"'), or a name 'recorded as'
  the label its sentence already gives ('"Stepfather" was recorded as "Stepfather"');
- repeated-label: the same label twice in a row ('Adult A Adult A'; 'MOTHER: MOTHER' on a heading; a
  role beside its own label, 'the health visitor, the health visitor, visited', 'the GP (the GP)');
- article: 'a' or 'an' that disagrees with the replacement after it ('A Adult H report', 'an Child B');
- glued-marker: a marker glued to a character ('+[phone number removed]', 'x_[name]', 'word[name]');
- section-number: a number opening a line before a heading or a sentence, changed or lost;
- lower-case-start: a sentence (at a line's start or inside a line) that began with a capital now beginning in lower case ('5.2 the GP practice');
- two-labels: one person under two labels (the same person's changes, or the same surname after one
  title, replaced by different labels); a professional's role label ('the health visitor') counts
  as their label, any other kind ('the family', 'the church') names no one person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.decide.actions import ANOTHER_NAME
from anonymiser.decide.aliases import RECORDED_AS, RESTATED_WORDINGS
from anonymiser.decide.wording import article_for, starts_sentence


class Change(Protocol):
    start: int
    end: int
    replacement: str
    person: str | None
    entity: str


@dataclass(frozen=True)
class Defect:
    kind: str
    start: int  # in the output text
    end: int


@dataclass(frozen=True)
class Placed:
    """A change and where its replacement stands in the output."""

    start: int  # original
    end: int
    new: str
    out_start: int
    person: str | None
    entity: str | None


class Output:
    """The output text of `changes` applied to `text`, with each change's place in it."""

    def __init__(self, text: str, changes: Sequence[Change]):
        self.original = text
        parts: list[str] = []
        self.placed: list[Placed] = []
        pos = delta = 0
        for c in sorted(changes, key=lambda c: (c.start, c.end)):
            if c.start < pos:
                continue  # an overlapping change: the writer refuses these, so they are not counted
            parts.append(text[pos:c.start])
            self.placed.append(Placed(c.start, c.end, c.replacement, c.start + delta, getattr(c, "person", None),
                                      getattr(c, "entity", None)))
            parts.append(c.replacement)
            delta += len(c.replacement) - (c.end - c.start)
            pos = c.end
        parts.append(text[pos:])
        self.text = "".join(parts)
        self._starts = [p.start for p in self.placed]

    def to_output(self, pos: int) -> int:
        """Where original position `pos` stands in the output (inside a change: where its text begins)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i < 0:
            return pos
        p = self.placed[i]
        if pos < p.end:
            return p.out_start
        return p.out_start + len(p.new) + (pos - p.end)

    def touching(self, start: int, end: int) -> bool:
        """Whether any change overlaps original text[start:end]."""
        i = bisect.bisect_right(self._starts, end - 1) - 1
        while i >= 0 and self.placed[i].end > start:
            if self.placed[i].start < end:
                return True
            i -= 1
        return False

    def labels(self) -> list[Placed]:
        return [p for p in self.placed if p.new.strip()]


def _label_pattern(out: Output) -> str | None:
    labels = {p.new.strip() for p in out.labels() if any(c.isalpha() for c in p.new)}
    if not labels:
        return None
    return vocabulary.alternation(labels)


def _ends(out: Output) -> set[tuple[int, int]]:
    return {(p.out_start, p.out_start + len(p.new)) for p in out.labels()}


# 'known as', 'referred to as', 'calls', 'prefers to be called' ...: what joins a name to its alias.
_ALIAS_JOINT = (r"(?:(?:also\s+|now\s+|formerly\s+)?(?:(?:known|referred\s+to)(?:\s+to\s+[^\n.;]{1,30}?)?\s+as"
                r"|called|nicknamed|named)|calls(?:\s+(?:him|her|them))?|prefers?\s+to\s+be\s+called|goes\s+by)")
_QUOTE_OPEN, _QUOTE_CLOSE = "\"'‘“", "\"'’”"


def tautologies(out: Output) -> list[Defect]:
    """A label and the same label again in its own alias phrase, or a quoted list of one label."""
    names = _label_pattern(out)
    if names is None:
        return []
    placed = _ends(out)
    found: list[Defect] = []
    alias = re.compile(
        rf"(?<![\w-])(?P<a>{names})(?![\w-])[\"'’”]?(?:\s*\(|,)?\s*(?:[^\n.;()]{{0,30}}?\s)?{_ALIAS_JOINT}\s+"
        rf"[{_QUOTE_OPEN}]?(?P<b>{names})(?![\w-])", re.I)
    for m in alias.finditer(out.text):
        if m.group("a").lower() == m.group("b").lower() and (m.span("a") in placed or m.span("b") in placed):
            found.append(Defect("tautology", m.start(), m.end()))
    # 'Omar ("Omar")', 'MOTHER (Mother)': a bare bracketed alias that reads as the label before it
    bracket = re.compile(rf"(?<![\w-])(?P<a>{names})(?![\w-])[ \t]*\([ \t]*[{_QUOTE_OPEN}]?(?P<b>{names})"
                         rf"[{_QUOTE_CLOSE}]?[ \t]*\)", re.I)
    found += [Defect("tautology", m.start(), m.end()) for m in bracket.finditer(out.text)
              if m.group("a").lower() == m.group("b").lower() and (m.span("a") in placed or m.span("b") in placed)]
    variants = re.compile(rf"[{_QUOTE_OPEN}](?P<a>{names})[{_QUOTE_CLOSE}](?:\s*(?:,|and|or)\s*"
                          rf"[{_QUOTE_OPEN}](?P=a)[{_QUOTE_CLOSE}])+", re.I)
    found += [Defect("tautology", m.start(), m.end()) for m in variants.finditer(out.text)
              if any(out.to_output(p.start) >= m.start() and p.out_start < m.end() for p in out.labels())]
    # '"Stepfather" was recorded as "Stepfather"', 'the mother's name appears as "Mother"'
    restated = re.compile(rf"{RECORDED_AS}\s+[{_QUOTE_OPEN}](?P<b>{names})[{_QUOTE_CLOSE}]", re.I)
    for m in restated.finditer(out.text):
        if m.span("b") not in placed:
            continue
        sentence = max(out.text.rfind("\n", 0, m.start()), *(out.text.rfind(c, 0, m.start()) for c in ". ; ! ? ".split())) + 1
        if re.search(rf"(?<![\w-]){re.escape(m.group('b'))}(?![\w-])", out.text[sentence:m.start()], re.I):
            found.append(Defect("tautology", m.start(), m.end()))
    return found


def repeated_labels(out: Output) -> list[Defect]:
    """The same label twice in a row: side by side, or either side of a colon, a dash, a comma or a
    bracket."""
    names = _label_pattern(out)
    if names is None:
        return []
    placed = _ends(out)
    pair = re.compile(rf"(?<![\w-])(?P<a>{names})(?![\w-])[ \t]*(?P<j>[:\-–/,(][ \t]*)?(?P<b>{names})(?![\w-])", re.I)
    return [Defect("repeated-label", m.start(), m.end()) for m in pair.finditer(out.text)
            if m.group("a").lower() == m.group("b").lower() and (m.span("a") in placed or m.span("b") in placed)
            # a list of markers ('references [reference removed], [reference removed]') is a list of things
            and not (m.group("a").startswith("[") and "," in (m.group("j") or ""))]


_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])([Aa]n?)\s+$")


def articles(out: Output) -> list[Defect]:
    """'a' or 'an' just before a replacement that wants the other one."""
    found: list[Defect] = []
    for p in out.labels():
        m = _ARTICLE_BEFORE.search(out.text, max(0, p.out_start - 4), p.out_start)
        want = article_for(p.new)
        if m and want and m.group(1).lower() != want:
            found.append(Defect("article", m.start(), p.out_start + len(p.new)))
    return found


def glued_markers(out: Output) -> list[Defect]:
    """A '[marker]' with a '+', an underscore, a letter or a digit touching it on either side."""
    found: list[Defect] = []
    for p in out.labels():
        if not p.new.startswith("["):
            continue
        s, e = p.out_start, p.out_start + len(p.new)
        before, after = out.text[s - 1:s] if s else "", out.text[e:e + 1]
        if (before and (before.isalnum() or before in "+_")) or (after and (after.isalnum() or after == "_")):
            found.append(Defect("glued-marker", max(0, s - 1), e + len(after)))
    return found


# A number opening a line, before a heading or a sentence: '4.9 The night of ...', '2. **Background**'.
_SECTION = re.compile(r"^[ \t]*(?:[-*•#>]+[ \t]*)?(?P<n>\d{1,3}(?:\.\d{1,3})*\.?)(?=[ \t]+(?:\*\*|__|[\"“‘(])?[A-Z])", re.M)


def section_numbers(out: Output) -> list[Defect]:
    """A section or list number opening a line before a heading or a sentence that a change touched.

    A whole number that opens a date or an address replaced whole is that date's day or that house's
    number, wrapped to a line's start ('...recorded him on' / '17 December as'), not a section."""
    found = []
    for m in _SECTION.finditer(out.original):
        s, e = m.start("n"), m.end("n")
        if not out.touching(s, e):
            continue
        if "." not in m.group("n") and any(
                p.start <= s < p.end and p.entity in _NUMBERED_KINDS
                and (p.start < s or p.entity != E.DATE or _MONTH_AFTER.match(out.original, e)) for p in out.placed):
            continue
        found.append(Defect("section-number", out.to_output(s), out.to_output(e)))
    return found


_NUMBERED_KINDS = frozenset({E.DATE, E.DATE_OF_BIRTH, E.ADDRESS})
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?:{vocabulary.alternation(vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS)})\b")


def lower_case_starts(out: Output) -> list[Defect]:
    """A sentence's start (a line's, after a number, a bullet, a blank line, a sentence's end or a
    heading; or inside a line, after a sentence's end), whose first word a change replaced or
    removed, that began with a capital and now does not; a '[marker]' is no word."""
    found: list[Defect] = []
    text = out.original
    for p in out.placed:
        if p.new.startswith("[") or not starts_sentence(text, p.start):
            continue
        first = next((c for c in text[p.start:p.end] if c.isalpha()), "")
        if not first.isupper():
            continue
        rest = p.new if p.new.strip() else text[p.end:p.end + 40].lstrip(" \t,;")
        now = next((c for c in rest if c.isalpha() or c == "\n"), "")
        if now.islower():
            found.append(Defect("lower-case-start", p.out_start, p.out_start + max(len(p.new), 1)))
    return found


_TITLES = frozenset(t.lower() for t in vocabulary.entries("titles"))
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*\.?$")


def _name_parts(written: str) -> tuple[str | None, str | None, str] | None:
    """(title, first name, surname) of a written name ('Mrs Angela Rose', 'Pastor Ojo'), or None."""
    words = re.sub(r"['’]s$", "", written.strip()).split()
    title = words.pop(0).lower().rstrip(".") if len(words) > 1 and words[0].lower().rstrip(".") in _TITLES else None
    if not words or not all(_NAME_WORD.match(w) for w in words):
        return None
    return title, (words[0].lower() if len(words) > 1 else None), words[-1].lower()


_VARIANTS = re.compile(r"variants of [\"'“‘](.*)[\"'”’]")


def _label_of(new: str) -> str:
    """The label a change writes: capitals, an article or a possessive determiner ('their mother' is
    the label 'Mother') and a possessive aside; the one label of a collapsed list of one person's
    names ('variants of "Sophie"')."""
    label = re.sub(r"^(?:an?|his|her|their|its|our|my|your)\s+|['’]s$", "", new.strip().lower())
    m = _VARIANTS.fullmatch(label)
    return m.group(1) if m else label


def two_labels(out: Output) -> list[Defect]:
    """One person under two labels: the same person's changes labelled differently, or a title
    and surname ('Mrs Rose', 'Pastor Ojo') labelled apart from the one full name with that surname
    ('Mrs Angela Rose', 'Emmanuel Ojo'); capitals, an article and a possessive aside. One defect for
    each label beyond the first."""
    # a marker or a kind names no one person; a role label of someone not on the register does
    people = [p for p in out.labels() if p.entity == "PERSON" and not p.new.startswith("[")
              and (not p.new.lower().startswith("the ") or (p.person or "").startswith("other:"))
              and p.new not in RESTATED_WORDINGS  # nor does 'a variant of the name'
              and p.new != ANOTHER_NAME]  # 'known to his friends by another name': the alias, reworded
    groups: dict[tuple[str, ...], dict[str, Placed]] = {}
    named: list[tuple[Placed, tuple[str | None, str | None, str]]] = []
    firsts: dict[str, set[str]] = {}
    for p in people:
        label = _label_of(p.new)
        if p.person:
            groups.setdefault(("person", p.person), {}).setdefault(label, p)
        # a register person is known for certain: 'Mrs Horváthová' is the mother, though the only full
        # name the draft writes with that surname is her daughter's
        parts = None if (p.person or "").startswith("register:") else _name_parts(out.original[p.start:p.end])
        if parts:
            named.append((p, parts))
            if parts[1]:
                firsts.setdefault(parts[2], set()).add(parts[1])
    for p, (title, first, surname) in named:
        label = _label_of(p.new)
        known = firsts.get(surname, set())
        if first is None and title and len(known) == 1:
            first = next(iter(known))  # the only full name with that surname: the same person
        if first:
            groups.setdefault(("name", surname, first), {}).setdefault(label, p)
    seen: set[int] = set()
    found: list[Defect] = []
    for labels in groups.values():
        for p in list(labels.values())[1:]:
            if p.out_start not in seen:
                seen.add(p.out_start)
                found.append(Defect("two-labels", p.out_start, p.out_start + len(p.new)))
    return sorted(found, key=lambda d: d.start)


CLASSES: dict[str, Callable[[Output], list[Defect]]] = {
    "tautology": tautologies,
    "repeated-label": repeated_labels,
    "article": articles,
    "glued-marker": glued_markers,
    "section-number": section_numbers,
    "lower-case-start": lower_case_starts,
    "two-labels": two_labels,
}


def defects(text: str, changes: Sequence[Change]) -> tuple[str, list[Defect]]:
    """The output text and every defect of every class in it, in order of place."""
    out = Output(text, changes)
    found = [d for check in CLASSES.values() for d in check(out)]
    return out.text, sorted(found, key=lambda d: (d.start, d.kind))


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))
