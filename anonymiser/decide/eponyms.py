"""Medical eponyms by their shape: a capitalised name right before the noun of a condition.

The allowlist knows the conditions reviews usually name ('Down syndrome', 'Perthes disease'); any
other is found by its shape: 'Diogenes syndrome', 'Bell's palsy', 'Charcot-Marie-Tooth disease'. A
condition named after a person identifies no one, so the phrase layer keeps it whole. The nouns are
models/vocabulary/medical_heads.txt. A first name in the possessive ('Lily's disease') is the
person's, never an eponym, so it is left to the detectors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.names import is_first_name

_HEADS = vocabulary.alternation(vocabulary.entries("medical_heads"))
_PARTICLE = rf"(?:(?i:{vocabulary.alternation(vocabulary.SURNAME_PARTICLES)})[ \t]+)"
_EPONYM = re.compile(
    rf"(?<![\w'’-])((?:{_PARTICLE}?[A-Z][\w'’–-]*[ \t]+){{1,3}})(?i:{_HEADS})s?(?![\w'’-])")
_POSSESSIVE = re.compile(r"['’]s?$")
_TEST_AFTER = rf"[ \t]+(?i:{vocabulary.alternation(vocabulary.entries('medical_tests'))})(?![\w'’-])"


@lru_cache(maxsize=4)
def eponym_names(text: str) -> tuple[tuple[int, int], ...]:
    """Where the text names a condition after a person ('Diogenes syndrome', 'Bell's palsy'). Cached:
    the phrase layer and the residue rule both ask it of the same text."""
    out: list[tuple[int, int]] = []
    for m in _EPONYM.finditer(text):
        words = m.group(1).split()
        if any(_POSSESSIVE.search(w) and is_first_name(_POSSESSIVE.sub("", w)) for w in words):
            continue
        if len(words) >= 2 and is_first_name(words[0]) and words[0].lower() not in vocabulary.SENTENCE_STARTERS \
                and words[0].lower() not in vocabulary.SURNAME_PARTICLES:
            continue  # 'Kyle Smith disease': a person's full name first
        start = m.start()
        if words[0].lower() in vocabulary.SENTENCE_STARTERS:  # 'The Diogenes syndrome': not the article
            start += len(words[0]) + 1
        out.append((start, m.end()))
    return tuple(sorted(set(out) | set(_named_again(text, out))))


def _named_again(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name of each eponym written again before a test for its condition ('von Willebrand disease',
    then 'a von Willebrand screen')."""
    names = {m.group(1).strip() for s, e in found if (m := _EPONYM.match(text, s))}
    out: list[tuple[int, int]] = []
    for name in names:
        if len(name) < 4 or is_first_name(name):
            continue
        out += [(m.start(), m.end()) for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?={_TEST_AFTER})", text)]
    return out
