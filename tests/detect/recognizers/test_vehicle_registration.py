"""Vehicle registration marks."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import VEHICLE_REGISTRATION
from anonymiser.detect.recognizers.vehicle_registration import VehicleRegistrationRecognizer
from tests.detect.recognizers._support import found, score_of, spans


@pytest.fixture(scope="module")
def rec() -> VehicleRegistrationRecognizer:
    return VehicleRegistrationRecognizer()


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("The car, registration AB12 CDE, was seen outside the school.", "AB12 CDE"),
        ("Police stopped a vehicle (reg: AB12CDE) on the A23.", "AB12CDE"),
        ("His old car A123 BCD was registered to his mother.", "A123 BCD"),
        ("A van with VRM ABC 123D was seen.", "ABC 123D"),
    ],
)
def test_marks_after_context_words(rec: VehicleRegistrationRecognizer, text: str, mark: str) -> None:
    assert spans(rec, text) == [mark]
    assert score_of(rec, text, mark) >= 0.85
    assert {r.entity_type for r in found(rec, text)} == {VEHICLE_REGISTRATION}


def test_current_mark_without_context_is_found_with_medium_score(rec: VehicleRegistrationRecognizer) -> None:
    text = "A silver Ford Focus (LK19 XYZ) was seen near the park."
    assert spans(rec, text) == ["LK19 XYZ"]
    assert 0.5 <= score_of(rec, text, "LK19 XYZ") < 0.85


def test_older_marks_without_context_score_low(rec: VehicleRegistrationRecognizer) -> None:
    text = "Seen: A123 BCD."
    assert score_of(rec, text, "A123 BCD") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "SECTION 47 ENQUIRY",
        "Kayla sat her KS2 SAT papers.",
        "The Y6 SATS results were good.",
        "NHS 111 A&E attendance.",
        "The car was seen on 14 March.",
        "the car AB00 CDE",  # "00" is not an age identifier
        "the car, ab12 cde, in lower case",
    ],
)
def test_not_marks(rec: VehicleRegistrationRecognizer, text: str) -> None:
    assert spans(rec, text) == []
