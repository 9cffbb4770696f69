"""A nickname given to someone the draft names by nothing else (decide/unnamed_aliases.py)."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


def test_a_street_name_given_to_an_unnamed_man_is_replaced_at_every_mention() -> None:
    text = ('One of the older males, known as "Viper", drove the car. Later Viper was arrested, '
            "and Viper's phone was seized.")
    out = anonymise(text).text
    assert "Viper" not in out
    label = out.split('known as "')[1].split('"')[0]
    assert label.startswith("Adult ")
    assert out.count(label) == 3  # one label for him throughout


@pytest.mark.parametrize("text", [
    'Two men, known locally as "Sparks", ran the line. Sparks paid the boys.',
    'A woman called "Duchess" let the flat. Duchess was never traced.',
    'One man, who was nicknamed "Tank", was charged. Tank pleaded guilty.',
])
def test_each_phrase_of_naming_and_each_plural_gives_a_nickname(text: str) -> None:
    out = anonymise(text).text
    for nickname in ("Sparks", "Duchess", "Tank"):
        assert nickname not in out


def test_a_family_word_is_no_nickname() -> None:
    assert anonymise('A man known to the children as "Uncle" visited twice.').text == (
        'A man known to the children as "Uncle" visited twice.')
