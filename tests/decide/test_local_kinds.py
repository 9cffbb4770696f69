"""Local organisations read as their kind, not as people or schools. On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import Person, Register

REGISTER = Register("CSPR 2033-04", (Person("Tamsin Vellacott", "subject child", "female"),))


def _out(text: str) -> str:
    return anonymise(text, register=REGISTER).text


@pytest.mark.parametrize("text, expected", [
    ("Her uncle prays at the Noorani Masjid in Thornbury each week.", "prays at the mosque in [place] each week."),
    ("Her aunt helps at Shree Ganesh Mandir.", "helps at the temple."),
    ("The family went to Sarbat Khalsa Gurdwara on Sundays.", "went to the gurdwara on Sundays."),
])
def test_a_place_of_worship_no_detector_saw_goes_as_its_kind(text: str, expected: str) -> None:
    out = _out(text)
    assert expected in out
    assert "Adult" not in out


def test_a_junior_club_is_no_school_at_any_mention() -> None:
    out = _out("Her brother plays for Fellside Juniors ARLFC. His coach at Fellside Juniors rang the school.")
    assert out == "Her brother plays for the rugby club. His coach at the rugby club rang the school."


def test_a_school_named_juniors_with_no_club_stays_a_school() -> None:
    assert _out("She attended Fellside Juniors in 2031.") == "She attended the school in 2031."
