"""A kept place's name that is someone's first name, where the draft shows it is a person: 'She met
Jordan at the park. Jordan said he was 19', 'her friend Georgia', "Devon's mother".

A country, county or region the profile keeps ('Jordan', 'Georgia', 'Tyrone', 'Devon') is dropped
from every detection by the kept-phrase layer, so a young man of that name would be published. The
word is that person at every mention but where a word of where stands before it ('in Jordan', 'the
Government of Georgia', 'came from Jordan', 'Omagh, Tyrone'), when:
- the draft names someone in full with it ('Jordan Pike'); then what is sent or heard 'from Jordan'
  (a message, a call) is from the person;
- or one mention carries a person's evidence: a role or family word before it, an apposition such as
  ', a neighbour', a possessive before a person word, or a person's verb right after it
  (models/vocabulary/person_verbs.txt), unless the draft writes the word as a place somewhere too,
  since a state 'said' and 'stated' as well.
A word no first-name list knows ('Turkey', 'Leeds') is never read so; the names of kept places that
are given names too are models/names/place_first_names.txt.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.config.data import load_list
from anonymiser.config.names import is_first_name
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.person_evidence import evidence_person, role_words

RULE = "kept-place-name"
_VERBS = vocabulary.alternation(vocabulary.entries("person_verbs"))
_VERB_AFTER = re.compile(rf"(?:['’]s)?[ \t]+(?:(?:has|had|then|also|later|herself|himself)[ \t]+)?(?:{_VERBS})\b")
_NOUNS = vocabulary.alternation(tuple(role_words()) + vocabulary.having("person_cues", "noun"))
_ROLE_BEFORE = re.compile(rf"\b(?:{_NOUNS})[ \t]*,?[ \t]*$", re.I)
_APPOSITION = re.compile(rf"[ \t]*,[ \t]*(?:a|an|the|his|her|their)[ \t]+(?:[\w'’-]+[ \t]+){{0,3}}?(?:{_NOUNS})\b", re.I)
_POSSESSIVE_PERSON = re.compile(rf"['’]s[ \t]+(?:[\w-]+[ \t]+)?(?:{_NOUNS})\b", re.I)
# Where a place is: 'in', 'from', 'of' ('the Government of Georgia'), 'County Tyrone', 'Omagh, Tyrone'. Not
# 'to' or 'at', which people are spoken to and shouted at with.
_WHERE_BEFORE = re.compile(
    r"(?:\b(?:in|into|from|of|across|around|near|outside|throughout|within|via|County|Co\.?)|\b[A-Z][\w'’-]*,)[ \t]+$")
# What someone is sent or heard from: 'a message from Jordan', 'heard nothing from Jordan'.
_FROM_SOMEONE = re.compile(
    r"\b(?:messages?|texts?|calls?|letters?|e-?mails?|notes?|cards?|money|visits?|heard|received|got)\b[^.;:\n]{0,30}?\bfrom[ \t]+$", re.I)
_WORD = re.compile(r"[A-Z][a-z]+")
# The name lists leave out a name that is a kept place's ('Jordan'): models/names/place_first_names.txt.
_PLACE_FIRST_NAMES = frozenset(load_list("names", "place_first_names"))


def _evidence(text: str, s: int, e: int, verbs: bool) -> bool:
    line_start = text.rfind("\n", 0, s) + 1
    before = text[max(0, s - 40, line_start):s]
    return bool((verbs and _VERB_AFTER.match(text, e)) or _APPOSITION.match(text, e)
                or _POSSESSIVE_PERSON.match(text, e) or (_ROLE_BEFORE.search(before) and not before.rstrip().endswith(".")))


def first_names_kept_as_places(text: str, place_spans: frozenset[tuple[int, int]],
                               detections: list[Detection]) -> list[Detection]:
    """People whose first name is a kept place's, at each mention outside a place's context that no
    person detection holds already."""
    people = [(d.start, d.end) for d in detections if d.entity == E.PERSON]
    mentions: dict[str, list[tuple[int, int]]] = {}
    for s, e in sorted(place_spans):
        if any(a < e and s < b for a, b in people):
            continue
        word = text[s:e]
        if _WORD.fullmatch(word) and (word in _PLACE_FIRST_NAMES or is_first_name(word)):
            mentions.setdefault(word, []).append((s, e))
    # 'Jordan' of 'Jordan Pike': the first name of a detected person's full name
    firsts = {words[0] for d in detections if d.entity == E.PERSON
              and len(words := _WORD.findall(text[d.start:d.end])) >= 2}
    out: list[Detection] = []
    for word, spans in mentions.items():
        usable = [(s, e) for s, e in spans if not _WHERE_BEFORE.search(text, max(0, s - 12), s)
                  or (word in firsts and _FROM_SOMEONE.search(text, max(0, s - 60), s))]
        # where the draft also writes it as a place, a verb alone is no evidence: a state says and states
        verbs = len(usable) == len(spans)
        if word in firsts or any(_evidence(text, s, e, verbs) for s, e in usable):
            out += [evidence_person(s, e, RULE) for s, e in usable]
    return out
