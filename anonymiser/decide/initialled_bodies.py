"""A body's initials before its agency words: 'BSW Integrated Care Board', 'BCP Council', 'BSW ICB'.

Initials that open a run of capitalised agency words ending in an agency head word
(models/vocabulary/agency_words.txt) are the body's own, an agency's name kept whole, not a person's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import vocabulary

INITIALS = re.compile(r"[A-Z]{2,5}")
_WORD = re.compile(r"[ \t]+([A-Z][\w'’]*)")


@lru_cache(maxsize=1)
def _agency_words() -> tuple[frozenset[str], frozenset[str]]:
    """(every agency word, the head words), as written."""
    labelled = vocabulary.labelled("agency_words")
    return frozenset(labelled), frozenset(w for w, labels in labelled.items() if "head" in labels)


def agency_after(text: str, end: int) -> bool:
    """Whether agency words ending in a head word follow `end` directly ('... Integrated Care Board')."""
    words, heads = _agency_words()
    last_head = False
    while (m := _WORD.match(text, end)) is not None and m.group(1) in words:
        last_head, end = m.group(1) in heads, m.end()
    return last_head


def initialled_body(words: list[str]) -> bool:
    """'BSW', 'Integrated', 'Care', 'Board': initials, then agency words only, the last a head."""
    agency, heads = _agency_words()
    return (len(words) >= 2 and INITIALS.fullmatch(words[0]) is not None
            and all(w in agency for w in words[1:]) and words[-1] in heads)
