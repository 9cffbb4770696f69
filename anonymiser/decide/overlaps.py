"""Resolve overlapping detections so every character is decided once."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.config.lexicon import overlapping
from anonymiser.config.names import is_first_name, only_a_word
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.date_edges import without_numbered_lead
from anonymiser.decide.keep import FUNCTION_WORDS
from anonymiser.decide.residue_scan import acronyms
from anonymiser.detect.date_parsing import month_year, parse_uk_date
from anonymiser.detect.recognizers.house_numbers import NAME as HOUSE_NUMBER

_WORD = re.compile(r"\w+")

# When two detections overlap, the more trustworthy kind wins the overlap.
PRIORITY = {
    # An email or handle often contains a name: the whole code goes, not just the name in it.
    E.EMAIL_ADDRESS: 110, E.URL: 109, E.SOCIAL_MEDIA_HANDLE: 108,
    # A reviewer's addition is their reading of those words: it beats what the machine found in them.
    "reviewer": 105,
    "register": 100,
    E.DATE_OF_BIRTH: 95,
    E.NHS_NUMBER: 90, E.NI_NUMBER: 90, E.PHONE_NUMBER: 86,
    E.POSTCODE: 85, E.VEHICLE_REGISTRATION: 83, E.REFERENCE_NUMBER: 82,
    E.ADDRESS: 80,
    E.SCHOOL: 70, E.NURSERY: 70, E.GP_PRACTICE: 70, E.HOSPITAL_WARD: 70,
    E.PERSON: 60,
    E.DATE: 55,
    E.LOCATION: 40,
    E.ORGANISATION: 30,
    E.DEMOGRAPHIC: 20,
    E.QUANTITY: 10,
}


# A named court or prison holds a place name ('Sheffield Crown Court'): the whole name outranks
# the place inside it, as a named school does.
# A house by its number ('outside No. 7') is that whole: its number is no reference inside it.
RECOGNIZER_PRIORITY = {"CourtsPrisonsRecognizer": PRIORITY[E.SCHOOL], HOUSE_NUMBER: PRIORITY[E.REFERENCE_NUMBER] + 1}


def _rank(d: Detection) -> tuple:
    base = max([PRIORITY.get(d.entity, 0)] + [RECOGNIZER_PRIORITY.get(n, 0) for n in d.detectors])
    if d.from_register:
        # A one-edit guess ('Hollin' for Hollis) must not break up a named school or a street
        # ('Hollin Brook Primary'), which the institution and address detectors see whole.
        base = max(base, PRIORITY[E.PERSON] + 1 if d.meta.match == "fuzzy" else PRIORITY["register"])
    if d.entity == E.REFERENCE_NUMBER and "CaseRegister" in d.detectors:
        base = max(base, PRIORITY["register"])  # the register's own reference, whole: no NI number inside it
    if d.meta.reviewer:
        base = max(base, PRIORITY["reviewer"])
    if d.meta.local_kind:
        # A named church, mosque or club is an institution, as a named school is: it outranks the
        # street pattern that read 'Jamia Masjid Ghausia on Stanton Road' as one address.
        base = max(base, PRIORITY[E.SCHOOL])
    if d.meta.address_town:
        # The town of an address named again ('in March', 'in Thornton Heath'): a place, not the
        # bare month or the person a NER saw there.
        base = max(base, PRIORITY[E.PERSON] + 1)
    return (base, d.score, d.end - d.start)


# Kinds whose overlapping detections are one thing, taken whole.
_JOINED_KINDS = (E.DATE, E.DATE_OF_BIRTH, E.LOCATION)


def join_same_kind(detections: list[Detection], text: str = "") -> list[Detection]:
    """Overlapping dates are one date, whole: the NER's 'November' inside the pattern's '5 November'
    scores higher, and winning alone it would leave the day showing beside the month it keeps. So are
    overlapping places: an address's town found again ('Normanton') inside a street ('Normanton
    Road') would leave 'Road' to read '[place] [place]'."""
    detections = [without_numbered_lead(text, d) if d.entity == E.DATE else d for d in detections] if text else detections
    joined: dict[int, Detection] = {}  # id of each date or place -> the one it now stands in
    groups: list[list[Detection]] = []
    # so is a body of one kind two detectors saw ('the Norfolk and Norwich University Hospital' and the
    # NER's 'Norwich University Hospital'): cut in two it would read 'the hospital and another hospital'
    kinds = [(k, None) for k in _JOINED_KINDS] + sorted({(E.ORGANISATION, d.meta.local_kind) for d in detections
                                                         if d.entity == E.ORGANISATION and d.meta.local_kind})
    for kind, local in kinds:
        for d in sorted((d for d in detections if d.entity == kind and d.meta.local_kind == local
                         and not (local and d.from_register)), key=lambda d: (d.start, -d.end)):
            if groups and groups[-1][0].entity == kind and groups[-1][0].meta.local_kind == local \
                    and d.start < max(g.end for g in groups[-1]):
                groups[-1].append(d)
            else:
                groups.append([d])
    for group in groups:
        if len(group) > 1:
            best = max(group, key=_rank)
            start, end = min(g.start for g in group), max(g.end for g in group)
            whole = best if (best.start, best.end) == (start, end) else replace(best, start=start, end=end,
                            detectors=tuple(dict.fromkeys(n for g in group for n in g.detectors)))
            for g in group:
                joined[id(g)] = whole
    if not joined:
        return detections
    out: list[Detection] = []
    placed: set[int] = set()
    for d in detections:
        if id(d) not in joined:
            out.append(d)
        elif id(joined[id(d)]) not in placed:
            placed.add(id(joined[id(d)]))
            out.append(joined[id(d)])
    return out


_LIST_JOINT = re.compile(r",[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")


def _without_date_lists(detections: list[Detection], text: str) -> list[Detection]:
    """'on 23 November 2023, 11/12/2023 and ...', which the NER read as one date: each date of the list is
    its own ('November 2023, December 2023'), where every piece reads as a date."""
    out: list[Detection] = []
    for d in detections:
        pieces = []
        if d.entity == E.DATE and d.detectors == ("SpacyRecognizer",) and _LIST_JOINT.search(text, d.start, d.end):
            pos = d.start
            for m in [*_LIST_JOINT.finditer(text, d.start, d.end), None]:
                pieces.append((pos, m.start() if m else d.end))
                pos = m.end() if m else pos
        if len(pieces) > 1 and all(parse_uk_date(text[s:e]) is not None and month_year(text[s:e]) for s, e in pieces):
            out.extend(replace(d, start=s, end=e) for s, e in pieces)
        else:
            out.append(d)
    return out


def resolve(detections: list[Detection], text: str) -> list[Detection]:
    """Keep the best detection for each character; a loser keeps whatever it covers alone."""
    detections = join_same_kind(_without_date_lists(detections, text), text)
    accepted: list[Detection] = []
    taken: list[tuple[int, int]] = []  # accepted spans, sorted and disjoint, for overlap look-ups
    for d in sorted(detections, key=_rank, reverse=True):
        pieces = []
        pos = d.start
        for a_start, a_end in overlapping(taken, d.start, d.end):
            if a_start > pos:
                pieces.append((pos, a_start))
            pos = max(pos, a_end)
        if pos < d.end:
            pieces.append((pos, d.end))
        for s, e in pieces:
            # a reviewer's whole addition stays as they wrote it ('£40')
            if not (d.meta.reviewer and (s, e) == (d.start, d.end)):
                # trim spaces and punctuation left over at the edges of a cut piece
                # A '+' before digits is part of the number ('+44 7700 900123'), not punctuation.
                # An '@' before a handle is part of it too ('@amara_k').
                while s < e and not text[s].isalnum() and not (text[s] == "+" and text[s + 1:s + 2].isdigit()) \
                        and not (text[s] == "@" and d.entity == E.SOCIAL_MEDIA_HANDLE):
                    s += 1
                while e > s and not text[e - 1].isalnum():
                    e -= 1
                if (s, e) != (d.start, d.end) and d.entity != E.PERSON and not E.ENTITY_TYPES[d.entity].structured:
                    s, e = _without_edge_words(text, s, e)
            if d.entity == E.PERSON and (s, e) != (d.start, d.end) and _no_name_left(text[s:e], before=e < d.end):
                continue  # 'Mr' or 'TEL' left over when the name beside it went to the register
            if e - s >= 2 or (e > s and (s, e) == (d.start, d.end)):
                accepted.append(d if (s, e) == (d.start, d.end) else _piece(d, s, e, text))
                bisect.insort(taken, (s, e))
    return sorted(accepted, key=lambda d: d.start)


def _without_edge_words(text: str, s: int, e: int) -> tuple[int, int]:
    """A cut piece without the function words left at its edges: 'Government of the' once 'United
    Kingdom' went, 's Department' once 'Lord Chancellor’' did. They name nothing, and replacing them
    hides nothing more."""
    words = list(_WORD.finditer(text, s, e))
    while words and words[0].group(0).lower() in FUNCTION_WORDS:
        words.pop(0)
    while words and words[-1].group(0).lower() in FUNCTION_WORDS:
        words.pop()
    if not words:
        return s, s
    return words[0].start(), words[-1].end()


def _no_name_left(span: str, before: bool = False) -> bool:
    """What is left of a person once a surer detection took the name: titles ('Mr'), or words the
    lexicon lists only in lower case and the name lists do not know ('TEL' after 'LINDA WHITFIELD',
    'Concerning' before 'Maisie Calloway' in a heading, an acronym before the name ('CSPR'; a 'QC' after it
    is the name's own), a family word such as 'Aunty'; never 'Swan' after 'Jack')."""
    return all(w.lower() in vocabulary.NAME_TITLES or only_a_word(w)
               or (w in acronyms() and (before or w not in _POSTNOMINALS))  # 'Ayaan NHS 996 030 8243'
               or w.lower() in _FAMILY for w in _WORD.findall(span))


_POSTNOMINALS = frozenset(vocabulary.entries("postnominals"))  # 'QC' after a name is the name's own


_FAMILY = vocabulary.lower(vocabulary.FAMILY_WORDS)  # 'Aunty' left of 'Aunty Monika' once the register took 'Monika'


def _piece(d: Detection, s: int, e: int, text: str) -> Detection:
    """What a loser keeps. An organisation or place cut down to one first name the name lists know
    ('Lily' of 'Lily attends St Anne's Church...' once the school took its name) is that person."""
    piece = replace(d, start=s, end=e)
    word = text[s:e]
    if d.entity in (E.ORGANISATION, E.LOCATION) and _WORD.fullmatch(word) and len(word) >= 3 and word[0].isupper() \
            and not word.isupper() and word.lower() not in vocabulary.SENTENCE_STARTERS and is_first_name(word):
        return replace(piece, entity=E.PERSON, meta=replace(d.meta, local_kind=None))
    return piece


def _wrapped(text: str, start: int, end: int, next_start: int) -> bool:
    """The gap from `end` to `next_start` is one line break, and the line before it has words before `start`."""
    if not re.fullmatch(r"[ \t]*\n[ \t]*", text[end:next_start]):
        return False
    line = text[text.rfind("\n", 0, start) + 1:start]
    return bool(re.search(r"[a-z]", line))


def _register_surname_alone(d: Detection) -> bool:
    """The mention is a register person's surname and nothing more ('Brindle' of Kyle Brindle), as the
    register recognizer noted it."""
    return d.meta.surname_alone and d.person == d.meta.register_person


def merge_adjacent_people(detections: list[Detection], text: str) -> list[Detection]:
    """'Amara' + 'Okafer' found separately but side by side for one register person, or two pieces
    of a name no register holds with one space between ('Hope' + 'Banda'), become one mention."""
    out: list[Detection] = []
    for d in detections:
        prev = out[-1] if out else None
        one_register_person = (prev is not None and prev.person is not None and prev.person == d.person
                               and not text[prev.end:d.start].strip() and "\n\n" not in text[prev.end:d.start])
        # 'Hope' + 'Banda' the NER found apart, one space between: one name, one person.
        # A name wrapped at a line's end in running text ('a neighbour, Mrs Comfort' / 'Mensah,
        # called'): the line holds words before it, so it is no list of one name a line.
        one_other_person = (prev is not None and prev.person is None and d.person is None
                            and (text[prev.end:d.start] == " " or _wrapped(text, prev.start, prev.end, d.start)))
        # 'Sérgio' + 'Ferreira', a first name no register holds and the family's surname: someone else
        # of that family (an uncle), one mention, not a letter label beside '[family name]' or 'Father'.
        one_of_the_family = (prev is not None and prev.person is None and text[prev.end:d.start] == " "
                             and (d.meta.register_family or _register_surname_alone(d)))
        if (prev and prev.entity == E.PERSON and d.entity == E.PERSON
                and (one_register_person or one_other_person or one_of_the_family)):
            out[-1] = replace(prev, end=d.end, detectors=tuple(dict.fromkeys(prev.detectors + d.detectors)),
                              score=max(prev.score, d.score))
        else:
            out.append(d)
    return out
