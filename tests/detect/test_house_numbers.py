"""A house by its number alone ('the neighbour at number 44'), on invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.detect.recognizers.house_numbers import house_number_spans


@pytest.mark.parametrize("draft, published", [
    ("3.1 The neighbour at number 44, Mrs Jean Holt, called the police.",
     "3.1 The neighbour at [address], Adult A, called the police."),
    ("3.2 A van was parked outside No. 7 all night.", "3.2 A van was parked outside [address] all night."),
    ("3.3 Shouting was heard from number 9b.", "3.3 Shouting was heard from [address]."),
    ("3.4 A neighbour, Mrs Pat Kettle of number 39, rang 101.", "3.4 A neighbour, Adult A of [address], rang 101."),
])
def test_a_house_written_by_its_number_goes_as_an_address(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


@pytest.mark.parametrize("text", [
    "The bus number 42 was late.",
    "Her room number was 3.",
    "It is set out in Recommendation No. 4.",
    "There were number 5 rated risks.",
    "See Section 4 of number 12 of the guidance.",
])
def test_a_number_not_after_a_preposition_of_place_is_no_house(text: str) -> None:
    assert house_number_spans(text) == []


def test_a_house_number_before_a_street_is_left_to_the_street() -> None:
    assert house_number_spans("He lived at number 12 Mill Lane.") == []
