"""A kept word that is a word of someone's name, found again where it is that person: 'Mr Jordan
Pearson' ... 'Jordan told the reviewer'.

Propagation never spreads a kept word (a country, a county, a role) on its own, since 'Jordan' is a
country wherever the text says 'refugees from Jordan'. But once a detected name holds the word, a
mention of it alone that a person's verb follows ('Jordan told', 'Kent said', 'Devon had asked') is
the person: no place tells a reviewer anything. Left alone, it would publish the first name of a
person whose surname went.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.propagation import MIN_TOKEN

_FAMILY = vocabulary.lower(vocabulary.FAMILY_WORDS)
_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
# What follows a person as the subject of their verb: 'told', 'had told', 'later said'.
_VERB_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:(?:has|had|then|also|later|herself|himself)[ \t]+)?([a-z]+)")


def _name_words(text: str, d: Detection) -> list[str]:
    """The words of a detected name of two words or more, titles and family words aside."""
    words = [re.sub(r"['’]s?$", "", w) for w in _TOKEN.findall(text[d.start:d.end])]
    words = [w for w in words if w.lower().rstrip(".") not in vocabulary.NAME_TITLES]
    if len(words) < 2:
        return []
    return [w for w in words if len(w) >= MIN_TOKEN and w[0].isupper() and not w.isupper() and w.lower() not in _FAMILY]


def kept_name_words(text: str, detections: list[Detection]) -> list[Detection]:
    """New person detections for a word of a detected name found alone where a person's verb follows
    it and no detection covers it: what propagation left, a kept word above all."""
    verbs = vocabulary.words("person_verbs")
    covered = {(d.start, d.end) for d in detections if d.entity == E.PERSON}
    people = [d for d in detections if d.entity == E.PERSON]
    names = [d for d in people if not d.from_register]  # the register matcher finds those itself
    found: list[Detection] = []
    seen: set[str] = set()
    for d in names:
        for word in _name_words(text, d):
            if word in seen:
                continue
            seen.add(word)
            for m in re.finditer(rf"(?<![\w'’@/-]){re.escape(word)}(?![\w@/-])", text):
                verb = _VERB_AFTER.match(text, m.end())
                if verb is None or verb.group(1) not in verbs or (m.start(), m.end()) in covered:
                    continue
                if any(p.start <= m.start() and m.end() <= p.end for p in people):
                    continue  # inside the name itself, or another name
                covered.add((m.start(), m.end()))
                found.append(replace(d, start=m.start(), end=m.end(), detectors=("propagation",),
                                     meta=DetectionMeta(professional=d.meta.professional, propagated_from=word),
                                     score=max(d.score, 0.7)))
    return found


__all__ = ["kept_name_words"]
