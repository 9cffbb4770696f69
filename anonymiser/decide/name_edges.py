"""The words of a name the NER's span stopped short of: first names before it, a surname after it."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import merged, overlapping
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection

DETECTOR = "PersonEvidence"
SCORE = 0.9
# A person has a first name or two before the surname ('Lily Rose Field'); more is a list of names.
_MOST_FIRST_NAMES = 2
_WORD_BEFORE = re.compile(r"([A-Z][a-z'’\-]+) $")
# One capitalised word after the span, with only a space between ('Kyle Judge', "Kyle Judge's"), and
# what follows it: a capitalised word there makes a line in title case ('Kyle Moves To Foster Care').
_WORD_AFTER = re.compile(r"[ \t]([A-Z][a-z'’\-]*?[a-z])(?:['’]s)?(?![\w'’-])(?P<next>[ \t]+[A-Z0-9])?")
_TITLES = vocabulary.alternation(sorted(vocabulary.NAME_TITLES))


@lru_cache(maxsize=1)
def _never_surnames() -> frozenset[str]:
    """Words that, capitalised after a first name, start the sentence's structure or another thing,
    never the surname: a date ('told Kyle Monday'), an agency's word ('Kyle Police said'), a family
    word ('Kyle Mum'), a word that opens a phrase."""
    return (vocabulary.lower((*vocabulary.MONTHS, *vocabulary.MONTH_ABBREVIATIONS, *vocabulary.WEEKDAYS,
                              *vocabulary.WEEKDAY_ABBREVIATIONS, *vocabulary.SEASONS, *vocabulary.FAMILY_WORDS))
            | vocabulary.SENTENCE_STARTERS
            | vocabulary.words("organisation_words", "agency_words", "generic_institution_words"))


def _first_names_only(span: str) -> bool:
    words = [w for w in span.split() if w.lower().rstrip(".") not in vocabulary.NAME_TITLES]
    return bool(words) and all(is_first_name(w) for w in words)


def take_in_first_names(text: str, detections: list[Detection], kept: list[tuple[int, int]]) -> list[Detection]:
    """A person the NER found by the surname alone ('Archer'), written after a first name the name
    lists know ('Destiny Archer', 'Lily Rose Field'), is the whole name: a first name that is also a
    common word would otherwise be explained by the lexicon and kept beside its surname's label."""
    taken = merged([(d.start, d.end) for d in detections])
    out = []
    for d in detections:
        for _ in range(_MOST_FIRST_NAMES if d.entity == E.PERSON and not d.from_register else 0):
            m = _WORD_BEFORE.search(text, max(0, d.start - 30), d.start)
            if (m is None or not is_first_name(m.group(1)) or m.group(1).lower() in vocabulary.NAME_TITLES
                    or overlapping(taken, m.start(1), m.end(1)) or overlapping(kept, m.start(1), m.end(1))):
                break
            d = replace(d, start=m.start(1))
        out.append(d)
    return out


def take_in_surnames(text: str, detections: list[Detection], kept: list[tuple[int, int]]) -> list[Detection]:
    """A person the NER found by the first name alone ('Kyle'), written before one capitalised word
    ('Kyle Judge', 'Kyle Marsh'), has that word as the surname where the name lists know it as one
    or the lexicon knows it only as an ordinary word, which mid-sentence has no other reason for its
    capital; a date, an agency's word or a phrase's opener ('told Kyle Monday', 'Kyle Police said')
    is the sentence's own. The surname so found is the person's at its titled mentions ('Mr Judge')."""
    taken = merged([(d.start, d.end) for d in detections])
    never = _never_surnames()
    out, surnames = [], set()
    for d in detections:
        m = _WORD_AFTER.match(text, d.end) if d.entity == E.PERSON and not d.from_register else None
        if m is not None and m.group("next") is None and _first_names_only(text[d.start:d.end]):
            word, s, e = m.group(1), m.start(1), m.end(1)
            if (word.lower() not in never and not overlapping(taken, s, e)
                    and not any(a < e <= b and b > e for a, b in overlapping(kept, s, e))  # 'Kyle Social Care'
                    and (is_surname(word) or word_class(word) in (WordClass.COMMON, WordClass.BOTH))):
                d = replace(d, end=e)
                surnames.add(word)
        out.append(d)
    return out + _titled_mentions(text, surnames, taken)


def _titled_mentions(text: str, surnames: set[str], taken: list[tuple[int, int]]) -> list[Detection]:
    """'Mr Judge', 'Mrs Marsh': each titled mention of a surname found after a first name, which no
    detection has yet (a title before a word the lexicon knows is no name to the titled-person detector)."""
    if not surnames:
        return []
    found = re.finditer(rf"\b(?i:{_TITLES})\.?[ \t]+(?:{'|'.join(map(re.escape, sorted(surnames)))})(?![\w-])", text)
    return [Detection(m.start(), m.end(), E.PERSON, SCORE, (DETECTOR, "surname after a first name"))
            for m in found if not overlapping(taken, m.start(), m.end())]

