"""A list of professionals whose first name has its role before it: the role is the first name's only,
and the next name is not set in apposition to it (decide.actions, decide.roles), on invented review text."""

from __future__ import annotations

from anonymiser import anonymise


def test_the_next_name_in_the_list_is_no_apposition_to_the_first_role() -> None:
    text = ("The meeting was held between the youth offending team manager, Mr Ifan Corwen, PC Gwenllian Tudur "
            "of the local police, and Dr Seren Aeron, GP at the Marlfield Surgery.")
    out = anonymise(text).text
    for word in ("Ifan", "Corwen", "Tudur", "Seren", "Aeron"):
        assert word not in out
    assert "team manager and the police officer of the local police," in out


def test_an_apposition_about_the_first_name_keeps_its_comma() -> None:
    text = "It was chaired by the team manager, Mr Ifan Corwen, Ms Gwenllian Tudur's supervisor, who agreed."
    out = anonymise(text).text
    assert "Corwen" not in out and "Tudur" not in out
    assert " and " not in out
