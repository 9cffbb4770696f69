"""An NHS trust's whole name is kept, whatever its words: 'Alder Hey Children's Hospital NHS Foundation
Trust', 'Leeds and York Partnership NHS Foundation Trust'. Its name before 'NHS' may be a hospital's or
a place no list keeps, which would otherwise go and leave 'the hospital NHS Foundation Trust'.

The name is the run of capitalised words right before 'NHS', one space apart, within one sentence and
one field (no full stop, tab or line break), less what opens it and is no part of a trust's name: a
title, a month, or a first name and the surname after it ('Kai told Jo Bell Torbridge NHS Trust')."""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import PhraseIndex, phrase_index
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.config.places import is_place

_WORD = r"[A-Z][\w'’-]*"


@lru_cache(maxsize=1)
def _agencies() -> PhraseIndex:
    return phrase_index("allowlist", ("agencies",))


_TRUST = re.compile(rf"(?<![\w'’.-])((?:{_WORD} (?:(?:and|&|of|for|the) )?)+)NHS (?:Foundation )?Trust(?![\w'’-])")
_NOT_NAME = vocabulary.NAME_TITLES | vocabulary.lower(vocabulary.MONTHS + vocabulary.WEEKDAYS) | vocabulary.SENTENCE_STARTERS


def _name_start(text: str, start: int, end: int) -> int:
    """Where the trust's own name begins in text[start:end], its opening words that name no trust left out."""
    words = [(m.start(), m.group(0)) for m in re.finditer(r"[^\s]+", text[start:end])]
    i = 0
    while i < len(words):
        word = words[i][1]
        if word.lower().rstrip(".") in _NOT_NAME:
            i += 1
        elif is_first_name(word) and not is_place(word) and (
                word_class(word) not in (WordClass.COMMON, WordClass.BOTH)  # 'Royal' of 'Royal Wessex' is a word too
                or (i + 1 < len(words) and is_surname(words[i + 1][1]) and not is_place(words[i + 1][1]))):
            i += 1
            while i < len(words) and is_surname(words[i][1]) and not is_place(words[i][1]):
                i += 1  # 'Jo Bell': a person before the trust, no part of its name; 'Royal Wessex' is no person
        else:
            break
    return start + words[i][0] if i < len(words) else end


def nhs_trust_names(text: str) -> list[tuple[int, int]]:
    """Where the text names an NHS trust, its name and all."""
    out = []
    for m in _TRUST.finditer(text):
        # a trust the allowlist names ('Queen Elizabeth Hospital King's Lynn NHS Foundation Trust') begins where it does
        listed = [s for s, e in _agencies().find(m.group(0)) if e == len(m.group(0))]
        start = _name_start(text, m.start(1), m.end(1))
        out.append((min(start, m.start() + min(listed)) if listed else start, m.end()))
    return out
