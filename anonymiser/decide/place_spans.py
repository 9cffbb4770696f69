"""A place's whole span: a hyphenated place is one place, and a flat with its number is an address.

- 'Caister-on-Sea', 'Stratford-upon-Avon' (config/places.py finds them): a detection that ends inside
  one, after its first part (propagation's 'Caister', the NER's 'Beach Road, Caister'), takes in the
  rest, so no '-on-Sea' is left beside the replacement; a 'person' that lies within it is the place.
- 'HMP Forest Bank': a place the NER saw after an initialism that is an organisation's kind is that
  organisation, whole ('the prison').
- 'Manchester city centre': the NER's 'Manchester city' is 'Manchester', the rest the centre's.
- 'Flat 6', 'Unit 4B': a unit word (models/vocabulary/unit_words.txt) the NER read as a place or a
  name, with the number after it, is part of an address and goes as one ('[address]'), so neither
  '[place] 6' nor the number is left.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import places, vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection

_UNIT_WORDS = vocabulary.lower(w.rstrip(".") for w in vocabulary.entries("unit_words"))
_UNIT_NUMBER = re.compile(r"[ \t]+\d{1,4}[A-Za-z]?(?![\w'’-])")
_READINGS = (E.LOCATION, E.PERSON, E.ORGANISATION)  # what the NER or propagation may have taken it for


# 'Manchester city centre', 'Bolton town centre': the settlement word is the centre's, not the name's.
_CENTRE = re.compile(rf"[ \t]+(?-i:{vocabulary.alternation(vocabulary.having('place_words', 'settlement'))})$")
_CENTRE_AFTER = re.compile(r"[ \t]+cent(?:re|er)\b")
# A word in capitals right before the name that is an organisation's kind ('HMP', 'HMYOI').
_CAPITALS_BEFORE = re.compile(r"(?<![\w'’-])([A-Z]{3,6})[ \t]+$")
_ORGANISATION_WORDS = vocabulary.words("organisation_words")


def whole_place(text: str, d: Detection) -> Detection:
    """`d` widened to the hyphenated place it ends inside, or to the flat and number it names; a town's
    centre left outside it ('[place] city centre')."""
    if d.from_register or d.meta.reviewer or d.entity not in _READINGS:
        return d
    kind = _CAPITALS_BEFORE.search(text, max(0, d.start - 12), d.start)
    if kind and d.entity == E.LOCATION and kind.group(1).lower() in _ORGANISATION_WORDS \
            and word_class(kind.group(1)) is WordClass.UNKNOWN:  # an initialism ('HMP'), not 'POLICE Jo Bell'
        return replace(d, start=kind.start(), entity=E.ORGANISATION)  # 'HMP Forest Bank': the prison, whole
    centre = _CENTRE.search(text, d.start, d.end)
    if d.entity == E.LOCATION and centre and centre.start() > d.start and _CENTRE_AFTER.match(text, d.end):
        return replace(d, end=centre.start())
    for start, first_end, end in places.hyphenated(text):
        if d.start < first_end <= d.end < end:
            entity = E.LOCATION if d.entity == E.PERSON and d.start >= start else d.entity
            return replace(d, start=min(d.start, start), end=end, entity=entity)
    number = _UNIT_NUMBER.match(text, d.end)
    if number and text[d.start:d.end].rstrip(".").lower() in _UNIT_WORDS:
        return replace(d, end=number.end(), entity=E.ADDRESS)
    return d
