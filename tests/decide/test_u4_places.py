"""Places and institutions read as what they are, not as people or businesses. On invented text."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person, Register
from anonymiser.decide.places_by_context import places_by_context
from anonymiser.detect.recognizers.register_units import another_unit_before, unit_of
from anonymiser.run.register import load_register

REGISTER = Register("CSPR 2032-07", (Person("Isla Penhallow", "subject child", "female"),))


def _out(text: str) -> str:
    return anonymise(text, register=REGISTER).text


@pytest.mark.parametrize("text, expected", [
    ("Her uncle plays Sunday football for Saltmarsh Rovers FC.", "for the football club."),
    ("Her uncle coaches at Kirkby Marsh AFC on Saturdays.", "at the football club on Saturdays."),
    ("Her uncle joined Brackenby RFC in 2031.", "joined the rugby club in"),
])
def test_a_club_named_by_its_ending_goes_as_its_kind(text: str, expected: str) -> None:
    out = _out(text)
    assert expected in out
    assert "Adult" not in out and "FC" not in out


@pytest.mark.parametrize("text", [
    "She moved to the United Kingdom in 2030.",
    "The United Kingdom has four nations.",
])
def test_united_alone_is_no_club(text: str) -> None:
    assert _out(text) == text


# --------------------------------------------------------------------------- places by context

def _det(text: str, span: str, entity: str, detector: str = "SpacyRecognizer", nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Detection(start, start + len(span), entity, 0.85, (detector,))


def _read(text: str, dets: list[Detection]) -> list[tuple[str, str]]:
    return [(text[d.start:d.end], d.entity) for d in places_by_context(text, dets)]


def test_a_name_after_an_institution_and_a_comma_is_its_place() -> None:
    text = "Isla attended Bramble Wood Nursery, Kettle Ness, from May 2030."
    dets = [_det(text, "Bramble Wood Nursery", E.NURSERY, "NurseryRecognizer"),
            _det(text, "Kettle Ness", E.ORGANISATION)]
    assert _read(text, dets)[1] == ("Kettle Ness", E.LOCATION)


def test_a_name_after_an_institution_that_goes_on_is_left_alone() -> None:
    text = "Isla attended Bramble Wood Nursery, Kettle Ness said."
    dets = [_det(text, "Bramble Wood Nursery", E.NURSERY, "NurseryRecognizer"),
            _det(text, "Kettle Ness", E.PERSON)]
    assert _read(text, dets)[1] == ("Kettle Ness", E.PERSON)


def test_the_members_of_a_list_with_a_known_place_are_places() -> None:
    text = "She covered families across Carlisle, Kettle Ness and Marram Sands."
    dets = [_det(text, "Carlisle, Kettle Ness", E.ORGANISATION), _det(text, "Marram Sands", E.PERSON)]
    assert _read(text, dets) == [("Carlisle", E.LOCATION), ("Kettle Ness", E.LOCATION),
                                 ("Marram Sands", E.LOCATION)]


@pytest.mark.parametrize("text", [
    "She met Tom Ness, Ann Marram and Joe Sands.",  # no place among them
    "She met Ms Ness, Carlisle and Joe Sands.",  # a title: a person may stand in the list
])
def test_a_list_without_a_known_place_or_with_a_person_is_left_alone(text: str) -> None:
    dets = [_det(text, "Joe Sands", E.PERSON)]
    assert _read(text, dets) == [("Joe Sands", E.PERSON)]


@pytest.mark.parametrize("text, entity", [
    ("She went to a drop-in at the Marram youth centre in 2031.", E.LOCATION),
    ("She went to the Marram library on Fridays.", E.LOCATION),
    ("She went to the Marram family on Fridays.", E.PERSON),  # a family is no facility
])
def test_a_name_between_the_and_a_facility_noun_is_a_place(text: str, entity: str) -> None:
    assert _read(text, [_det(text, "Marram", E.PERSON)]) == [("Marram", entity)]


def test_a_list_of_places_reads_as_places_end_to_end() -> None:
    out = _out("Isla's health visitor covered families across Carlisle, Kettle Ness and Marram Sands.")
    assert "Kettle Ness" not in out and "Marram Sands" not in out and "Adult" not in out


@pytest.mark.parametrize("building", ["County Hall", "Town Hall", "Shire Hall"])
def test_a_civic_building_is_no_person_though_a_surname_matches(building: str) -> None:
    text = (f"The nursery manager, Jane {building.split()[1]}, rang. The panel met at {building}, Carlisle, "
            f"in May 2031. Ms {building.split()[1]} attended.")
    out = _out(text)
    assert f"met at {building}," in out
    assert "Jane" not in out and f"Ms {building.split()[1]}" not in out


# --------------------------------------------------------------------------- another flat, same street

def test_another_flat_before_the_register_street_is_another_address(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    path.write_text("case: CSPR 2032-07\npeople:\n  - name: Isla Penhallow\n    role: subject child\n"
                    "addresses:\n  - address: Flat 2, 14 Quayside Road, Carlisle\n    residents: [Isla Penhallow]\n")
    text = ("Isla lived at Flat 2, 14 Quayside Road. A neighbour in the flat below, Flat 1, 14 Quayside Road, "
            "rang at night. Police went to 14 Quayside Road.")
    out = anonymise(text, register=load_register(path)).text
    assert "Quayside" not in out
    assert "flat below, [address], rang" in out
    assert out.count("the family home") == 2


@pytest.mark.parametrize("address, text, other", [
    ("Flat 2, 14 Quayside Road", "at Flat 1, 14 Quayside Road", True),
    ("Flat 2, 14 Quayside Road", "at flat 2, 14 Quayside Road", False),
    ("Apt. 3B, 14 Quayside Road", "at Apt 3b, 14 Quayside Road", False),
    ("14 Quayside Road", "at Flat 1, 14 Quayside Road", False),  # the register names no flat
])
def test_another_unit_before(address: str, text: str, other: bool) -> None:
    assert another_unit_before(text, text.index("14"), unit_of(address)) is other
