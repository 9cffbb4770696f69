"""UK postcodes."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import POSTCODE
from anonymiser.detect.recognizers.postcode import PostcodeRecognizer
from tests.detect.recognizers._support import found, score_of, spans


@pytest.fixture(scope="module")
def rec() -> PostcodeRecognizer:
    return PostcodeRecognizer()


@pytest.mark.parametrize("postcode", ["CR7 8QT", "CR78QT", "SW1A 1AA", "M1 1AE", "EC1A 1BB", "B33 8TH"])
def test_postcodes(rec: PostcodeRecognizer, postcode: str) -> None:
    text = f"The family moved to 27 Birchwood Road, Thornton Heath, {postcode}, in 2018."
    assert spans(rec, text) == [postcode]
    assert score_of(rec, text, postcode) >= 0.85


def test_entity_type(rec: PostcodeRecognizer) -> None:
    assert [r.entity_type for r in found(rec, "CR7 8QT")] == [POSTCODE]


def test_lower_case_postcode_found_with_low_score(rec: PostcodeRecognizer) -> None:
    text = "Address noted as m1 1ae in the GP record."
    assert spans(rec, text) == ["m1 1ae"]
    assert score_of(rec, text, "m1 1ae") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Only the district AB12 was recorded.",  # an outward code alone
        "The car AB12 CDE was seen.",  # a vehicle registration
        "Section 47 enquiry and a CP plan were agreed.",
        "The flat was at CR7 8QTX block.",  # glued to more letters
        "Kayla was in Y10 at school.",
    ],
)
def test_not_postcodes(rec: PostcodeRecognizer, text: str) -> None:
    assert spans(rec, text) == []
