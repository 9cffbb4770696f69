"""A place before an agency's name: part of it where the body is named after its territory ('Boston
Borough Council', 'Kent Police'), a place to go where it opens a local team's name ('the Dewsbury
Early Help hub'): a council runs such a team in each of its towns, so the town locates the family."""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import places, vocabulary
from anonymiser.config.lexicon import normalise, phrase_index
from anonymiser.decide.partnership_area import LOCAL_AUTHORITIES, OWN_AGENCY_AFTER

# Another place joined to the first by 'and' ('Torbay and South Devon NHS Foundation Trust') first.
_JOINED = r"(?:\s+(?:and|&)(?:\s+[A-Z][\w'’-]*){1,3}?)?"
# What follows a council's name when it names the partnership's own agencies (decide.partnership_area).
_AGENCY_AFTER = re.compile(_JOINED + OWN_AGENCY_AFTER.pattern, re.I)
_BODY_AFTER = re.compile(
    _JOINED + r"\s+(?:(?:City|County|Borough|Metropolitan|District|Royal)\s+)*(?:"
    + vocabulary.alternation(vocabulary.entries("territorial_bodies")) + r")\b", re.I)


def in_agency_name(text: str, end: int) -> bool:
    """The place ending at `end` begins an agency's name ('Boston| Borough Council')."""
    return _AGENCY_AFTER.match(text, end) is not None


@lru_cache(maxsize=1)
def _local_authorities() -> frozenset[tuple[str, ...]]:
    return frozenset(phrase_index("gazetteer", (LOCAL_AUTHORITIES,)).phrases)


def place_in_agency_name(text: str, start: int, end: int, area: tuple[str, ...] | None = None) -> bool:
    """The place text[start:end] is part of the agency's name after it: a body named after its
    territory, or a council's service named after the council's area ('Leeds Early Help'), never a
    town inside one ('Dewsbury Early Help'). Where the partnership's `area` is known, a district
    council's area inside it is such a town: the county runs the service ('the Great Yarmouth Early
    Help team' in Norfolk)."""
    if not in_agency_name(text, end):
        return False
    if _BODY_AFTER.match(text, end) is not None:
        return True
    key = normalise(text[start:end].strip())
    return key in _local_authorities() and not (area is not None and places.inside(" ".join(key), {area}))
