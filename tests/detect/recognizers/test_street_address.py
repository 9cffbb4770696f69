"""Street addresses (ADDRESS) and bare street names (LOCATION)."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import ADDRESS, LOCATION
from anonymiser.detect.recognizers.street_address import StreetAddressRecognizer
from tests.detect.recognizers._support import score_of, typed_spans


@pytest.fixture(scope="module")
def rec() -> StreetAddressRecognizer:
    return StreetAddressRecognizer()


def test_address_in_a_review_sentence(rec: StreetAddressRecognizer) -> None:
    text = "On 14th March 2019 the health visitor, Ms Price, visited the family at 27 Birchwood Road."
    assert typed_spans(rec, text) == [(ADDRESS, "27 Birchwood Road")]


@pytest.mark.parametrize(
    "address",
    [
        "Flat 3, 12 High Street",
        "12a Mill Lane",
        "Flat 2B, Rosewood Court, 14 Park Avenue",
        "27 Birchwood Road, Thornton Heath, CR7 8QT",
        "3 The Green, Croydon",
        "12-14 Station Rd.",
        "27 St Mary's Road",
    ],
)
def test_numbered_addresses(rec: StreetAddressRecognizer, address: str) -> None:
    text = f"The family lived at {address}, until the move in 2020."
    assert typed_spans(rec, text) == [(ADDRESS, address)]
    assert score_of(rec, text, address) >= 0.85


def test_address_over_lines(rec: StreetAddressRecognizer) -> None:
    text = "Address:\n27 Birchwood Road\nThornton Heath\nCR7 8QT\n"
    assert typed_spans(rec, text) == [(ADDRESS, "27 Birchwood Road\nThornton Heath\nCR7 8QT")]


def test_flat_in_named_building(rec: StreetAddressRecognizer) -> None:
    text = "Father was staying at Flat 2B, Rosewood Court, with a friend."
    assert typed_spans(rec, text) == [(ADDRESS, "Flat 2B, Rosewood Court")]


def test_next_clause_is_not_taken_as_a_town(rec: StreetAddressRecognizer) -> None:
    text = "Police attended 27 Birchwood Road, Mother said she was fine."
    assert typed_spans(rec, text) == [(ADDRESS, "27 Birchwood Road")]


@pytest.mark.parametrize(
    ("text", "street"),
    [
        ("The family moved to Birchwood Road in 2018.", "Birchwood Road"),
        ("They lived on Acacia Avenue.", "Acacia Avenue"),
        ("Jayden was seen near the High Street shops.", "High Street"),
    ],
)
def test_bare_street_is_a_location(rec: StreetAddressRecognizer, text: str, street: str) -> None:
    assert typed_spans(rec, text) == [(LOCATION, street)]
    assert score_of(rec, text, street) >= 0.6


def test_bare_street_without_preposition_scores_lower(rec: StreetAddressRecognizer) -> None:
    text = "When Birchwood Road was closed the bus did not run."
    assert typed_spans(rec, text) == [(LOCATION, "Birchwood Road")]
    assert score_of(rec, text, "Birchwood Road") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Section 47 enquiries began on 27 March.",
        "In 2019 Family Court proceedings started.",
        "There were 2 Family Court hearings.",
        "The case was heard at the Crown Court.",
        "Sarah Green attended the strategy meeting.",
        "She met Dr Hill in the car park.",
        "On 3 occasions the family were not at home.",
        "The Early Help Way of working was adopted.",
        "the family lived at 27 birchwood road",  # no capitals, no evidence
    ],
)
def test_not_addresses(rec: StreetAddressRecognizer, text: str) -> None:
    assert typed_spans(rec, text) == []


# --- addresses without a house number (issue 12) -------------------------------------------------

@pytest.mark.parametrize(("text", "want"), [
    ("She lived at Unit 4, Greenbank Industrial Estate, Tiverton EX16 6AB last year.",
     "Unit 4, Greenbank Industrial Estate, Tiverton EX16 6AB"),
    # up to the towns before the postcode, which the place rules decide (the partnership's area is kept)
    ("He was found at Lower Farm, Tiverton, EX16 9ZZ on the day.", "Lower Farm"),
    ("Letters went to Marlowe House, Station Road, Hexham NE46 1AB twice.", "Marlowe House, Station Road"),
    ("The plot was Bay 12\nUnit 7, Kestrel Trading Estate", "Unit 7, Kestrel Trading Estate"),
])
def test_an_address_without_a_house_number(text: str, want: str) -> None:
    assert (ADDRESS, want) in typed_spans(StreetAddressRecognizer(), text)


def test_a_named_site_after_a_place_word_is_a_place() -> None:
    text = "Later she stayed at Hillside Farm and then at Sunnyvale Caravan Park."
    assert typed_spans(StreetAddressRecognizer(), text) == [(LOCATION, "Hillside Farm"), (LOCATION, "Sunnyvale Caravan Park")]


@pytest.mark.parametrize("text", ["The Estate Agent called. The Farm was sold.", "Rose Farm said nothing to the nurse."])
def test_a_site_word_alone_or_without_place_evidence_is_no_address(text: str) -> None:
    assert typed_spans(StreetAddressRecognizer(), text) == []


@pytest.mark.parametrize(("text", "towns"), [
    ("Letters went to Marlowe House, Station Road, Hexham NE46 1AB twice.", ["Hexham"]),
    ("Kestrel House,\nMill Lane, Ludlow, SY8 1ZZ 01584 000000", ["Ludlow"]),
    ("He was found at Lower Farm, Tiverton, EX16 9ZZ on the day.", ["Tiverton"]),
])
def test_the_town_between_a_numberless_address_and_its_postcode_is_a_place(text: str, towns: list[str]) -> None:
    # a place of the address, which the place rules decide (kept only as the partnership's area or larger)
    assert [s for t, s in typed_spans(StreetAddressRecognizer(), text) if t == LOCATION] == towns


def test_no_town_is_taken_without_a_postcode_after_it() -> None:
    text = "Letters went to Marlowe House, Station Road, Hexham and then to the school."
    assert (LOCATION, "Hexham") not in typed_spans(StreetAddressRecognizer(), text)
