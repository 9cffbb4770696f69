"""A register person's first name as a record misspelt it: 'Kyro Quadri' for Kairo Qadri, and then 'Kyro'
alone, one decision for the string."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from presidio_analyzer import RecognizerResult
from rapidfuzz.distance import OSA, JaroWinkler

from anonymiser.config.english import WordClass, word_class
from anonymiser.config.names import is_first_name
from anonymiser.core.register import Person
from anonymiser.core.textview import view_of

WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][A-Za-z'’-]+)[ \t]+$")


def misspelt_first_name(word: str, candidates: set[int], people: Sequence[Person]) -> int | None:
    """'Kyro' before 'Quadri', where Kairo Qadri is on the register: a word no name list knows, close to the
    first name of the one person of that surname it could be (same first letter, two edits at most), is a
    misspelling of that name. A name the lists know ('Shane', 'Tomasz') is someone else of the family, and
    an English word ('Both', 'Then') is that word."""
    if is_first_name(word) or len(word) < 3 or word_class(word) in (WordClass.COMMON, WordClass.BOTH):
        return None  # 'Both Oduya children': a word of the lexicon is that word
    low = word.lower()
    fits = {i for i in candidates for name in (view_of(people[i].first_name), *map(view_of, people[i].aliases))
            if name[:1].lower() == low[:1] and OSA.distance(name.lower(), low) <= 2
            and JaroWinkler.similarity(name.lower(), low) >= 0.8}
    return next(iter(fits)) if len(fits) == 1 else None


def misspellings_again(text: str, results: list[RecognizerResult], learned: dict[str, int],
                       person_result: Callable[[int, int, int], RecognizerResult]) -> list[RecognizerResult]:
    """"Kyro's mother", once 'Kyro Quadri' is read as Kairo Qadri misspelt: the misspelt first name alone is
    that person too. `learned` maps each misspelt first name (lower case) to its person; `person_result`
    makes a mention."""
    taken = [(r.start, r.end) for r in results]
    out = []
    for word, i in learned.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w-]|['’](?!s\b))", text, re.I):
            if m.group(0)[:1].isupper() and not any(s < m.end() and m.start() < e for s, e in taken):
                out.append(person_result(m.start(), m.end(), i))
    return out
