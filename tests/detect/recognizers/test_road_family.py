"""Road numbers and family-group phrases (issue 12), on invented text."""

from __future__ import annotations

import pytest

from anonymiser.detect.recognizers.family_group import FamilyGroupRecognizer
from anonymiser.detect.recognizers.road_number import RoadNumberRecognizer
from tests.detect.recognizers._support import spans


@pytest.mark.parametrize(("text", "want"), [
    ("He drove along the A361 towards the M4 and left the B3212 near the farm.", ["A361", "M4", "B3212"]),
    ("The car left at junction 27 of the M5 and joined the A38(M).", ["M5", "A38(M)"]),
    ("She was found walking by the A30 dual carriageway.", ["A30"]),
    ("A39 road closures delayed the visit.", ["A39"]),
])
def test_road_numbers_after_a_road_lead_or_before_a_road_word(text: str, want: list[str]) -> None:
    assert spans(RoadNumberRecognizer(), text) == want


@pytest.mark.parametrize("text", [
    "The plan was printed on A4 paper and filed as exhibit B12.",
    "Form M1 was sent; see annex A2, page 3.",
    "The A4/B5 folder and section M4.2 were read.",
])
def test_a_letter_and_digits_without_a_road_reading_is_no_road(text: str) -> None:
    assert spans(RoadNumberRecognizer(), text) == []


@pytest.mark.parametrize(("text", "want"), [
    ("The Pemberton children were seen at school twice.", ["Pemberton"]),
    ("Staff knew the Okonkwo family well; the Hadley household had moved.", ["Okonkwo", "Hadley"]),
    ("Both of the Adeyemi-Cole twins were referred.", ["Adeyemi-Cole"]),
    ("Neighbours said the Archer children were often alone.", ["Archer"]),  # a common word and a surname
])
def test_the_surname_of_a_family_group_is_found(text: str, want: list[str]) -> None:
    assert spans(FamilyGroupRecognizer(), text) == want


@pytest.mark.parametrize("text", [
    "The Polish family and the Roma family were offered an interpreter.",
    "The Whole family was seen; the Extended family settled.",
    "The Local Authority family support team visited. The Mother family group met.",
])
def test_a_nationality_common_word_or_family_word_is_no_surname(text: str) -> None:
    assert spans(FamilyGroupRecognizer(), text) == []
