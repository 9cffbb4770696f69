"""A pet's name the draft says is a pet's, found wherever it is written.

'Biscuit is the family's dog', 'a cat called Pip': the name identifies the family to anyone who knows
them, and is no person to label; it may be an English word no detector takes for a name. Every
capitalised mention of it becomes a person detection marked with the pet's noun (models/vocabulary/
pet_words.txt), which the person action writes as 'the dog' (decide/actions.py)."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta

DETECTOR = "pet-name"
_PET = vocabulary.alternation(vocabulary.entries("pet_words"))
_NAME = r"(?P<name>[A-Z][a-z][\w'’-]*)"
_SAID = (
    # 'Biscuit is the family's dog', 'Pip was their cat'
    re.compile(rf"(?<![\w'’-]){_NAME}[ \t]+(?:is|was)[ \t]+(?:(?i:the|a|an|their|his|her|its|our)|[A-Z][\w'’-]*['’]s?)"
               rf"[ \t]+(?:[\w'’-]+[ \t]+){{0,2}}?(?P<pet>{_PET})(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:and|who|which|that)\b)"),
    # 'a dog called Biscuit', 'their cat named "Pip"'
    re.compile(rf"(?<![\w'’-])(?P<pet>{_PET})s?[ \t]+(?:called|named)[ \t]+[\"“‘']?{_NAME}(?![\w-])"),
)
_NOT_NAMES = vocabulary.SENTENCE_STARTERS
_GUESSES = frozenset({"SpacyRecognizer", "propagation"})


def pet_names(text: str, detections: list[Detection]) -> list[Detection]:
    """The detections with a person detection at every capitalised mention of each pet's name the text
    gives; the NER's guesses there ('Biscuit' as an organisation) give way, anything surer stays."""
    pets: dict[str, str] = {}
    for pattern in _SAID:
        for m in pattern.finditer(text):
            if m.group("name").lower() not in _NOT_NAMES:
                pets.setdefault(m.group("name"), m.group("pet").lower())
    if not pets:
        return detections
    found = [Detection(m.start(), m.end(), E.PERSON, 0.85, (DETECTOR,), meta=DetectionMeta(pet=pet))
             for name, pet in pets.items()
             for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text)]
    guesses = [d for d in detections if set(d.detectors) <= _GUESSES and any(
        f.start < d.end and d.start < f.end for f in found)]
    kept = [d for d in detections if d not in guesses]
    return kept + [f for f in found if not any(d.start < f.end and f.start < d.end for d in kept)]
