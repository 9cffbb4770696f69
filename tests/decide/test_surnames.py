"""A kept word that is a surname (decide.surnames): invented names."""

from __future__ import annotations

import pytest

from anonymiser.decide.surnames import is_kept_surname


def _at(text: str, word: str) -> tuple[int, int, int, int]:
    s = text.index(word)
    return 0, len(text), s, s + len(word)


@pytest.mark.parametrize("span, word, surname", [
    ("Sarah Kent", "Kent", True),      # after a first name
    ("Ms Nurse", "Nurse", True),       # after a title
    ("Siân Powys", "Powys", True),     # after a name English does not know
    ("Devon Ashworth", "Devon", True),  # a place opening a name before a surname
    ("DC Evans", "DC", False),         # a title before the name stays a title
    ("Health Visitor", "Visitor", False),  # a role's own words
    ("Sarah, Kent", "Kent", False),    # a comma parts them
    ("Kent County", "Kent", False),
])
def test_a_kept_word_beside_a_name_is_its_surname(span: str, word: str, surname: bool) -> None:
    assert is_kept_surname(span, *_at(span, word)) is surname
