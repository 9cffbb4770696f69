"""Legislation named by its shape: capitalised words ending in 'Act', perhaps with its year.

The allowlist knows the statutes reviews usually cite ('Children Act 1989'); any other is found by
its shape: 'the Criminal Justice Act 1967', 'the Environmental Protection Act', 'Prevention of
Terrorism Act 1989', 'the Legal Services Act 2007 (Northern Ireland)'. A statute identifies no
one, so the phrase layer keeps it whole: neither the name nor the year inside it is replaced.

The words before 'Act' are capitalised ('of', 'and', 'for', 'from', 'with' may join them), and the
first is a word the lexicon lists in lower case and no first name ('Criminal', 'Protection'): a name
before the statute's words is left out, and a name alone before 'Act' ('Jones Act') is no statute.
"""

from __future__ import annotations

import re

from anonymiser.config.english import WordClass, word_class
from anonymiser.config.names import is_first_name, is_surname

_ACT = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+(?:(?:of|and|for|from|with|on)[ \t]+)*){1,8})"
    r"Acts?(?:[ \t]+(?:19|20)\d\d)?(?:[ \t]+\((?:Northern[ \t]+Ireland|Scotland|Wales|England)\))?(?![\w'’-])")
_WORD = re.compile(r"[A-Z][\w'’-]*")


def _statute_word(word: str) -> bool:
    """A word a statute's name can start with: one the lexicon lists in lower case, and no first name."""
    return word_class(word) in (WordClass.COMMON, WordClass.BOTH) and not is_first_name(word)


def legislation_names(text: str) -> list[tuple[int, int]]:
    """Spans of the statutes `text` names by the legislation shape."""
    out: list[tuple[int, int]] = []
    for m in _ACT.finditer(text):
        words = list(_WORD.finditer(m.group(1)))
        # a name before the statute's own words is no part of it ('Jade Hollis' of 'Jade Hollis Children Act'),
        # nor a surname that is also a word after a first name ('Priya Shah')
        named = False
        while words and (not _statute_word(words[0].group(0)) or (named and is_surname(words[0].group(0)))):
            named = True
            words.pop(0)
        if words:
            out.append((m.start(1) + words[0].start(), m.end()))
    return out
