"""A kept word that is a surname (decide.surnames): invented names."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.decide.surnames import is_kept_surname, is_title_of_kept_surname


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


@pytest.mark.parametrize("span, word, surname", [
    ("Sergeant English", "English", True),  # a rank written out is a title
    ("WPC Cornwall", "Cornwall", True),
    ("Det Sgt Judge", "Judge", True),       # the last word of a rank of two
    ("St Ives", "Ives", False),             # 'St' opens a saint's or a place's name
])
def test_a_kept_word_after_a_rank_is_its_surname(span: str, word: str, surname: bool) -> None:
    assert is_kept_surname(span, *_at(span, word)) is surname


@pytest.mark.parametrize("span, title, kept", [
    ("PC English", "PC", True),
    ("Detective Sergeant Cornwall", "Detective Sergeant", True),
    ("DC Evans", "DC", False),              # a surname no list keeps: the title is cut off as before
    ("DS English Smith", "DS", False),      # two words after it
    ("Dr Who", "Who", False),               # the piece is no title
])
def test_a_title_before_one_kept_word_stays_in_the_span(span: str, title: str, kept: bool) -> None:
    assert is_title_of_kept_surname(span, *_at(span, title), {"English", "Cornwall"}.__contains__) is kept


@pytest.mark.parametrize("sentence, surname", [
    ("PC English attended the flat and spoke to the mother.", "English"),
    ("DC Cornwall took a statement from the neighbour the next day.", "Cornwall"),
    ("Sergeant Hill said the kitchen was cold and there was no food.", "Hill"),
    ("WPC Cornwall drove the children to their grandmother's house.", "Cornwall"),
    ("Detective Sergeant English interviewed the stepfather under caution.", "English"),
])
def test_a_rank_before_a_kept_word_hides_the_surname(sentence: str, surname: str) -> None:
    out = anonymise(sentence).text
    # the officer goes by the role their title says ('the police officer'), or a letter
    assert surname not in out and ("Professional A" in out or "police officer" in out.lower())
