"""A name set off by commas keeps its closing comma when the alias after it goes (decide.wording,
decide.actions), on invented review text."""

from __future__ import annotations

from anonymiser import anonymise
from anonymiser.core.register import Person, Register

REGISTER = Register("CSPR 2033-03", (
    Person("Tegan Rowe", "subject child", "female"),
    Person("Carys Rowe", "older sister", "female", aliases=("Cari",)),
))


def test_an_apposed_name_keeps_the_comma_that_closes_it() -> None:
    out = anonymise("Tegan's older sister, Carys Rowe, known as Cari, wrote a letter.", register=REGISTER).text
    assert "Carys" not in out and "Cari" not in out
    assert out.endswith(", wrote a letter.") and "sister, " in out


def test_a_name_opening_the_sentence_loses_the_aliass_commas() -> None:
    out = anonymise("Carys Rowe, known as Cari, wrote a letter.", register=REGISTER).text
    assert "," not in out and "Cari" not in out
