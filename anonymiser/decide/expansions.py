"""An acronym the text spells out without defining it: 'NUH' where it names 'Nottingham University
Hospitals NHS Trust'.

A review often writes a body's full name once and its initials afterwards, with no '(NUH)' between.
The initials are then explained by the full name, and take its decision: where the name is kept, the
acronym is kept; where the name is replaced, nothing explains the acronym and it goes with it.

An expansion is a run of capitalised words, joined only by spaces (and 'of', 'and', 'for', 'the',
'&' inside it), whose first letters, from the run's first word, spell the acronym, and which names
a body: one of its words is an organisation's or agency's word ('Hospitals', 'Trust', 'Council',
models/vocabulary/). A person's name holds none, so a person's initials are never explained so.
The acronym has three letters or more: two capitals are as often a person's initials.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import vocabulary

_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]*(?:(?:[ \t]+(?:of|and|for|the|&))*[ \t]+[A-Z][\w'’-]*)+")
_WORD = re.compile(r"[A-Z][\w'’-]*")
MIN_LETTERS = 3
MAX_LETTERS = 6


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Words that make a capitalised run the name of a body, lower-cased."""
    words = vocabulary.entries("organisation_words", "named_organisation_words", "agency_words")
    return frozenset(w.split(":")[0].strip().lower() for w in words)


def _names_a_body(words: list[str]) -> bool:
    body = _body_words()
    for w in words:
        low = re.sub(r"['’]s?$", "", w.lower())
        if low in body or (low.endswith("s") and low[:-1] in body):
            return True
    return False


def expansions(text: str) -> dict[str, list[tuple[int, int]]]:
    """Each acronym the text spells out as a body's name, with the spans of its expansions."""
    out: dict[str, list[tuple[int, int]]] = {}
    for run in _RUN.finditer(text):
        words = list(_WORD.finditer(run.group(0)))
        for k in range(MIN_LETTERS, min(MAX_LETTERS, len(words)) + 1):
            piece = words[:k]
            if not _names_a_body([w.group(0) for w in piece]):
                continue
            acronym = "".join(w.group(0)[0] for w in piece)
            span = (run.start() + piece[0].start(), run.start() + piece[-1].end())
            out.setdefault(acronym, []).append(span)
    return out
