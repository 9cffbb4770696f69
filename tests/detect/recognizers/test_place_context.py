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
