"""'Mr and Mrs Hetherington': two people, the first named only by the title the surname shares."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.core.register import Register

_TITLE = vocabulary.alternation(vocabulary.titles("female", "male", "neutral"))
# 'Mr and Mrs Hetherington', 'Mrs & Mr Qureshi': a title, 'and', and a titled surname.
_COUPLE = re.compile(rf"\b(?P<first>{_TITLE})\.?(?P<joint>[ \t]+(?:and|&)[ \t]+)(?:{_TITLE})\.?[ \t]+(?P<surname>[A-Z][\w'’-]+)")


def _gender(title: str) -> str | None:
    low = title.lower().rstrip(".")
    return "female" if low in vocabulary.FEMALE_TITLES else "male" if low in vocabulary.MALE_TITLES else None


def couples(text: str, detections: list[Detection], register: Register) -> list[Detection]:
    """The first title of 'Mr and Mrs Hetherington', where 'Mrs Hetherington' is found as a person,
    is the register's one person of that surname and that title's gender ('Foster Carer 2 and Foster
    Carer 1', never 'Mr and Foster Carer 1')."""
    people = {(d.start, d.end) for d in detections if d.entity == E.PERSON}
    starts = {s for s, _ in people}
    taken = [(d.start, d.end) for d in detections]
    out = list(detections)
    for m in _COUPLE.finditer(text):
        second = m.start("joint") + len(m.group("joint"))
        if second not in starts or any(s < m.end("first") and m.start("first") < e for s, e in taken):
            continue
        surname, gender = m.group("surname"), _gender(m.group("first"))
        same = [p for p in register.people if p.surname == surname and (gender is None or p.gender == gender)]
        if len(same) == 1:  # someone no register holds is left: grouping tells no Mr from a Mrs yet
            key = same[0].key
            out.append(Detection(m.start("first"), m.end("first"), E.PERSON, 0.85, ("couple",), key,
                                 DetectionMeta(register_person=key, match="exact")))
    return out
