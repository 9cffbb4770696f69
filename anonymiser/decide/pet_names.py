"""A pet's name the draft says is a pet's, found wherever it is written.

'Biscuit is the family's dog', 'their cat called Pip': the name identifies the family to anyone who
knows them, and is no person to label; it may be an English word no detector takes for a name. Every
capitalised mention of it standing alone (no other capitalised word joined to it: 'Willow Bank Park'
and 'Jolene Bailey' are other names) becomes a person detection marked with the pet's noun
(models/vocabulary/pet_words.txt), which the person action writes as 'the dog' (decide/actions.py).
Whose pet it is must be written ('their', 'the family's'): 'Dean was a snake' names no pet. A name
the gazetteer knows as a place, or that a surer detector found as a person, is no pet's."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.config.places import is_place
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.wording import PET

DETECTOR = "pet-name"
_NAME = r"(?P<name>[A-Z][a-z][\w'’-]*)"
_OWNER = r"(?:(?i:their|his|her|its|our|my)|(?i:the[ \t]+)?[A-Za-z][\w'’-]*['’]s?)"
_SAID = (
    # 'Biscuit is the family's dog', 'Pip was their cat'
    re.compile(rf"(?<![\w'’-]){_NAME}[ \t]+(?:is|was)[ \t]+{_OWNER}"
               rf"[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}?(?P<pet>{PET})(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:and|who|which|that)\b)"),
    # 'their dog called Biscuit', "the family's cat named "Pip""
    re.compile(rf"(?<![\w'’-]){_OWNER}[ \t]+(?:[\w'’-]+[ \t]+)?(?P<pet>{PET})s?[ \t]+(?:called|named)[ \t]+"
               rf"[\"“‘']?{_NAME}(?![\w-])"),
)
_NOT_NAMES = vocabulary.SENTENCE_STARTERS
_GUESSES = frozenset({"SpacyRecognizer", "propagation"})
# Another capitalised word joined to the mention: 'Willow Bank Park', 'Jolene Bailey', 'Duke of Edinburgh'.
# A word that opens its sentence ('Later Biscuit barked') is no part of a name.
_JOINED_BEFORE = re.compile(r"(?<![.!?:\n\"“‘(]\s)(?<![.!?:\n\"“‘(])(?<!^)\b[A-Z][\w'’-]*[ \t]+(?:of[ \t]+)?$")
_JOINED_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:of[ \t]+)?[A-Z]")


def pet_names(text: str, detections: list[Detection]) -> list[Detection]:
    """The detections with a person detection at every capitalised mention of each pet's name the text
    gives; the NER's guess of exactly that word ('Biscuit' as an organisation) gives way, anything
    longer or surer stays."""
    pets: dict[str, str] = {}
    for pattern in _SAID:
        for m in pattern.finditer(text):
            name = m.group("name")
            if name.lower() not in _NOT_NAMES and not is_place(name):
                pets.setdefault(name, m.group("pet").lower())
    people = {text[d.start:d.end] for d in detections if d.entity == E.PERSON and not set(d.detectors) <= _GUESSES}
    found = [Detection(m.start(), m.end(), E.PERSON, 0.85, (DETECTOR,), meta=DetectionMeta(pet=pet))
             for name, pet in pets.items() if not any(name in p.split() for p in people)
             for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text)
             if not _JOINED_BEFORE.search(text, max(0, m.start() - 40), m.start()) and not _JOINED_AFTER.match(text, m.end())]
    if not found:
        return detections
    spans = {(f.start, f.end) for f in found}
    kept = [d for d in detections if not (set(d.detectors) <= _GUESSES and (d.start, d.end) in spans)]
    return kept + [f for f in found if not any(d.start < f.end and f.start < d.end for d in kept)]
