"""A date cut to its month is no longer a day: 'to 12 January 2022, the date on which he was
arrested' reads 'to January 2022, when he was arrested', not 'January 2022, the date on which'."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement

_MONTH_END = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.MONTHS)})(?:\s+\d{{4}})?$", re.I)
# The apposition that names the date as one day: ', the date on which', ', the day when', ', the day that'.
_DAY_APPOSITION = re.compile(r",[ \t]+the[ \t]+(?:date|day)[ \t]+(?:on[ \t]+which|when|that)\b", re.I)


def day_appositions(text: str, reps: list[Replacement]) -> list[Replacement]:
    """Each 'the date on which' after a date cut to its month as 'when'."""
    changed = []
    for i, r in enumerate(reps):
        if r.entity != E.DATE or not _MONTH_END.search(r.replacement):
            continue
        m = _DAY_APPOSITION.match(text, r.end)
        limit = reps[i + 1].start if i + 1 < len(reps) else len(text)
        if m is None or m.end() > limit:
            continue
        r.end, r.replacement = m.end(), r.replacement + ", when"
        r.original = text[r.start:r.end]
        changed.append(r)
    return changed
