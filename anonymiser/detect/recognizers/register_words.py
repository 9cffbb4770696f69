"""Register names that are English words too: when the word is the word, not the person.

- In lower case, a register surname the lexicon knows as a word ('church', 'bishop', 'price') is the
  word: a draft writes the family's surname with its capital, and a surname alone in lower case
  ('the church hall') would put the family's name into every sentence about a church. A first name
  the lexicon knows only as a word ('patience', 'comfort') is the word too. 'jayden price', a first
  name then the surname, is still the person (the register's continuation rule).
- With its capital, such a surname alone between 'the' and 'of' and a name is an office ('the Bishop
  of Rochester', 'the Dean of Students'), not Mrs Bishop.
"""

from __future__ import annotations

import re

from anonymiser.config.english import WordClass, word_class

_KNOWN_IN_LOWER_CASE = (WordClass.COMMON, WordClass.BOTH)
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_OF_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")


def as_written(word: str, entries: tuple[tuple[int, str], ...]) -> tuple[tuple[int, str], ...]:
    """The register entries (person, part) a word written as `word` may be, once the word's English
    reading is set aside."""
    if not word.islower():
        return entries
    cls = word_class(word)
    if cls not in _KNOWN_IN_LOWER_CASE:
        return entries  # 'okafor': the name, typed in lower case
    return tuple(e for e in entries if e[1] != "surname" and cls is not WordClass.COMMON)


def office_at(text: str, start: int, end: int) -> bool:
    """'the Bishop of Rochester': a capitalised word that is a word too, between 'the' and 'of' a name."""
    return (word_class(text[start:end].lower()) is WordClass.BOTH and _THE_BEFORE.search(text, max(0, start - 5), start)
            is not None and _OF_AFTER.match(text, end) is not None)


def an_office(text: str, start: int, end: int, entries: tuple[tuple[int, str], ...]) -> bool:
    """A register surname standing as an office ('the Bishop of Rochester'), not for the person."""
    return all(part == "surname" for _, part in entries) and office_at(text, start, end)
