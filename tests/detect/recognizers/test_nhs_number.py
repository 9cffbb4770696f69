"""NHS numbers: checksum-validated, spaced, hyphenated or run together."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import NHS_NUMBER
from anonymiser.detect.recognizers.nhs_number import NhsNumberRecognizer
from tests.detect.recognizers._support import found, spans

# 943 476 5919 is NHS Digital's published example; 485 777 3457 also passes mod 11.
VALID = ["943 476 5919", "9434765919", "943-476-5919", "485 777 3457"]


@pytest.fixture(scope="module")
def rec() -> NhsNumberRecognizer:
    return NhsNumberRecognizer()


@pytest.mark.parametrize("number", VALID)
def test_valid_numbers_are_found_whole(rec: NhsNumberRecognizer, number: str) -> None:
    text = f"Kayla's NHS number ({number}) was recorded by the health visitor."
    assert spans(rec, text) == [number]


def test_entity_and_score(rec: NhsNumberRecognizer) -> None:
    [result] = found(rec, "NHS number: 943 476 5919.")
    assert result.entity_type == NHS_NUMBER
    assert result.score >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "The NHS number 485 777 3456 was mistyped in the referral.",  # fails mod 11
        "Placeholder 0000000000 was entered on the form.",  # passes mod 11, but a placeholder
        "Mixed separators 943 476-5919 are not one number.",
        "Call 0161 496 0000 or 07700 900123.",
        "Crime reference 01/123456/19 and 943 476 59190.",  # part of a longer run
    ],
)
def test_not_nhs_numbers(rec: NhsNumberRecognizer, text: str) -> None:
    assert spans(rec, text) == []
