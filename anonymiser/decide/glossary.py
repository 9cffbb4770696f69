"""Glossary lines: 'DGT<tab>Dartford and Gravesham NHS Trust', 'CSE - child sexual exploitation', or with a
space where a PDF lost the tab. The acronym opens the line, and the initials of the words after it hold
its letters in order, the first word giving the first letter. Initials before a person's name ('KW Kayla
Watson') are that person's, and no definition."""

from __future__ import annotations

import re
from collections.abc import Iterator

from anonymiser.config.names import is_first_name, is_surname

_GLOSSARY = re.compile(r"(?m)^[ \t]*(?P<acronym>[A-Z][A-Za-z&]{1,9})(?:[ \t]*[\t:–—-][ \t]*|[ \t]+)"
                       r"(?P<expansion>[^\W\d_][^\n.;]{2,100}?)[ \t]*$")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|&")


def initials_hold(acronym: str, expansion: str) -> bool:
    """'DGT' in 'Dartford and Gravesham NHS Trust': the first word gives the first letter, and the
    words' initials hold the rest in order."""
    letters = [c for c in acronym if c.isupper()]
    initials = [w[0].upper() for w in _WORD.findall(expansion)]
    if len(letters) < 2 or not initials or initials[0] != letters[0] or len(initials) > 3 * len(letters):
        return False
    k = 0
    for c in initials:
        if k < len(letters) and c == letters[k]:
            k += 1
    return k == len(letters)


def _a_persons_name(expansion: str) -> bool:
    """'KW Kayla Watson': initials before a first name and a surname are someone's, no term's."""
    words = _WORD.findall(expansion)
    return len(words) >= 2 and is_first_name(words[0]) and is_surname(words[1])


def glossary_entries(text: str) -> Iterator[re.Match[str]]:
    """Each glossary line whose expansion's initials hold its acronym: groups 'acronym' and 'expansion'."""
    return (m for m in _GLOSSARY.finditer(text) if initials_hold(m.group("acronym"), m.group("expansion"))
            and not _a_persons_name(m.group("expansion")))


def glossary_acronyms(text: str) -> frozenset[str]:
    """The acronyms a glossary line of the text defines ('DGT Dartford and Gravesham NHS Trust')."""
    return frozenset(m.group("acronym") for m in glossary_entries(text))
