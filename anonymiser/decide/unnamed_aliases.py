"""Nicknames of people the draft names by nothing else: 'One of the men, known as "Viper", drove'.

A quoted name that 'known as', 'called' or 'nicknamed' gives to a word for a person (person_cues.txt
'noun': 'man', 'males', 'a friend') is that person's name, though no proper name stands with it and no
name list knows it: it is found there, and decide.alias_names finds it at every other mention, so each
takes one letter label ('Adult G'). The review's own names ('referred to in this review as "R"') are not
nicknames (decide.alias_names).
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.aliases import WHERE_KNOWN

NICKNAME_PHRASE = "nickname-phrase"  # the detector name of a nickname found after its phrase
_NOUN_WORDS = vocabulary.having("person_cues", "noun")
# The plural too: 'males', 'men', 'women' ('One of the men, known as "Ghost"').
_NOUNS = vocabulary.alternation([*_NOUN_WORDS, *(w[:-3] + "men" for w in _NOUN_WORDS if w.endswith("man"))])
_FAMILY = vocabulary.lower(vocabulary.FAMILY_WORDS)
_IN_REVIEW = re.compile(r"\b(?:review|report|publication|document)\b", re.I)
_NICKNAME = re.compile(
    rf"(?<![\w'’-])(?:{_NOUNS})s?(?![\w'’-])(?:[ \t]+[a-z][\w'’-]*){{0,3}}?[ \t]*,?[ \t]*"
    r"(?:(?:who|whom)[ \t]+(?:is|was|were|are)[ \t]+)?"
    rf"(?:(?:known|referred[ \t]+to)(?:[ \t]+[a-z]+ly)?(?:[ \t]+{WHERE_KNOWN}[ \t]+[^,.;:()\n\"“]{{1,40}}?)?[ \t]+as|called|nicknamed|named)"
    r"[ \t]+[\"“‘'](?P<alias>[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){0,2})[\"”’']", re.I)


def unnamed_aliases(text: str, detections: list[Detection]) -> list[Detection]:
    """A PERSON detection for each quoted nickname given to a person the draft does not otherwise name
    there, unless something found already holds it (a name, or what a pattern or the register vouches for)."""
    found: list[Detection] = []
    for m in _NICKNAME.finditer(text):
        s, e = m.span("alias")
        if not m.group("alias")[:1].isupper() or _IN_REVIEW.search(m.group(0)) \
                or m.group("alias").lower() in _FAMILY:
            continue  # 'known in this review as "R"' is the review's name, 'known to him as "Uncle"' a role
        if any(o.start < e and s < o.end and (o.entity == E.PERSON or not _guess(o)) for o in detections):
            continue
        found.append(Detection(s, e, E.PERSON, 0.7, (NICKNAME_PHRASE,)))
    return found


def _guess(d: Detection) -> bool:
    """The NER's reading, or that reading found again: the phrase of naming outranks both."""
    return all(x in ("SpacyRecognizer", "propagation") for x in d.detectors)


def without_other_readings(text: str, detections: list[Detection], nicknames: list[Detection]) -> list[Detection]:
    """`detections` less the NER's other readings of each nickname ('Viper' as an organisation), wherever
    written, so the nickname is found at every mention."""
    names = {text[n.start:n.end] for n in nicknames}
    return [d for d in detections if not (_guess(d) and d.entity != E.PERSON and text[d.start:d.end] in names)
            and not any(d.start < n.end and n.start < d.end for n in nicknames)]
