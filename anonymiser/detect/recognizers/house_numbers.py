"""A house by its number alone: 'the neighbour at number 44', 'outside No. 7'. A house number on a street
the draft names locates the family as well as the address would, so it goes as an address."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymiser.config import vocabulary
from anonymiser.core import entities as E

NAME = "HouseNumber"
CUE = vocabulary.alternation(sorted({w.rstrip(".") for w in vocabulary.entries("house_number_words")}))
# Only after a preposition of place ('at', 'outside'), so 'bus number 42' or 'Recommendation No. 4' is not a house.
PLACE_BEFORE = vocabulary.place_before("street")
# 'Mrs Pat Kettle of number 39': where someone lives, as 'of' gives an address ('Mr Hale of 12 Mill Lane').
_OF_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)[ \t]+of[ \t]+$")  # after a name: never 'Section 4 of number 12'
# A public body's or a document's word before 'of' is no name: 'the Department of number 10'.
_NOT_NAMES = vocabulary.words("generic_institution_words", "document_parts")
# A capitalised word after the number names a street, which the street recognizers read with it: 'at number 42 Mill Lane'.
STREET_AFTER = re.compile(r"[ \t]+[A-Z]")
_NUMBER = re.compile(rf"(?<![\w.])(?:{CUE})\.?[ \t]*\d{{1,4}}[A-Za-z]?(?![\w/.\-]\w|\w)", re.I)
SCORE = 0.6


def _name_of(text: str, start: int) -> bool:
    """'Mrs Pat Kettle of ' just before `start`: a capitalised word that is no body's or document's, then 'of'."""
    m = _OF_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).lower() not in _NOT_NAMES


def house_number_spans(text: str) -> list[tuple[int, int]]:
    """Every 'number 44' / 'No. 44' right after a preposition of place or 'of', and not before a street's name."""
    return [(m.start(), m.end()) for m in _NUMBER.finditer(text)
            if (PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start()) or _name_of(text, m.start()))
            and not STREET_AFTER.match(text, m.end())]


def house_number_results(text: str, taken: set[tuple[int, int]]) -> list[RecognizerResult]:
    """The house numbers of `text` that no register address has `taken`, as addresses."""
    return [RecognizerResult(E.ADDRESS, s, e, SCORE, recognition_metadata={"recognizer_name": NAME})
            for s, e in house_number_spans(text) if (s, e) not in taken]
