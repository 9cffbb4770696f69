"""A town written before its country ('born in Hargeisa, Somaliland', 'from Košice, Slovakia'), or before
an apposition saying what kind of place it is ('Luník IX, a settlement on the edge of Košice'), is a
place: the country is kept, the town below it locates the family and goes as '[place]'."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.lexicon import PhraseIndex, phrase_index
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection

_COMMA = re.compile(r",[ \t]*")
_NAME_WORDS = re.compile(r"[A-Z][^\W\d_]*(?:[ -][A-Z][^\W\d_]*){0,2}")
_KIND_OF_PLACE = re.compile(
    rf",[ \t]+(?:a|an)[ \t]+(?:[a-z]+[ \t]+)?(?:{vocabulary.alternation(vocabulary.having('place_words', 'settlement', 'area'))})\b")


@lru_cache(maxsize=1)
def _countries() -> PhraseIndex:
    return phrase_index("gazetteer", ("countries",))


def before_country(text: str, end: int) -> bool:
    """A comma, then a country's name as a whole phrase, follows `end`."""
    comma = _COMMA.match(text, end)
    if comma is None:
        return False
    tail = text[comma.end():comma.end() + 60]
    found = _countries().find(tail)
    return bool(found) and found[0][0] == 0 and not tail[found[0][1]:found[0][1] + 1].isalnum()


def places_before_countries(text: str, detections: list[Detection]) -> list[Detection]:
    """A name the NER alone read as a person or an organisation, written just before ', <country>' or
    ', a <kind of place>', is the place it stands for."""
    out = []
    for d in detections:
        if d.entity in (E.PERSON, E.ORGANISATION) and d.detectors == ("SpacyRecognizer",) \
                and _NAME_WORDS.fullmatch(text, d.start, d.end) \
                and (before_country(text, d.end) or _KIND_OF_PLACE.match(text, d.end)):
            d = replace(d, entity=E.LOCATION)
        out.append(d)
    return out
