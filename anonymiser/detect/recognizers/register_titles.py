"""Which register person a title and a surname mean in one draft, from the draft's own evidence.

Where register people share a surname, 'Mrs Ferreira' alone cannot say which of them it is, and the
mention is left as the family's surname. The draft often says it elsewhere:
- the title with a first name: 'Mrs Fernanda Ferreira';
- a name of one of them right after it: 'Mr and Mrs Ferreira (Manuel and Fernanda)', 'Mrs Ferreira,
  whom the children call Nanda', 'Mrs Ferreira (known as Nanda)', 'Mrs Ferreira (née Lopes)';
- the register role right before it: 'the report refers to the grandmother as Mrs Ferreira'.
A title so bound names that person at every mention. Drafts give one person one title, so another
title of the same gender with the same surname is someone else: where 'Mrs Ferreira' is the
grandmother, 'Ms Ferreira' is the one other adult woman of that surname, if there is only one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult

from anonymiser.config import vocabulary
from anonymiser.core.register import Person
from anonymiser.detect.recognizers.dates import YEAR

# What may stand between a titled surname and a name of the same person that follows it: an opening
# bracket, or a comma and a clause that gives another name ('whom the children call', 'known as').
_NAME_FOLLOWS = re.compile(
    r"[ \t]*(?:\([ \t]*(?:known[ \t]+as[ \t]+|also[ \t]+|n[ée]e[ \t]+|formerly[ \t]+)?"
    r"|,[ \t]*(?:(?:who|whom)[ \t]+(?:[\w'’-]+[ \t]+){0,4}(?:call|calls|called)[ \t]+"
    r"|(?:also[ \t]+)?(?:known|called|named)[ \t]+(?:(?:to|by|among)[ \t]+[^,.;:\n()\"“]{1,40}?[ \t]+as[ \t]+|(?:as[ \t]+)?)))[\"“‘']?",
    re.IGNORECASE)
# A bracket of first names, 'and' between them: '(Manuel and Fernanda)'.
_BRACKET_GAP = re.compile(r"[ \t]*(?:,|\band\b|&)[ \t]*")


@dataclass(frozen=True)
class Titled:
    """A register mention written with a title: where it is, the title and surname as written, the
    register people it may be (indexes into register.people) and whom the mention alone decided."""

    start: int
    end: int
    title: str
    surname: str
    candidates: frozenset[int]
    person: int
    ambiguous: bool

    @property
    def key(self) -> tuple[str, str]:
        return title_key(self.title), self.surname.lower()


# The titles an adult is written with ('Ms', 'Mr', 'Dr'); not 'Master', which a boy may be given.
_COURTESY = vocabulary.lower(vocabulary.COMMON_TITLES)
# Under this age a register person is a child, whatever the register's role says.
CHILD_YEARS = 16


_DRAFT_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")


def as_of(text: str) -> dt.date | None:
    """The end of the latest year the draft writes: when its events end, so that an age measured then
    is the same whenever the draft is run (None where it writes no year)."""
    years = [y for m in _DRAFT_YEAR.finditer(text) if (y := int(m.group(0))) <= dt.date.today().year]
    return dt.date(max(years), 12, 31) if years else None


def is_child(person: Person, when: dt.date | None = None) -> bool:
    """A child's role ('sister', 'baby'), and, where the register gives a date of birth, under
    CHILD_YEARS on `when` (today if not given): an adult sister has a child's role too. A role no
    child has ('mother') is an adult's, whatever the draft's years say."""
    born = person.date_of_birth
    if born is None or not vocabulary.is_child_role(person.role):
        return vocabulary.is_child_role(person.role)
    when = when or dt.date.today()
    return when.year - born.year - ((when.month, when.day) < (born.month, born.day)) < CHILD_YEARS


def title_fits_no_adult(title: str | None, candidates: Sequence[int], people: Sequence[Person],
                        when: dt.date | None = None) -> bool:
    """A courtesy title ('Ms', 'Mr', 'Dr') whose surname no register adult of the title's gender has,
    only children or people of the other gender: never one of them, since a draft writes no child so,
    but another of that name ('Mrs Turner' the health visitor, where the Turners are a man and a boy)."""
    if title is None or title_key(title) not in _COURTESY:
        return False
    gender = title_gender(title)
    fits = [p for p in candidates if gender is None or people[p].gender in (gender, "unknown", None)]
    return all(is_child(people[p], when) for p in fits)


def title_key(title: str) -> str:
    return title.lower().rstrip(".")


def title_gender(title: str | None) -> str | None:
    """'female' for 'Mrs', 'male' for 'Mr.', None for 'Dr' or no title."""
    low = title_key(title or "")
    return "female" if low in vocabulary.FEMALE_TITLES else "male" if low in vocabulary.MALE_TITLES else None


def other_gender(title: str | None, gender: str | None) -> bool:
    """The title says a man and the register a woman, or the other way round."""
    said = title_gender(title)
    return bool(said and gender and said != gender)


def _named_after(text: str, mention: Titled, named: Sequence[tuple[int, int, int]]) -> set[int]:
    """The register people named right after the mention, through a bracket or an alias clause."""
    m = _NAME_FOLLOWS.match(text, mention.end)
    if m is None:
        return set()
    out: set[int] = set()
    at = m.end()
    for start, end, person in named:
        if start < at:
            continue
        if start > at:
            break
        out.add(person)
        gap = _BRACKET_GAP.match(text, end)
        if gap is None:
            break
        at = gap.end()
    return out


def _role_before(text: str, mention: Titled, people: Sequence[Person]) -> set[int]:
    """The candidates whose register role the draft writes right before the mention with 'as': 'refers
    to the maternal grandmother as Mrs Ferreira'."""
    before = text[max(0, mention.start - 60):mention.start]
    return {p for p in mention.candidates if people[p].role
            and re.search(rf"\bthe[ \t]+{re.escape(people[p].role)}[ \t]+as[ \t]+$", before, re.IGNORECASE)}


def bindings(text: str, titled: Sequence[Titled], named: Sequence[tuple[int, int, int]],
             people: Sequence[Person]) -> dict[tuple[str, str], int]:
    """(title, surname) -> the register person the draft's own evidence binds it to. `named` holds
    (start, end, person) of every unambiguous register mention, in order."""
    found: dict[tuple[str, str], set[int]] = {}
    for t in titled:
        if not t.ambiguous:
            found.setdefault(t.key, set()).add(t.person)
            continue
        gender = title_gender(t.title)
        after = {p for p in _named_after(text, t, named) | _role_before(text, t, people)
                 if p in t.candidates and (gender is None or people[p].gender == gender)}
        if len(after) == 1:
            found.setdefault(t.key, set()).update(after)
    return {key: next(iter(who)) for key, who in found.items() if len(who) == 1}


def resolve(titled: Sequence[Titled], bound: dict[tuple[str, str], int], people: Sequence[Person]) -> dict[int, int]:
    """Index into `titled` -> the person an ambiguous mention means, where the bindings decide it."""
    out: dict[int, int] = {}
    for i, t in enumerate(titled):
        if not t.ambiguous:
            continue
        if t.key in bound and bound[t.key] in t.candidates:
            out[i] = bound[t.key]
            continue
        gender = title_gender(t.title)
        if gender is None:
            continue
        fits = {p for p in t.candidates if people[p].gender == gender and not vocabulary.is_child_role(people[p].role)}
        elsewhere = {p for (title, surname), p in bound.items()
                     if surname == t.key[1] and title != t.key[0] and title_gender(title) == gender}
        left = fits - elsewhere
        if len(left) == 1 and elsewhere & fits:
            out[i] = next(iter(left))
    return out


def decided(text: str, results: Sequence[RecognizerResult], titled: Sequence[Titled],
            people: Sequence[Person]) -> dict[tuple[int, int], int]:
    """(start, end) of each family-surname mention -> the person the draft's titles say it is."""
    index = {p.key: i for i, p in enumerate(people)}
    named = sorted((r.start, r.end, index[key]) for r in results
                   if not (r.recognition_metadata or {}).get("register_family")
                   and isinstance(key := (r.recognition_metadata or {}).get("register_person"), str) and key in index)
    bound = bindings(text, titled, named, people)
    return {(titled[i].start, titled[i].end): person for i, person in resolve(titled, bound, people).items()}
