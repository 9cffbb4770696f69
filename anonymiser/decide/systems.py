"""A record system's name ('Merlin', 'Mosaic'): a capitalised word the draft writes as a system names
no one, at any of its mentions.

Decided once per word in a text: some mention has a system word after it, with an article or 'no'
before ('a Merlin report', 'No Mosaic record was made'), or a system word before it ('the police
system, Merlin'; models/vocabulary/system_words.txt). Then 'a Merlin must be submitted' is the
system too. A word of a register name is never one.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary

_NAME = r"([A-Z][a-z]+(?:[A-Z][a-z]+)?)"
_AFTER = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Nn]o|[Ee]ach|[Ee]very|[Aa]nother|[Aa]ny)\s+{_NAME}\s+"
    rf"(?:{vocabulary.alternation(vocabulary.having('system_words', 'after'))})s?\b")
_BEFORE = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.having('system_words', 'before'))})\s*(?:,\s*|\(\s*|(?:called|named|known\s+as)\s+)?{_NAME}\b")


def system_names(text: str, register_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The capitalised words the text writes as a record system's name."""
    found = {m.group(1) for pattern in (_AFTER, _BEFORE) for m in pattern.finditer(text)}
    return frozenset(w for w in found if w.lower() not in register_words)


def system_spans(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """Every mention of those names."""
    if not names:
        return []
    pattern = re.compile(rf"\b(?:{vocabulary.alternation(names)})\b")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
