"""Places found by the words around them: detect/recognizers/place_context.py (a gazetteer place after a preposition)."""

from __future__ import annotations

import pytest

from anonymiser.detect.recognizers.place_context import PlaceContextRecognizer
from tests.detect.recognizers._support import spans


@pytest.fixture(scope="module")
def rec() -> PlaceContextRecognizer:
    return PlaceContextRecognizer()


@pytest.mark.parametrize(("text", "place"), [
    ("Two brothers in Exeter were seen by the school nurse.", "Exeter"),
    ("She worked at a shop, and the children from Swindon came to stay.", "Swindon"),
    ("The mother met a friend near Milton Keynes every week.", "Milton Keynes"),
])
def test_a_place_the_gazetteer_knows_after_a_preposition_mid_sentence(rec: PlaceContextRecognizer, text: str,
                                                                    place: str) -> None:
    assert place in spans(rec, text)


@pytest.mark.parametrize("text", [
    "The child had a bath in Bath water every night.",  # 'bath' is also a common word: no evidence alone
    "He was seen in Outpatients twice before the referral.",  # no place the gazetteer knows
    "In Exeter Court records nothing was found.",  # the sentence's first word: no preposition mid-sentence
])
def test_no_place_without_the_gazetteer_or_when_english_writes_it_in_lower_case(rec: PlaceContextRecognizer,
                                                                                text: str) -> None:
    assert spans(rec, text) == []


@pytest.mark.parametrize(("text", "place"), [
    ("The boy was found in Barrow-in-Furness with a knife wound.", "Barrow-in-Furness"),
    ("His aunt drove him to Stoke-on-Trent and back that night.", "Stoke-on-Trent"),
    ("Weston-super-Mare was where the grandmother lived.", "Weston-super-Mare"),
])
def test_a_hyphenated_place_the_gazetteer_knows_is_found_whole_anywhere(rec: PlaceContextRecognizer, text: str,
                                                                       place: str) -> None:
    assert place in spans(rec, text)


def test_the_short_name_of_a_longer_place_is_a_place_after_a_preposition(rec: PlaceContextRecognizer) -> None:
    # 'barrow' is an English word, but the gazetteer's 'Barrow in Furness' is called 'Barrow' for short.
    assert "Barrow" in spans(rec, "The boy was stabbed in Barrow.")
    assert "Barrow" not in spans(rec, "The boy pushed a Barrow full of leaves.")
