"""A street the NER read as a person: 'Crews reached Harrow Lane' where 'Harrow Lane' is a place elsewhere."""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.config.names import is_first_name
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection

_PLACES = (E.LOCATION, E.ADDRESS)


def _street_like(span: str) -> bool:
    """Capitalised words ending in a street type ('Harrow Lane'), none of the others a first name:
    'Kerry Lane' may be a woman, 'Harrow Lane' is not."""
    words = span.split()
    return (len(words) >= 2 and words[-1] in vocabulary.STREET_TYPE_WORDS
            and all(w[:1].isupper() for w in words)
            and not any(is_first_name(w) for w in words[:-1]))


def streets_read_as_people(text: str, detections: list[Detection]) -> list[Detection]:
    """A person detection no register holds whose words are a street's ('Harrow Lane'), where the same
    words are read as a place or written inside an address elsewhere in the text, is that place: one
    string, one kind, so a street is never 'Adult A' in one sentence and '[place]' in the next."""
    places = [text[d.start:d.end] for d in detections if d.entity in _PLACES]
    out: list[Detection] = []
    streets: list[tuple[int, int]] = []
    for d in detections:
        span = text[d.start:d.end]
        if (d.entity == E.PERSON and not d.from_register and _street_like(span)
                and any(span in p for p in places)):
            d = replace(d, entity=E.LOCATION, person=None)
        elif d.entity == E.PERSON and d.detectors == ("propagation",) and (typed := _STREET_TYPE_AFTER.match(text, d.end)) \
                and _street_like(span + typed.group(0)):
            # 'Ravensworth' spread from a person the NER saw in 'Ravensworth Walk', before 'Road' or 'Walk':
            # a street's name, never someone's; the street, whole, takes the place of what was left of it
            d = replace(d, end=typed.end(), entity=E.LOCATION, person=None)
            streets.append((d.start, d.end))
        elif (d.entity == E.PERSON and d.from_register and " " not in span
              and (typed := _STREET_TYPE_AFTER.match(text, d.end))
              and not any(o.from_register and o.start <= d.start and typed.end() <= o.end for o in detections)):
            # 'a flat on Hope Street' where Hope is the register's baby: a register name before a street
            # type is the street's, unless the register's whole name is those words ('Kerry Lane')
            d = replace(d, end=typed.end(), entity=E.LOCATION, person=None, meta=replace(d.meta, register_person=None))
            streets.append((d.start, d.end))
        out.append(d)
    return [d for d in out if not (d.entity in _PLACES and any(s <= d.start and d.end <= e and (d.start, d.end) != (s, e)
                                                                 for s, e in streets))]


_STREET_TYPE_AFTER = re.compile(rf" (?:{vocabulary.alternation(vocabulary.STREET_TYPE_WORDS)})(?![\w'’-])")
