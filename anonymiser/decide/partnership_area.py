"""The partnership's area, read from the document when no profile or register names it.

Only that area and the larger areas round it are kept (issue 12, point 4); a town or district inside
it locates the family and is generalised. The document says whose review it is by the agencies it
names with a local authority's name:

- an agency written after the name: 'Croydon Health Services NHS Trust', 'Leeds City Council',
  or a run of capitalised words ending in an agency's head word (models/vocabulary/agency_words.txt,
  'head'): 'East Sussex Safer Communities Partnership', 'Kent Safeguarding Children Board';
- an agency written before it with 'of' or 'for': 'the Community Safety Partnership of Brighton &
  Hove', 'the Safeguarding Board for Torbay'.

Two names joined by 'and' or '&' are both the partnership's, or one area when the gazetteer knows
the pair as one ('Brighton & Hove' is Brighton and Hove, not Brighton).

A text that names no agency so leaves the area open: every local authority is kept, except one the
text names that lies inside another area it names ('Exeter' beside 'Devon'), which cannot be the
area whose review it is without that larger area being it too, and which locates the family.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import places, vocabulary
from anonymiser.config.lexicon import PhraseIndex, normalise, phrase_index

LOCAL_AUTHORITIES = "local_authorities"
Key = tuple[str, ...]

# What follows a council's name when it names the partnership's own agencies:
# "Croydon Health Services NHS Trust", "Cambridgeshire and Peterborough NHS Foundation Trust",
# "Leeds City Council", "Croydon Safeguarding Children Partnership".
OWN_AGENCY_AFTER = re.compile(
    r"\s+(?:(?:City|County|Borough|Metropolitan|District|Royal)\s+)*(?:Council|Safeguarding|Children['’]?s?\b"
    r"|Health\s+Services|Community\s+Services|Constabulary|Partnership|Local\s+Authority|MASH|Youth\s+Justice"
    r"|Early\s+Help|Social\s+Care|NHS|Police)", re.I)
_HEADS = vocabulary.alternation(vocabulary.having("agency_words", "head"))
# A run of up to four capitalised words ending in a head word: "Safer Communities Partnership".
_AGENCY_RUN_AFTER = re.compile(rf"(?:[ \t]+[A-Z][\w'’-]*){{0,4}}?[ \t]+(?:{_HEADS})s?\b")
# A head word, perhaps its acronym in brackets, then 'of' or 'for': "Partnerships (CSPs) of ".
_AGENCY_BEFORE = re.compile(rf"\b(?:{_HEADS})s?(?:\s+\([A-Z]{{2,8}}s?\))?\s+(?:of|for)\s+(?:the\s+)?$")
_JOINED = re.compile(r"\s+(?:and|&)\s+")


@lru_cache(maxsize=1)
def _authorities() -> PhraseIndex:
    return phrase_index("gazetteer", (LOCAL_AUTHORITIES,))


def every_authority() -> frozenset[Key]:
    return frozenset(_authorities().phrases)


def _groups(text: str) -> list[tuple[int, int, list[Key]]]:
    """Each local authority named, with one named right after it by 'and'/'&': (start, end, keys)."""
    hits = _authorities().find(text)
    out = []
    i = 0
    while i < len(hits):
        s, e = hits[i]
        keys, end = [normalise(text[s:e])], e
        i += 1
        if i < len(hits) and _JOINED.fullmatch(text[e:hits[i][0]]):
            s2, e2 = hits[i]
            whole = normalise(_JOINED.sub(" and ", text[s:e2]))
            keys = [whole] if whole in every_authority() else [*keys, normalise(text[s2:e2])]
            end = e2
            i += 1  # the second name is this group's, not one of its own
        out.append((s, end, keys))
    return out


def agency_areas(text: str) -> frozenset[Key]:
    """The local authorities the text names by their agencies ('Cumbria Constabulary'), none if none."""
    own: set[Key] = set()
    for s, end, keys in _groups(text):
        if (OWN_AGENCY_AFTER.match(text, end) or _AGENCY_RUN_AFTER.match(text, end)
                or _AGENCY_BEFORE.search(text, max(0, s - 60), s)):
            own.update(keys)
    return frozenset(own)


def with_agency_areas(text: str, area: Key) -> frozenset[Key]:
    """The given area and each county or region the text names an agency by ('Cumbria Constabulary'):
    public wherever the agency is kept, so kept alone too. A town an agency is named by ('Blackpool
    Council') still locates the family ('moved from Blackpool'), and so does one inside the area."""
    return frozenset({area} | {k for k in agency_areas(text)
                               if not places.is_settlement(k) and not places.inside(" ".join(k), {area})})


def own_areas(text: str) -> frozenset[Key]:
    """The local authorities the review names as its own, by their agencies; see the module's doc."""
    own = agency_areas(text)
    if own:
        return own
    named = {k for _, _, keys in _groups(text) for k in keys}
    inner = {k for k in named if any(k != a and a in places.larger({k}) for a in named)}
    return every_authority() - inner


def area_spans(text: str, areas: frozenset[Key]) -> list[tuple[int, int]]:
    """Where the text names one of `areas` ('Brighton & Hove'): a place inside such a span is the area."""
    return [(s, e) for s, e, keys in _groups(text) if all(k in areas for k in keys)]
