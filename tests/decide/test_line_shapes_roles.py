"""A role's words within one block, and a section number with a letter (decide.role_words, decide.wording):
invented text."""

from __future__ import annotations

from anonymiser.api import anonymise


def test_a_role_takes_no_modifier_from_the_cell_or_paragraph_before() -> None:
    out = anonymise("Oakfield Primary School\n\nClass teacher Miss Jane Ollerton notes a bruise.").text
    assert "The class teacher notes a bruise." in out
    assert "school class teacher" not in out


def test_a_hard_wrapped_role_is_still_one_role() -> None:
    out = anonymise("Later that week the health\nvisitor, Mrs Ada Whitlow, came.").text
    assert "Whitlow" not in out and "the health\nvisitor came." in out


def test_a_section_number_with_a_letter_keeps_the_capital_after_it() -> None:
    out = anonymise("Intro.\n\n7B.3 Mr Tom Reece, the housing officer, arranged a room.").text
    assert "7B.3 The housing officer arranged a room." in out
