"""National Insurance numbers."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import NI_NUMBER
from anonymiser.detect.recognizers.ni_number import NiNumberRecognizer
from tests.detect.recognizers._support import found, score_of, spans


@pytest.fixture(scope="module")
def rec() -> NiNumberRecognizer:
    return NiNumberRecognizer()


@pytest.mark.parametrize("number", ["QQ 12 34 56 C", "QQ123456C", "qq123456c", "AB 12 34 56 D", "JZ-12-34-56-A"])
def test_ni_numbers(rec: NiNumberRecognizer, number: str) -> None:
    text = f"Mother's National Insurance number, {number}, was on the benefits letter."
    assert spans(rec, text) == [number]
    assert score_of(rec, text, number) >= 0.85


def test_entity_type(rec: NiNumberRecognizer) -> None:
    assert [r.entity_type for r in found(rec, "NI number QQ123456C")] == [NI_NUMBER]


def test_missing_suffix_scores_lower(rec: NiNumberRecognizer) -> None:
    text = "Her NI number was given as AB 12 34 56 on the form."
    assert spans(rec, text) == ["AB 12 34 56"]
    assert score_of(rec, text, "AB 12 34 56") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The prefix GB123456A is never issued.",
        "Nor is DQ123456A, with D first.",
        "A suffix letter E is invalid: AB123456E.",
        "Section 47 enquiries began; 12 34 56 children were seen.",
    ],
)
def test_not_ni_numbers(rec: NiNumberRecognizer, text: str) -> None:
    assert spans(rec, text) == []
