"""'Fenwick's told the review': a firm called by its founder's name in the possessive, as British
speech names a business ('J. R. Fenwick & Sons Haulage Ltd' -> 'Fenwick's'), is that firm.

The name word is the first of the firm's name after any initials, and only where it is no English
word, no place and not a saint's or a compass point's; a title or a capitalised word right before it
('Mr Fenwick's', 'Dan Fenwick's') makes it a person's. Where a noun follows ('Fenwick's yard') the
possessive stays outside the mention, so it reads 'the employer's yard'; before a verb, a small
word or the clause's end ('Fenwick's told', 'with Fenwick's.') it goes with it: 'the employer told'.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.places import is_place
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta

DETECTOR = "FirmPossessive"
SCORE = 0.6
_INITIAL = re.compile(r"[A-Z]\.?")
_NOT_NAMES = vocabulary.lower(vocabulary.entries("compass_words")) | {"st", "saint", "the"}
_BEFORE = re.compile(rf"(?:\b(?P<title>{vocabulary.alternation(vocabulary.TITLE_WORDS)})\.?|(?P<word>[A-Z][\w'’-]*))[ \t]+$")
_VERBS = vocabulary.words("person_verbs", "record_verbs")
_SMALL = vocabulary.words("determiners", "pronouns") | {"and", "or", "but", "to", "was", "had", "has", "is",
                                                        "were", "would", "could", "did", "said", "meant"}
_GUESSES = frozenset({"SpacyRecognizer", "PlaceContextRecognizer"})  # what the words round it suggested
_NEXT = re.compile(r"[ \t]+([a-z][\w'’-]*)")


def _name_word(name: str) -> str | None:
    """'Fenwick' of 'J. R. Fenwick & Sons Haulage Ltd'; None where the first word is a word or a place."""
    words = [w for w in name.split() if not _INITIAL.fullmatch(w)]
    first = words[0] if words else ""
    if len(words) < 2 or not first[:1].isupper() or first.lower() in _NOT_NAMES or not first.isalpha():
        return None
    if word_class(first) in (WordClass.COMMON, WordClass.BOTH) or is_place(first):
        return None
    return first


def _a_persons(text: str, start: int) -> bool:
    """A title or a first name right before: 'Mr Fenwick's', 'Dan Fenwick's' (not 'At Fenwick's')."""
    m = _BEFORE.search(text, max(0, start - 30), start)
    return m is not None and (m.group("title") is not None or word_class(m.group("word")) not in (WordClass.COMMON, WordClass.BOTH))


def _noun_after(text: str, end: int) -> bool:
    m = _NEXT.match(text, end)
    if m is None:
        return False
    word = m.group(1).lower()
    return word not in _VERBS and word not in _SMALL and not word.endswith("ed")


def firm_possessives(text: str, detections: list[Detection]) -> list[Detection]:
    """The possessive mentions of each named local organisation's founder word, as that organisation."""
    kinds: dict[str, str] = {}
    for d in detections:
        if d.entity == E.ORGANISATION and d.meta.local_kind and not d.from_register:
            word = _name_word(text[d.start:d.end])
            if word is not None:
                kinds.setdefault(word, d.meta.local_kind)
    found: list[Detection] = []
    for word, kind in kinds.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}['’]s?(?![\w'’-])", text):
            if _a_persons(text, m.start()) or any(d.start < m.end() and m.start() < d.end and d.entity != E.PERSON
                                                 and not set(d.detectors) <= _GUESSES for d in detections):
                continue  # 'Mr Fenwick's', 'Dan Fenwick's': a person's; or found as something else already
            end = m.start() + len(word) if _noun_after(text, m.end()) else m.end()
            found.append(Detection(m.start(), end, E.ORGANISATION, SCORE, (DETECTOR,), meta=DetectionMeta(local_kind=kind)))
    return found
