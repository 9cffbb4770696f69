"""Names the NER alone read as a person or an organisation that the sentence shows are places.

- 'Little Acorns Nursery, Hest Bank': a name written after a named school, nursery, practice,
  hospital or local organisation (a church, an employer) and a comma, the clause ending after it, is where that institution is.
- 'across Morecambe, Hest Bank and Silverdale': in a list of names joined by commas and 'and' where
  one member is a place the gazetteer or a detector knows, the NER's other members are places too
  (an NER span that took in several members is split into one place each).
- 'the Westgate youth centre': a capitalised name between 'the' and a lower-case facility noun
  (models/vocabulary/facility_words.txt) names the facility or its place, not a person.
- 'their previous address in Holmcroft': one word after a dwelling noun and 'in'
  (models/vocabulary/dwelling_words.txt) is where the home is.
- 'Pelham Road': a name ending in a street's type that is no surname is a street.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import places, vocabulary
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.local_organisations import head_after, local_kind
from anonymiser.decide.origins import places_before_countries

_NER = ("SpacyRecognizer",)
_INSTITUTIONS = frozenset({E.SCHOOL, E.NURSERY, E.GP_PRACTICE})
_INSTITUTION_DETECTORS = frozenset({"HospitalRecognizer"})
_TITLES = vocabulary.TITLE_WORDS
_NAME = r"[A-Z][^\W\d_]*(?:[ \t]+[A-Z][^\W\d_]*){0,2}"
_LIST = re.compile(rf"(?<![\w'’-]){_NAME}(?:,[ \t]+{_NAME})*,?[ \t]+(?:and|or)[ \t]+{_NAME}(?![\w'’-])")
_MEMBER = re.compile(_NAME)
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:)]|$)", re.M)
_FACILITY = re.compile(
    rf"[ \t]+(?:{vocabulary.alternation(vocabulary.entries('facility_words'))})(?![\w'’-])")
_THE = re.compile(r"\bthe[ \t]+$", re.I)
_LONE_WORD_BEFORE = vocabulary.place_before("lone-word", ignore_case=False)
# 'their previous address in Holmcroft', 'a flat in Holmcroft': a dwelling noun and 'in' before the name.
_DWELLING_IN = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.entries('dwelling_words'))})s?[ \t]+in[ \t]+$", re.I)


def _guess(d: Detection) -> bool:
    return d.entity in (E.PERSON, E.ORGANISATION) and d.detectors == _NER and not d.from_register


def _institution_ends(text: str, detections: list[Detection]) -> frozenset[int]:
    """Where each named institution or local organisation ('Holy Trinity Church', an employer) ends: one
    set, so each guess is one look-up, not a scan of all."""
    ends = {o.end for o in detections if o.entity in _INSTITUTIONS or _INSTITUTION_DETECTORS & set(o.detectors)
            or (o.entity == E.ORGANISATION and local_kind(text, o) is not None)}
    # the NER's 'St Aldric's' of 'St Aldric's Church': the organisation ends after its head word
    ends |= {end for o in detections if o.entity == E.ORGANISATION and (end := head_after(text, o)) is not None}
    return frozenset(ends)


def _after_institution(text: str, d: Detection, institution_ends: frozenset[int]) -> bool:
    """'<named institution>, <d>' with the clause ending after d."""
    m = re.search(r",[ \t]+$", text[max(0, d.start - 3):d.start])
    if m is None or _CLAUSE_END.match(text, d.end) is None:
        return False
    comma = d.start - (len(text[max(0, d.start - 3):d.start]) - m.start())
    return comma in institution_ends


def facility_after(text: str, start: int, end: int) -> bool:
    """'the <name> youth centre', 'the <name> estate': 'the', the name, then a facility noun."""
    return _THE.search(text, max(0, start - 5), start) is not None and _FACILITY.match(text, end) is not None


def _before_facility(text: str, d: Detection) -> bool:
    """'the <d> youth centre': a single capitalised name between 'the' and a facility noun."""
    return d.entity == E.PERSON and " " not in text[d.start:d.end].strip() and facility_after(text, d.start, d.end)


def _after_dwelling_in(text: str, d: Detection) -> bool:
    """'the address in <d>': where a home is, not a person or a body; one word, no title."""
    return (" " not in text[d.start:d.end].strip()
            and _DWELLING_IN.search(text, max(0, d.start - 40), d.start) is not None)


def _lone_word_after_preposition(text: str, d: Detection) -> bool:
    """'seen drinking in Quarnford': one word no name list knows, the NER's person, after a preposition
    of place written in lower case (models/vocabulary/place_prepositions.txt, 'lone-word'); not one in
    the possessive ("in Tilly's room")."""
    word = text[d.start:d.end].strip()
    return (d.entity == E.PERSON and " " not in word and word[:1].isupper()
            and not is_first_name(word) and not is_surname(word) and not re.search(r"['’]", text[d.start:d.end + 1])
            and _LONE_WORD_BEFORE.search(text, max(0, d.start - 12), d.start) is not None)


_STREET_TYPES = vocabulary.lower(vocabulary.STREET_TYPES)


def _a_street(text: str, d: Detection) -> bool:
    """'Masjid an-Nur, Pelham Road': the NER's person whose last word is a street's type no name list
    knows as a name ('Road', 'Avenue'; not 'Lane', 'Hill' or 'Green', which are surnames too)."""
    words = text[d.start:d.end].split()
    last = words[-1] if words else ""
    return (d.entity == E.PERSON and len(words) >= 2 and last.lower() in _STREET_TYPES and last[:1].isupper()
            and not is_surname(last) and not is_first_name(last) and words[0].lower().rstrip(".") not in _TITLES)


def _known_place(text: str, s: int, e: int, detections: list[Detection]) -> bool:
    return places.is_place(text[s:e]) or any(
        o.start == s and o.end == e and o.entity == E.LOCATION and o.detectors != _NER for o in detections)


def _lists_of_places(text: str, detections: list[Detection]) -> list[Detection]:
    """Split and retype the NER's guesses inside a list that names a known place."""
    out = list(detections)
    for m in _LIST.finditer(text):
        members = [(x.start(), x.end()) for x in _MEMBER.finditer(text, m.start(), m.end())
                   if x.group(0) not in ("and", "or")]
        if any(text[s:e].split()[0].lower().rstrip(".") in _TITLES for s, e in members):
            continue  # 'Ms Fell, Morecambe and ...': a person may stand in a list of places
        if not any(_known_place(text, s, e, out) for s, e in members):
            continue
        inside = [d for d in out if m.start() <= d.start and d.end <= m.end()]
        guesses = [d for d in inside if _guess(d)]
        if not guesses or any(not _guess(d) and d.entity != E.LOCATION for d in inside):
            continue
        covered = [(s, e) for s, e in members if any(g.start <= s and e <= g.end for g in guesses)]
        out = [d for d in out if d not in guesses]
        out += [replace(guesses[0], start=s, end=e, entity=E.LOCATION) for s, e in covered
                if not any(d.start == s and d.end == e for d in out)]
    return sorted(out, key=lambda d: (d.start, -d.end))


def places_by_context(text: str, detections: list[Detection]) -> list[Detection]:
    """The NER's persons and organisations the words round them show are places (decide/origins.py too)."""
    detections = places_before_countries(text, detections)
    ends = _institution_ends(text, detections)
    out = [replace(d, entity=E.LOCATION)
           if _guess(d) and (_after_institution(text, d, ends) or _before_facility(text, d) or _after_dwelling_in(text, d)
                             or _lone_word_after_preposition(text, d) or _a_street(text, d))
           else d
           for d in detections]
    return _lists_of_places(text, out)
