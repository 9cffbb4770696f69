"""A body's initials before its agency words are kept with the name; initials alone still go. On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.decide.initialled_bodies import agency_after, initialled_body

REGISTER = Register("CSPR 2033-02", (Person("Morwenna Tregear", "subject child", "female"),))


@pytest.mark.parametrize("words, body", [
    (["TQW", "Integrated", "Care", "Board"], True),
    (["TQW", "ICB"], True),
    (["TQW", "Integrated", "Care"], False),  # no head word
    (["Tamsworth", "Council"], False),  # a word, not initials
    (["TQW", "Street", "Council"], False),  # a word of no agency between
])
def test_initialled_body(words: list[str], body: bool) -> None:
    assert initialled_body(words) is body


def test_agency_after() -> None:
    assert agency_after("TQW Integrated Care Board met", 3)
    assert not agency_after("TQW said so", 3)


def test_an_initialled_nhs_body_is_kept_whole() -> None:
    text = ("Morwenna was referred by TQW Integrated Care Board in May 2032. The head of safeguarding, "
            "TQW ICB, chaired the review. RP said that she had not seen her.")
    out = anonymise(text, register=REGISTER).text
    assert "by TQW Integrated Care Board in May 2032" in out
    assert "safeguarding, TQW ICB, chaired" in out
    assert "RP" not in out  # a person's initials with no agency after them still go
