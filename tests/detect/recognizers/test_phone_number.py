"""UK phone numbers, via phonenumbers with region GB."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import PHONE_NUMBER
from anonymiser.detect.recognizers.phone_number import UkPhoneRecognizer
from tests.detect.recognizers._support import found, score_of, spans


@pytest.fixture(scope="module")
def rec() -> UkPhoneRecognizer:
    return UkPhoneRecognizer()


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "07700900123",
        "020 7946 0958",
        "(0161) 496 0000",
        "+44 7700 900 123",
        "+44 (0)20 7946 0958",
        "01632 960001",
        "0300 123 4567",
    ],
)
def test_uk_numbers(rec: UkPhoneRecognizer, number: str) -> None:
    text = f"Mother called the duty social worker from {number} at 10:30am."
    assert spans(rec, text) == [number]
    assert all(r.entity_type == PHONE_NUMBER for r in found(rec, text))
    assert score_of(rec, text, number) >= 0.6


def test_valid_numbers_score_higher_than_fictional_ranges(rec: UkPhoneRecognizer) -> None:
    text = "Numbers held: 020 7946 0958 and 07700 900123."
    assert score_of(rec, text, "020 7946 0958") >= 0.85
    assert score_of(rec, text, "07700 900123") < score_of(rec, text, "020 7946 0958")


@pytest.mark.parametrize(
    "text",
    [
        "Her NHS number is 943 476 5919.",
        "NHS number 4857773457 was on the discharge letter.",
        "Seen on 14/03/2019, 2019-03-14 and 14.3.19.",
        "Crime reference 01/123456/19 was given.",
        "Mosaic ID 1234567 and LCS number 998877.",
        "The 2019/20 school year.",
    ],
)
def test_not_phone_numbers(rec: UkPhoneRecognizer, text: str) -> None:
    assert spans(rec, text) == []


def test_numbers_are_found_at_their_place_on_every_line_of_a_long_text(rec: UkPhoneRecognizer) -> None:
    """Only lines where a number can begin are searched; each number keeps its offset in the text."""
    prose = "The family was seen at home in 2019 and again in 2020, with 14 visits in all.\n" * 40
    numbers = ["07700 900123", "(0161) 496 0000", "+44 7700 900 456", "0-7700-900124", "0.7700.900125",
               "0–7700 900126"]
    text = prose + f"Mother's mobile: {numbers[0]}.\n" + prose + f"The office ({numbers[1]}) and {numbers[2]}\n"
    text += "".join(f"{prose}Father: {n}\n" for n in numbers[3:])
    got = [text[s:e] for s, e in sorted((r.start, r.end) for r in rec.analyze(text, [PHONE_NUMBER]))]
    assert got == numbers
