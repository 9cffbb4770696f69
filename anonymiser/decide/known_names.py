"""The first names the tool knows for sure: its pseudonym pools and the names that are also words."""

from __future__ import annotations

from functools import lru_cache

from anonymiser.config.data import load_list


@lru_cache(maxsize=1)
def known_first_names() -> frozenset[str]:
    """First names we know: the pseudonym pools and the names that are also words ('Will', 'Hope')."""
    lists = ("pseudonyms_female", "pseudonyms_male", "pseudonyms_neutral", "word_collisions")
    return frozenset(n.lower() for name in lists for n in load_list("names", name))


@lru_cache(maxsize=1)
def pool_names() -> frozenset[str]:
    """The pseudonym pools' first names only: 'Bath' and 'Hope', names that are also words, are not here."""
    lists = ("pseudonyms_female", "pseudonyms_male", "pseudonyms_neutral")
    return frozenset(n.lower() for name in lists for n in load_list("names", name))


def known_first_name(word: str) -> bool:
    """A first name the pools or the word-collision list know ('Jane', 'Will')."""
    return word.lower() in known_first_names()
