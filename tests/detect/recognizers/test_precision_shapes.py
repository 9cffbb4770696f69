"""Detector shapes that over-reached (issue 12, precision): the count ends at its noun, a court's kind
makes no street, a capital after 'in' on a common word makes no place. All text here is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.recognizers.place_context import PlaceContextRecognizer
from anonymiser.detect.recognizers.quantity import QuantityRecognizer
from anonymiser.detect.recognizers.reference_number import ReferenceNumberRecognizer
from anonymiser.detect.recognizers.street_address import StreetAddressRecognizer


def spans(rec, text: str) -> list[str]:
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None), key=lambda r: r.start)]


def test_a_count_ends_at_its_noun() -> None:
    text = "He was given eighteen months’ imprisonment and two years' probation."
    assert spans(QuantityRecognizer(), text) == ["eighteen months", "two years"]


@pytest.mark.parametrize("text, expected", [
    ("She called on several occasions about the rent.", []),
    ("She called on four occasions about the rent.", ["four occasions"]),
])
def test_several_counts_nothing(text: str, expected: list[str]) -> None:
    assert spans(QuantityRecognizer(), text) == expected


@pytest.mark.parametrize("text", [
    "He was tried before the Rivenstad State Security Court in 1999.",
    "The Marlow Regional Court adjourned the case.",
    "The case went to the Brackwater Martial Law Court.",
])
def test_a_courts_kind_before_court_is_no_street(text: str) -> None:
    assert spans(StreetAddressRecognizer(), text) == []


@pytest.mark.parametrize("text, expected", [
    ("The family moved to Hazelmere Court last spring.", ["Hazelmere Court"]),
    ("Police were called to Crown Street twice.", ["Crown Street"]),
])
def test_a_street_named_court_is_still_a_street(text: str, expected: list[str]) -> None:
    assert spans(StreetAddressRecognizer(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("She was appointed his Trustee in Bankruptcy, and wrote to him.", []),
    ("Her cousin lived in Tiverton, and visited.", ["Tiverton"]),
    ("The children stayed in Limerick city for a week.", ["Limerick city"]),
])
def test_a_common_word_after_in_is_no_place(text: str, expected: list[str]) -> None:
    assert spans(PlaceContextRecognizer(), text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The rules were notified under the 98/34/EC Directive and the 2016/679/EU Regulation.", []),
    ("The police log reference is CR/2019/004512.", ["CR/2019/004512"]),
])
def test_a_european_acts_number_is_no_reference(text: str, expected: list[str]) -> None:
    assert spans(ReferenceNumberRecognizer(), text) == expected
