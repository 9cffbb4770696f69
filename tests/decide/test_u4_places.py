"""Places and institutions read as what they are, not as people or businesses. On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import Person, Register

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
