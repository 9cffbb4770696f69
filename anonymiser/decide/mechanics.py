"""The mechanics of the final replacements: each one joined to the words round it as English reads.

- 'a'/'an' agree with the replacement: 'a Merlin report' -> 'an Adult I report', not 'a Adult I', and
  the article of 'a certain' person goes with the name: 'A Mr Gallacher was listed' -> 'Adult A was listed';
  a marker is read by its words ('a [place] neighbour'), and a kind after one drops its 'the':
  'an Acme Ltd driver' -> 'an employer driver', not 'an the';
- a possessive survives: "Mr Tanner's mobile" -> "Adult A's mobile", "Mr Jones' van" -> "Adult B's van";
- a list of dates cut to their months says each month once: 'in October and November 2022'
  (decide.date_lists), and a range whose ends are one month says it once: 'May 2021' (decide.date_ranges);
- a month is no day: 'January 2022, the date on which' reads 'January 2022, when' (decide.date_apposition);
- a marker whose kind the words before it name says only 'removed' after a colon or in brackets:
  '(date of birth removed)', 'NHS number: removed'; in running text it stays whole;
- a place marker right after another, a comma between, goes with its comma: 'in [place]', not 'in
  [place], [place]';
- a marker never glues to a character: '+44 7700 900958' goes with its '+', and a word a marker
  would touch ('x_[name]', 'word[name]') goes whole into it;
- capitals follow the position: the first word of a sentence, of a numbered heading, of a list
  item or of a table cell starts with a capital ('5.2 Hollyfield Surgery' -> '5.2 The GP practice',
  'Hollyfield Surgery | General practice' -> 'The GP practice | General practice').

Each function takes the text and the replacements in order of place and changes them in place,
never across the replacement before or after; it returns the replacements it changed, so the step
can name itself in their rules.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement
from anonymiser.decide.date_apposition import day_appositions
from anonymiser.decide.date_lists import date_lists
from anonymiser.decide.date_ranges import same_month_ranges
from anonymiser.decide.wording import after_indefinite, article_for, starts_cell, starts_sentence
from anonymiser.detect.recognizers.register_births import DOB_WORDS

_ARTICLE = re.compile(r"(?<![\w'’-])([Aa]n?)(\s+)$")
_POSSESSIVE = re.compile(r"['’]s$")
_BARE_APOSTROPHE = re.compile(r"['’](?![\w'’])")
_PLACE_GAP = re.compile(r",[ \t]*")
_CLAUSE_ENDS = re.compile(r"[ \t]*(?:[.,;:!?)\n]|$)")  # 'in Ovenden, Halifax.', not 'Halifax was where'

_QUOTE_BEFORE = re.compile(r"(?:^|\s)['‘]$")  # 'called 'Jones'': a quotation mark closing, not a possessive


def _bounds(reps: list[Replacement], i: int, length: int) -> tuple[int, int]:
    """How far replacement i may reach: to the end of the one before, the start of the one after."""
    return (reps[i - 1].end if i else 0), (reps[i + 1].start if i + 1 < len(reps) else length)


def _widen(text: str, r: Replacement, start: int, end: int, new: str) -> None:
    r.start, r.end, r.replacement = start, end, new
    r.original = text[start:end]


def articles(text: str, reps: list[Replacement]) -> list[Replacement]:
    """The 'a' or 'an' before a replacement, made to agree with it ('an Adult A', 'a Child B')."""
    changed = []
    for i, r in enumerate(reps):
        low, _ = _bounds(reps, i, len(text))
        if r.replacement.lower().startswith("the "):
            start, new = after_indefinite(text, r.start, r.replacement)  # 'a the employer' -> 'an employer'
            if low <= start < r.start:
                _widen(text, r, start, r.end, new)
                changed.append(r)
            continue
        want = article_for(r.replacement) if r.replacement.strip() else None
        m = _ARTICLE.search(text, max(low, r.start - 4), r.start)
        if m is not None and want is not None and _a_certain_person(text, r):
            # 'A Mr S Gallacher was listed', 'an Eileen Stott, called': 'a certain' person, whom a label names
            new = r.replacement[:1].upper() + r.replacement[1:] if m.group(1)[0] == "A" else r.replacement
            _widen(text, r, m.start(), r.end, new)
            changed.append(r)
            continue
        if want is None or m is None or m.group(1).lower() == want:
            continue
        if m.group(1)[0] == "A" and not starts_sentence(text, m.start()):
            continue  # 'Plan A', 'Grade A': a capital 'A' mid-sentence is a letter, not the article
        article = want.capitalize() if m.group(1)[0] == "A" else want
        _widen(text, r, m.start(), r.end, article + m.group(2) + r.replacement)
        changed.append(r)
    return changed


_NAME_TITLE_FIRST = re.compile(rf"(?:{vocabulary.alternation(vocabulary.NAME_TITLES)})\.?\s", re.I)


def _a_certain_person(text: str, r: Replacement) -> bool:
    """'a Mr Gallacher', 'an Eileen Stott,': the article is the person's own, 'a certain' one, where the
    name is titled, or is a full name with a relative clause or nothing but punctuation after it ('an Ivy
    Brennand who'); in 'a Merlin report' it is
    the report's, and in 'he was a Fenwick' it says which family."""
    if r.entity != E.PERSON:
        return False
    if _NAME_TITLE_FIRST.match(r.original):
        return True
    return len(r.original.split()) > 1 and bool(_WHO_AFTER.match(text, r.end) or re.match(r"\s*(?:[,;:.)]|$)",
                                                                                       text[r.end:r.end + 2]))


_WHO_AFTER = re.compile(r"[ \t]+(?:who|whom|whose)\b")  # 'A Jordan who presented as calm'


def possessives(text: str, reps: list[Replacement]) -> list[Replacement]:
    """A person's name taken with its "'s" gives its label the "'s" back; a name ending in 's' whose
    possessive is a bare apostrophe ("Mr Jones' van") gives a label that does not the whole "'s"."""
    changed = []
    for i, r in enumerate(reps):
        if r.entity != E.PERSON or not r.replacement.strip() or r.replacement.startswith("["):
            continue
        _, high = _bounds(reps, i, len(text))
        if _POSSESSIVE.search(r.original) and not _POSSESSIVE.search(r.replacement):
            r.replacement += r.original[-2:]
            changed.append(r)
        elif (r.original.endswith("s") and not r.replacement.endswith("s") and r.end < high
              and _BARE_APOSTROPHE.match(text, r.end) and not _QUOTE_BEFORE.search(text, max(0, r.start - 2), r.start)):
            _widen(text, r, r.start, r.end + 1, r.replacement + text[r.end] + "s")
            changed.append(r)
    return changed


def glued_markers(text: str, reps: list[Replacement]) -> list[Replacement]:
    """A marker takes in the '+' before it and any part of a word it would touch."""
    changed = []
    for i, r in enumerate(reps):
        if not r.replacement.startswith("["):
            continue
        low, high = _bounds(reps, i, len(text))
        start, end = r.start, r.end
        while start > low and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        if start > low and text[start - 1] == "+":
            start -= 1
        while end < high and (text[end].isalnum() or text[end] == "_"):
            end += 1
        if (start, end) != (r.start, r.end):
            _widen(text, r, start, end, r.replacement)
            changed.append(r)
    return changed


# A marker that says what it stands for: '[date of birth removed]', '[NHS number removed]' (the profiles' texts).
_MARKER_KIND = re.compile(r"\[(?P<kind>[^\[\]]+?) removed\]")


def _in_brackets(text: str, start: int, end: int) -> bool:
    """A bracket opens before `start` on its line, none closes before it, and one closes right at `end`."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return line.rfind("(") > line.rfind(")") and text[end:].lstrip(" \t").startswith(")")


def named_markers(text: str, reps: list[Replacement]) -> list[Replacement]:
    """A marker whose kind the words just before it already name says only 'removed': '(date of birth
    17/04/2009)' -> '(date of birth removed)', 'NHS number: 943 476 5919' -> 'NHS number: removed',
    never '(date of birth [date of birth removed])'; in running text the marker takes the words in."""
    changed = []
    for i, r in enumerate(reps):
        m = _MARKER_KIND.fullmatch(r.replacement)
        if m is None:
            continue
        low, _ = _bounds(reps, i, len(text))
        kind = r"\s+".join(re.escape(w) for w in m.group("kind").split())
        if m.group("kind") == "date of birth":
            kind = DOB_WORDS
        window = max(low, r.start - 60)
        named = re.search(rf"(?<![\w'’-])(?:{kind})[ \t]*(:)?[ \t]+$", text[window:r.start], re.I)
        if named is None:
            continue
        # 'removed' reads as a sentence only after a colon or in brackets that close with the marker:
        # 'under crime reference removed.' does not, so in running text the marker takes the words in
        # ('Kai, date of birth [date of birth removed],' -> 'Kai, [date of birth removed],')
        if named.group(1) or _in_brackets(text, window + named.start(), r.end):
            r.replacement = "removed"
        else:
            _widen(text, r, window + named.start(), r.end, r.replacement)
        changed.append(r)
    return changed


def capitals(text: str, reps: list[Replacement]) -> list[Replacement]:
    """A replacement that starts a sentence, a numbered heading, a list item or a table cell starts with a capital."""
    changed = []
    for r in reps:
        new = r.replacement
        if not new[:1].islower():
            continue
        first = next((c for c in r.original if c.isalpha()), "")
        if first.isupper() and (starts_sentence(text, r.start) or starts_cell(text, r.start)):
            r.replacement = new[0].upper() + new[1:]
            changed.append(r)
    return changed


def place_runs(text: str, reps: list[Replacement]) -> list[Replacement]:
    """'in Ovenden, Halifax.' -> 'in [place].', not 'in [place], [place].': a place marker right after
    another, a comma between, and closing its clause, says nothing more; it goes with its comma."""
    changed = []
    for i in range(1, len(reps)):
        r, before = reps[i], reps[i - 1]
        if r.entity == E.LOCATION and before.entity == E.LOCATION and r.replacement.startswith("[") \
                and r.replacement == before.replacement and _PLACE_GAP.fullmatch(text, before.end, r.start) \
                and _CLAUSE_ENDS.match(text, r.end):
            _widen(text, r, before.end, r.end, "")
            changed.append(r)
    return changed


MENDS = (same_month_ranges, date_lists, day_appositions, glued_markers, named_markers, place_runs, possessives,
         articles, capitals)
