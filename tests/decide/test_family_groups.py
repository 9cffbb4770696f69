"""A register surname before a group word names the household, not one of its members. On invented text."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.decide.wording import family_group_surname

REGISTER = Register("CSPR 2033-05", (Person("Tamsin Vellacott", "subject child", "female"),
                                     Person("Lowenna Carbis", "maternal grandmother", "female")))


def test_the_surname_family_reads_the_family() -> None:
    out = anonymise("Staff had known the Carbis family for years. Mrs Carbis agreed.", register=REGISTER).text
    assert out == "Staff had known the family for years. Maternal Grandmother agreed."


def test_family_group_surname_needs_the_and_a_group_word() -> None:
    text = "the Carbis family; Carbis family; the Carbis report"
    assert family_group_surname(text, 4, 10, "Carbis") == 11
    assert family_group_surname(text, 19, 25, "Carbis") is None  # no 'the'
    assert family_group_surname(text, 39, 45, "Carbis") is None  # no group word
