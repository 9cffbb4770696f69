"""Acronyms a draft defines, kept wherever what they stand for is kept.

- 'Discharge to Assess (DTA)': the words before the bracket spell its capitals;
- a glossary line, 'DGT<tab>Dartford and Gravesham NHS Trust' (decide/glossary.py).

An acronym whose expansion is a kept phrase or common words only is kept at every mention: 'DGT' in a
chronology's agency column is the trust, not someone's initials.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anonymiser.decide.glossary import glossary_entries
from anonymiser.decide.shapes import common_words_only, expansion_start

_BRACKETED = re.compile(r"\(([A-Z][A-Za-z&]{1,7})\)")


def defined_acronym_spans(text: str, kept_inside: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Every mention of each acronym whose defining expansion `kept_inside` keeps, or that is common words."""
    kept: set[str] = set()
    for m in _BRACKETED.finditer(text):
        acronym = m.group(1)
        if sum(c.isupper() for c in acronym) < 2 or acronym in kept:
            continue
        start = expansion_start(text, m.start(), acronym)
        if start is None:
            continue
        before = text[start:m.start()]
        s, e = start, start + len(before.rstrip(" ‘’'\"“”"))
        if kept_inside(s, e) or common_words_only(text[s:e]):
            kept.add(acronym)
    for m in glossary_entries(text):
        acronym, (s, e) = m.group("acronym"), m.span("expansion")
        if acronym not in kept and (kept_inside(s, e) or common_words_only(text[s:e])):
            kept.add(acronym)
    return [(m.start(), m.end()) for acronym in kept
            for m in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?:['’]?s)?(?![\w-])", text)]
