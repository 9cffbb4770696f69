"""The name lists: whether a word is a known first name or surname (models/names/).

first_names.txt and surnames.txt are built by scripts/build_name_lists.py from Faker's person
lists of every locale (MIT) and the 1990 US Census lists of the `names` package (public domain);
see models/README.md. They are evidence, not verdicts: 'June', 'Will' and 'Page' are first
names and words too, so a caller weighs a hit with the local context.
"""

from __future__ import annotations

from functools import lru_cache

from anonymiser.config.data import load_list
from anonymiser.config.english import is_common_word

FOLDER = "names"
_APOSTROPHES = "'’"


@lru_cache(maxsize=None)
def _folded(name: str) -> frozenset[str]:
    return frozenset(e.casefold() for e in load_list(FOLDER, name))


def _bare(word: str) -> str:
    """The word without a possessive ending ('June's' -> 'June')."""
    for a in _APOSTROPHES:
        if word.endswith((a + "s", a + "S")):
            return word[:-2]
        if word.endswith(a):
            return word[:-1]
    return word


def is_first_name(word: str) -> bool:
    """'June', 'Helen', 'Oluwaseun', 'Bartosz': a first name some community gives."""
    return _bare(word).casefold() in _folded("first_names")


def is_surname(word: str) -> bool:
    """'Watson', 'Okafor', 'Kowalski': a family name of the lists."""
    return _bare(word).casefold() in _folded("surnames")


def is_name(word: str) -> bool:
    return is_first_name(word) or is_surname(word)


def only_a_word(word: str) -> bool:
    """A word the lexicon lists only in lower case and the name lists do not know ('TEL', 'Concerning'):
    no evidence of a name. 'Swan', 'Comfort' and 'Archer' are words and names too, so they are not."""
    return is_common_word(word) and not is_first_name(word) and not is_surname(word)
