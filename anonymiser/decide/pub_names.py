"""Pubs named in common words: 'Father drank most evenings at the Red Lion' -> 'at the pub'.

A pub's name is made of everyday words in capitals ('the Plough', 'the Coach and Horses', 'The Fox and
Hounds'), which no name list, NER or residue scan explains as a name, yet it locates the family. In a
sentence that speaks of drinking out (models/vocabulary/drinking_cues.txt), one to three capitalised
words, perhaps joined by 'and', right after 'at the', 'in the', 'outside the' or 'from the' are a pub's
name, and the name goes as 'the pub' wherever the text writes it again after 'the'. A word of a body, a
building, a workplace, a review's parts, a role or a time ('Court', 'Station', 'Panel', 'Chair',
'Evening': the vocabulary lists in `_NOT_PUB`) or a place in them make it something else, left to the
other rules.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.places import is_place
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta

DETECTOR = "PubName"
_GUESSES = frozenset({"SpacyRecognizer", "PlaceContextRecognizer"})
_CUES = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.entries('drinking_cues'))})\b", re.I)
_CAP = r"[A-Z][a-z]+(?:['’]s)?"
_NAME = rf"{_CAP}(?:[ \t]+(?:and[ \t]+|&[ \t]+)?{_CAP}){{0,2}}"
_AFTER_THE = re.compile(rf"\b(?:at|in|outside|from)[ \t]+(?:the|The)[ \t]+(?P<name>{_NAME})(?![\w'’-])")
_SENTENCE = re.compile(r"[^.!?\n]+")
# Words of a body, a building, a place of work, a review's own parts or a time ('the Panel', 'the Review',
# 'the Chair', 'the Station', 'the Job Centre', 'the Evening'), each word of those lists' entries.
_NOT_PUB = frozenset(w for e in vocabulary.words(
    "generic_institution_words", "facility_words", "dwelling_words", "building_words", "workplace_words",
    "organisation_words", "agency_words", "local_organisation_words") for w in e.split())
# Alone, a role, a review's part or a time is no pub; in a longer name it may be ('the Coach and Horses').
_NOT_PUB_ALONE = frozenset(w for e in vocabulary.words("document_parts", "time_words", "professional_roles", "label_words")
                           for w in e.split())


def _a_pub_name(name: str) -> bool:
    """Words no name list knows as a name (a pub is named in everyday words), none a body's or a building's, and no place."""
    words = [w for w in re.findall(r"[A-Za-z]+", re.sub(r"['’]s\b", "", name)) if w != "and"]
    if len(words) == 1 and words[0].lower() in _NOT_PUB_ALONE:
        return False
    return bool(words) and not is_place(name) and all(
        word_class(w) is not WordClass.PROPER and w.lower() not in _NOT_PUB for w in words)


def pub_names(text: str, detections: list[Detection]) -> list[Detection]:
    """Each pub name a drinking sentence writes after 'at the', and that name again after 'the', where
    no surer detection than a guess is."""
    names: set[str] = set()
    for sentence in _SENTENCE.finditer(text):
        if _CUES.search(sentence.group(0)):
            names.update(m.group("name") for m in _AFTER_THE.finditer(sentence.group(0)) if _a_pub_name(m.group("name")))
    if not names:
        return []
    # what the NER or a place's context alone guessed there gives way (decide/local_organisations.with_found)
    taken = [(d.start, d.end) for d in detections if not set(d.detectors) <= _GUESSES]
    found = []
    for name in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"(?<=\b[Tt]he[ \t]){re.escape(name)}(?![\w'’-]|[ \t]+[A-Z])", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append(Detection(m.start(), m.end(), E.ORGANISATION, 0.6, (DETECTOR,),
                                       meta=DetectionMeta(local_kind="the pub")))
                taken.append((m.start(), m.end()))
    return found
