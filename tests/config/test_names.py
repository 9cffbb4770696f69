"""The name lists' loader (config.names)."""

from __future__ import annotations

import pytest

from anonymiser.config.names import is_first_name, is_name, is_surname, only_a_word


@pytest.mark.parametrize("word", ["June", "Helen", "Oluwaseun", "Bartosz", "Siobhan", "Imran", "june", "June's"])
def test_first_names_of_many_communities(word: str) -> None:
    assert is_first_name(word)


@pytest.mark.parametrize("word", ["Okafor", "Kowalski", "Begum", "Watson", "Murphy", "Watson’s"])
def test_surnames_of_many_communities(word: str) -> None:
    assert is_surname(word)


@pytest.mark.parametrize("word", ["Guidance", "Safeguarding", "Croydon", "Nigeria", "Quillfeather2"])
def test_words_and_places_are_no_names(word: str) -> None:
    assert not is_name(word)


def test_only_a_word_is_a_common_word_no_name_list_knows() -> None:
    assert only_a_word("TEL") and only_a_word("Concerning") and only_a_word("bruising")
    # words that are names too: a surname, a first name, and a proper noun
    assert not only_a_word("Swan") and not only_a_word("Comfort") and not only_a_word("Okafor")
