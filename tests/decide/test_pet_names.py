"""A pet's name after its pet noun ('her cat, Biscuit') goes with its apposition: no person's label."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.decide.wording import pet_echo


@pytest.mark.parametrize(("text", "out"), [
    ("He talked about his bike and his dog, Tyson.", "He talked about his bike and his dog."),
    ("She missed her rabbit, Hazel, and her nan.", "She missed her rabbit and her nan."),
    ("They bought a puppy called Bruno in the spring.", "They bought a puppy in the spring."),
    ("The family dog (Oscar) barked.", "The family dog barked."),
])
def test_a_pets_name_goes_with_its_apposition(text: str, out: str) -> None:
    assert anonymise(text).text == out


def test_a_name_that_opens_a_clause_after_a_pet_noun_is_a_person() -> None:
    text = "He walked the dog Sarah Whitcombe had bought him."
    start = text.index("Sarah")
    assert pet_echo(text, start, start + len("Sarah Whitcombe")) is None
    assert "Adult" in anonymise(text).text and "Sarah" not in anonymise(text).text


def test_a_person_after_a_word_that_is_no_pet_keeps_a_label() -> None:
    out = anonymise("He talked about his friend, Tyson Brereton, every week.").text
    assert "Tyson" not in out and "Adult" in out


def test_a_pets_name_is_the_pet_by_its_noun_at_every_later_mention() -> None:
    out = anonymise("They kept a cocker spaniel called Biscuitt. The toddler fell while playing with Biscuitt. "
                    "Biscuitt was rehomed in May.").text
    assert "Biscuitt" not in out and "Adult" not in out
    assert "playing with the spaniel" in out and "The spaniel was rehomed" in out
