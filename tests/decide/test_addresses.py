"""A register address becomes only what the register says of it (decide.addresses): its label, the
family home for the subject child's home, and otherwise another address or the plain marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.api import anonymise
from anonymiser.config.profile import load_profile
from anonymiser.core.register import AddressNote, Person, Register
from anonymiser.decide.addresses import address_text

PEOPLE = """\
people:
  - name: Nia Fairbrother
    role: subject child
    gender: female
    pseudonym: Emily
  - name: Lorna Fairbrother
    role: mother
    gender: female
  - name: Kieran Doyle
    role: father
    gender: male
  - name: Edith Fairbrother
    role: maternal grandmother
    gender: female
"""
HOME, FLAT, NAN = "12 Larch Avenue, Hollinwood, OL9 7QT", "Flat 6, 30 Quarry Street, Oldham, OL1 3HD", "4 Moss Bank, Royton"
DRAFT = (f"Nia lived with her mother at {HOME}. In 2022 Mr Doyle moved to {FLAT} and Nia stayed there "
         f"at weekends. Her grandmother lives at {NAN}.")


def _register(tmp_path: Path, addresses: str) -> Path:
    path = tmp_path / "fairbrother.register.yaml"
    path.write_text(PEOPLE + "addresses:\n" + addresses, encoding="utf-8")
    return path


def test_only_the_subject_childs_home_is_the_family_home(tmp_path: Path) -> None:
    register = _register(tmp_path, f"""\
  - address: {HOME}
    residents: [subject child, mother]
  - address: {FLAT}
    residents: [Kieran Doyle]
  - {NAN}
""")
    out = anonymise(DRAFT, register=register).text
    assert out == ("Emily lived with her mother at the family home. In 2022 Father moved to another address and "
                   "Emily stayed there at weekends. Her grandmother lives at another address.")


def test_the_registers_label_says_whose_it_is(tmp_path: Path) -> None:
    register = _register(tmp_path, f"""\
  - address: {HOME}
    residents: [subject child, mother]
  - address: {FLAT}
    label: the father's new flat
""")
    result = anonymise(DRAFT, register=register)
    assert "Father moved to the father's new flat and" in result.text
    assert any("register label" in r.rule for r in result.decisions.replacements)


def test_without_residents_no_address_is_called_the_family_home(tmp_path: Path) -> None:
    # the register does not say whose any address is: none is the family home, and none 'another'
    out = anonymise(DRAFT, register=_register(tmp_path, f"  - {HOME}\n  - {FLAT}\n  - {NAN}\n")).text
    assert "the family home" not in out and "another address" not in out
    assert out.count("[address]") == 3


def test_the_family_home_already_named_before_the_address_is_not_repeated(tmp_path: Path) -> None:
    register = _register(tmp_path, f"  - address: {HOME}\n    residents: [subject child]\n")
    out = anonymise(f"Police attended the family home at {HOME} twice.", register=register).text
    assert out == "Police attended the family home twice."


PROFILE = load_profile().policy("ADDRESS")
CHILD = Person("Nia Fairbrother", "subject child")
REG = Register(case=None, people=(CHILD, Person("Lorna Fairbrother", "mother")),
               addresses=("12 Larch Avenue", "30 Quarry Street", "Flat 1, 12 Larch Avenue"),
               address_notes=(AddressNote(residents=(CHILD.key,)), AddressNote(label="a flat")))


@pytest.mark.parametrize("which, text", [
    ((0,), "the family home"),
    ((1,), "a flat"),
    ((2,), "another address"),  # not the child's home, and the register says which is
    ((0, 2), "[address]"),  # a street two addresses share, which would read differently: neither is stated
    ((7,), "[address]"),  # no such address
])
def test_address_text(which: tuple[int, ...], text: str) -> None:
    assert address_text(REG, which, PROFILE)[0] == text


def test_an_address_with_an_apostrophe_is_found_whole(tmp_path: Path) -> None:
    register = _register(tmp_path, f"""\
  - address: {HOME}
    residents: [subject child]
  - address: 8 Bishop's Row, Bishop's Stortford, CM23 4AB
    residents: [father]
""")
    out = anonymise("Mr Doyle moved to 8 Bishop's Row, Bishop's Stortford, CM23 4AB after the separation.",
                    register=register).text
    assert out == "Father moved to another address after the separation."


def test_two_homes_of_the_child_are_told_apart_only_by_their_labels(tmp_path: Path) -> None:
    draft = f"In 2020 the family moved from {NAN} to {HOME}."
    both = f"  - address: {NAN}\n    residents: [subject child]\n  - address: {HOME}\n    residents: [subject child]\n"
    assert anonymise(draft, register=_register(tmp_path, both)).text == "In 2020 the family moved from [address] to [address]."
    labelled = both.replace("    residents: [subject child]\n  - address: {HOME}".replace("{HOME}", HOME),
                            f"    residents: [subject child]\n    label: their first home\n  - address: {HOME}")
    out = anonymise(draft, register=_register(tmp_path, labelled)).text
    assert out == "In 2020 the family moved from their first home to the family home."


@pytest.mark.parametrize("draft, published", [
    # a noun for a home before the address says what it is: the address goes with its 'at'
    ("In May 2021 she moved to her aunt's house at 16 Quarry Bank Close with the baby.",
     "In May 2021 she moved to her aunt's house with the baby."),
    ("She moved to a flat at 9 Tinsel Row in June.", "She moved to a flat in June."),
    # a town and a postcode after the street are the address's: they go with it
    ("The family lived in a flat at Flat 2, 9 Tinsel Row, Hebden Royd HX7 5PL.",
     "The family lived in a flat."),
    # no noun for a home before it: the marker says what it is
    ("Police attended 16 Quarry Bank Close at 2am.", "Police attended [address] at 2am."),
])
def test_an_address_after_a_noun_for_a_home_goes_with_its_at(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


def test_an_address_whose_label_is_its_sentences_subject_reads_as_the_plain_marker(tmp_path: Path) -> None:
    path = _register(tmp_path, f"  - address: {HOME}\n    residents: [Nia Fairbrother, Lorna Fairbrother]\n")
    out = anonymise(f"2.3 The family home was {HOME}. Nia lived at {HOME} with her mother.", register=path).text
    assert out == "2.3 The family home was [address]. Emily lived at the family home with her mother."
