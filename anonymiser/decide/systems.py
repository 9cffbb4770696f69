"""A record system's name ('Merlin', 'Mosaic'): a capitalised word the draft writes as a system names
no one, at any of its mentions.

Decided once per word in a text: some mention has a system word after it, with an article or 'no'
before ('a Merlin report', 'No Mosaic record was made'), or a system word before it ('the police
system, Merlin'; models/vocabulary/system_words.txt). Then 'a Merlin must be submitted' is the
system too. A word of a register name, a surname the name lists know, or a word written after a
title anywhere in the text is never one.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.config.names import is_surname

_NAME = r"([A-Z][a-z]+(?:[A-Z][a-z]+)?)"
_AFTER = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Nn]o|[Ee]ach|[Ee]very|[Aa]nother|[Aa]ny)\s+{_NAME}\s+"
    rf"(?:{vocabulary.alternation(vocabulary.having('system_words', 'after'))})s?\b")
_BEFORE = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.having('system_words', 'before'))})\s*(?:,\s*|\(\s*|(?:called|named|known\s+as)\s+)?{_NAME}\b")


def system_names(text: str, register_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """The capitalised words the text writes as a record system's name.

    Recall comes first, so a word with any evidence of a person is never one: a surname the name
    lists know ('the Kowalski record'), or a word written after a title anywhere in the text ('a
    Pellington report' beside 'Mrs Pellington')."""
    found = {m.group(1) for pattern in (_AFTER, _BEFORE) for m in pattern.finditer(text)}
    if not found:
        return frozenset()
    titled = {m.group(1) for m in _TITLED.finditer(text)}
    return frozenset(w for w in found
                     if w.lower() not in register_words and not is_surname(w) and w not in titled)


_TITLED = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.titles('stripped'))})\.?\s+{_NAME}")


def system_spans(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """Every mention of those names."""
    if not names:
        return []
    pattern = re.compile(rf"\b(?:{vocabulary.alternation(names)})\b")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
