"""Invented drafts naming pubs in common words: 'drank at the Red Lion' locates the family as a pub."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


def test_a_pub_in_a_drinking_sentence_is_the_pub_and_again_elsewhere() -> None:
    out = anonymise("Father drank most evenings at the Plough. The Plough was two streets from the family home.").text
    assert "Plough" not in out and "at the pub" in out


def test_pub_names_joined_by_and_and_a_second_pub() -> None:
    out = anonymise("He was drinking at the Coach and Horses, then at the Wheatsheaf until closing.").text
    assert "Horses" not in out and "Wheatsheaf" not in out and "another pub" in out


def test_public_bodies_and_places_in_a_drinking_sentence_are_no_pub() -> None:
    text = "Father was drunk at the Crown Court and later drank at the Family Court's entrance in Leeds."
    out = anonymise(text).text
    assert "the Crown Court" in out and "the Family Court" in out


def test_without_a_word_of_drinking_a_capitalised_name_after_the_is_left_to_other_rules() -> None:
    assert anonymise("The meeting was held at the Old Bakery.").text == "The meeting was held at the Old Bakery."


@pytest.mark.parametrize("text", [
    "Mother told the Panel that she drank most evenings. According to the Review she drank at home.",
    "Father was drunk when he spoke to the Chair of the Panel. The Chair thanked him.",
    "He admitted drinking in the Evening.",
])
def test_a_review_s_own_words_in_a_drinking_sentence_are_no_pub(text: str) -> None:
    assert anonymise(text).text == text
