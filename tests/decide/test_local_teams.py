"""A place before an agency's name: the body's territory is kept, a town opening a local team's name goes.
On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.decide.local_teams import place_in_agency_name

REGISTER = Register("CSPR 2033-02", (Person("Tamsin Vellacott", "subject child", "female"),), area="Kirklees")


def _out(text: str) -> str:
    return anonymise(text, register=REGISTER).text


@pytest.mark.parametrize("text, expected", [
    ("Tamsin met a worker from the Batley Early Help hub in 2032.", "from the [place] Early Help hub in 2032."),
    ("Tamsin went to Mirfield Children's Centre twice.", "went to the children's centre twice."),
])
def test_a_town_opening_a_local_teams_name_goes(text: str, expected: str) -> None:
    out = _out(text)
    assert expected in out
    assert "Batley" not in out and "Mirfield" not in out


@pytest.mark.parametrize("text", [
    "She was known to Leeds Early Help and to Boston Borough Council.",
    "Kirklees Early Help held the case.",
    "Torbay and South Devon NHS Foundation Trust wrote.",
])
def test_a_body_named_after_its_territory_is_kept(text: str) -> None:
    assert _out(text) == text


@pytest.mark.parametrize("text, place, kept", [
    ("Boston Borough Council", "Boston", True),
    ("Leeds Early Help", "Leeds", True),  # a council's own area names its service
    ("Batley Early Help", "Batley", False),  # a town inside one names a local team
    ("Batley Town Hall", "Batley", False),  # no agency word at all
])
def test_place_in_agency_name(text: str, place: str, kept: bool) -> None:
    assert place_in_agency_name(text, 0, len(place)) is kept
