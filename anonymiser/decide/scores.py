"""A 'person' the NER read in a clinical score or a code: 'E2 V2 M4' (a coma scale), 'T4 L1'.

No one's name holds a digit, so a person the NER alone found whose every word holds one names
nobody; it is left to the rules for codes and numbers.
"""

from __future__ import annotations

import re

from anonymiser.core import entities as E
from anonymiser.core.detection import Detection

_TOKEN = re.compile(r"[^\s,;:()]+")


def a_score_not_a_person(d: Detection, span: str) -> bool:
    """Whether `d` is a person the NER alone found in a score or a code ('E2 V2 M4')."""
    tokens = _TOKEN.findall(span)
    return (d.entity == E.PERSON and d.detectors == ("SpacyRecognizer",) and bool(tokens)
            and all(any(c.isdigit() for c in t) for t in tokens))
