"""A third unseen draft's defects, each on invented text: a record's misspelling of a register child's
name, acronyms of the trade in a log, a home in an apposition, a street spread as a person, and an officer
at a capitals run's end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from anonymiser.api import anonymise

CASE = """\
case: CSPR Child V (invented)
people:
  - name: Rafael Oduya
    role: subject child
    gender: male
    pseudonym: Theo
  - name: Imran Oduya
    role: father
    gender: male
  - name: Parveen Oduya
    role: paternal grandmother
    gender: female
addresses:
  - address: 40 Larkspur Rise, Denton, M34 9ZZ
    residents: [subject child, father]
  - address: 8 Tanner Close, Hyde, SK14 9ZZ
    residents: [paternal grandmother]
    label: the paternal grandmother's house
"""


@pytest.fixture(scope="module")
def case(register_file: Callable[[str, str], Path]) -> Path:
    return register_file(CASE, "child-v")


def test_a_records_misspelling_of_the_childs_name_is_the_child(case: Path) -> None:
    out = anonymise('4.7 The ambulance record spelled his name "Rafel Oduyah". Rafel\'s father was present. '
                    "His uncle Tariq Oduya came.", register=case).text
    assert out == '4.7 The ambulance record spelled his name "Theo". Theo\'s father was present. His uncle Adult A came.'
    # two letters off, as no name list spells it, and then alone
    out = anonymise('4.8 The police log has "RAFIL ODUYA". Rafil was asleep.', register=case).text
    assert out == '4.8 The police log has "THEO". Theo was asleep.'


def test_acronyms_of_the_trade_in_a_log_are_kept() -> None:
    out = anonymise("Draft CSPR\n\n0217HRS CALL FROM NWAS. VRM AB12 CDE OUTSIDE.\n").text
    assert out == "Draft CSPR\n\n0217HRS CALL FROM NWAS. VRM [vehicle registration removed] OUTSIDE.\n"


def test_a_home_named_before_its_address_in_an_apposition_keeps_one_name(case: Path) -> None:
    out = anonymise("3.1 He stayed at his mother's house, 8 Tanner Close, Hyde, with his sister.", register=case).text
    assert out == "3.1 He stayed at his mother's house with his sister."


def test_an_officer_at_the_end_of_a_capitals_run_is_a_professional() -> None:
    out = anonymise("OFFICERS PC 2213 HALLIWELL AND PC 4418 ADEYEMI DEPLOYED. LOG 12345.\n").text
    assert "HALLIWELL" not in out and "ADEYEMI" not in out and "Adult" not in out.replace("ADULT", "Adult")


def test_a_title_before_a_misspelt_surname_is_never_learned_as_a_first_name(case: Path) -> None:
    out = anonymise("5.1 Mrs Oduyah called. Ms Fenwick, the health visitor, told the reviewer.", register=case).text
    assert "Paternal Grandmother Fenwick" not in out and "Fenwick" not in out and " Ms " not in out


def test_an_english_word_before_a_register_surname_is_no_misspelt_first_name(case: Path) -> None:
    out = anonymise("5.2 Both Oduya children were seen. Both parents attended. Rafe Oduya was not there.",
                    register=case).text
    assert out.count("Both") == 2 and "Oduya" not in out


def test_initials_beside_a_title_or_in_a_sentence_are_still_the_person() -> None:
    out = anonymise("Anwen Treharne (AT) is the health visitor. HV AT visited the home. DC ON attended.").text
    assert " AT " not in out
