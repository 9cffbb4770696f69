"""An unseen draft's defects, each on invented text: a family list whose brackets restate their line's
role, a clause or sentence that names a label by itself, a relative the register half-knows, words of
a police log typed in capitals, an employer after a job, and a force someone telephoned."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from anonymiser.api import anonymise

CASE = """\
case: CSPR Child W (invented)
people:
  - name: Oliver Thackray
    aliases: [Olly]
    role: subject child
    gender: male
    date_of_birth: 2031-04-02
    pseudonym: Ben
  - name: Natalie Hurst
    aliases: [Nat]
    role: mother
    gender: female
  - name: Dean Thackray
    aliases: [Deano]
    role: father
    gender: male
  - name: Brenda Hurst
    role: maternal grandmother
    gender: female
  - name: Gwen Arkwright
    role: GP
    gender: female
addresses:
  - address: 22 Tanyard Lane, Oxley, WV10 9ZZ
    residents: [subject child, mother]
  - address: Flat 4, Kestrel Court, 17 Mill Street, Bilston, WV14 0ZZ
    residents: [father]
"""


@pytest.fixture(scope="module")
def case(register_file: Callable[[str, str], Path]) -> Path:
    return register_file(CASE, "child-w")


def run(text: str, register: Path) -> str:
    return anonymise(text, register=register).text


def test_a_bracket_that_names_the_role_its_line_gives_goes(case: Path) -> None:
    draft = ("Mother – mother of Child W (Natalie Hurst, known as Nat)\n"
             "Father – father of Child W (Dean Thackray)\n"
             "Maternal grandmother – (Brenda Hurst)\n"
             "Child W – subject (Oliver Thackray)\n")
    assert run(draft, case) == ("Mother – mother of Child W\nFather – father of Child W\nMaternal grandmother\n"
                                "Child W – subject (Ben)\n")


def test_a_clause_naming_the_address_by_its_own_label_goes(case: Path) -> None:
    out = run("3.2 Nat and Olly lived at 22 Tanyard Lane, Oxley, which is referred to in this report as the "
              "family home.", case)
    assert out == "3.2 Mother and Ben lived at the family home."


def test_the_sentence_that_gives_the_pseudonym_keeps_it_unquoted(case: Path) -> None:
    assert run("1.3 In this report Olly is referred to as Ben.", case) == \
        "1.3 In this report the subject child is referred to as Ben."


def test_an_initial_no_register_person_of_that_surname_has_is_another_of_the_family(case: Path) -> None:
    """'Mr K Thackray', where the one Thackray man is Dean: someone else, never 'Father'."""
    out = run("4.2 A Mr K Thackray was listed as a family friend. Mr Thackray denied it.", case)
    assert "Father was listed" not in out and "Thackray" not in out and out.endswith("Father denied it.")


def test_words_of_a_police_log_in_capitals_stay_and_its_officers_go(case: Path) -> None:
    log = ("CALLER REPORTS CHILD UNRESPONSIVE AT 22 TANYARD LANE OXLEY\n"
           "MOTHER INFORMED BY PHONE AT 02:20\n"
           "OFFICERS PC 6120 WINTERBOTTOM DEPLOYED\n")
    out = run("Dr Gwen Arkwright saw him.\n\n" + log, case)
    assert "WINTERBOTTOM" not in out and "6120" not in out
    assert "UNRESPONSIVE AT" in out and "BY PHONE AT 02:20" in out and "DEPLOYED" in out


def test_an_employer_after_a_job_is_the_employer(case: Path) -> None:
    out = run("3.3 He works nights as a warehouse operative for Pennant Haulage at their depot.", case)
    assert out == "3.3 He works nights as a warehouse operative for the employer at their depot."


def test_a_force_someone_telephoned_is_no_alias(case: Path) -> None:
    out = run("4.7 A neighbour, an Ivy Brennand, called West Midlands Police to report shouting.", case)
    assert "called West Midlands Police to report shouting" in out and "Brennand" not in out


def test_a_flat_in_a_named_building_is_the_register_address_without_its_street(case: Path) -> None:
    out = run("CALLER STATES CHILD FELL AT FLAT 4 KESTREL COURT BILSTON\n\nHe moved to Flat 4, Kestrel Court.", case)
    assert "KESTREL" not in out and "Kestrel" not in out and "BILSTON" not in out
    assert "THE COURT" not in out and out.endswith("He moved to another address.")


def test_two_institutions_in_a_list_are_two(case: Path) -> None:
    out = run("2.1 It drew on Little Wrens Day Nursery and Castlecroft Primary School.", case)
    assert out == "2.1 It drew on the nursery and the primary school."


def test_a_kinship_word_before_a_name_says_who_it_is(case: Path) -> None:
    out = run('4.5 Olly told the nurse that "Daddy Deano" had shouted and that Nanny Brenda had cried.', case)
    assert out == '4.5 Ben told the nurse that "Daddy" had shouted and that Nanny had cried.'
    lower = run('4.6 The midwife noted that "dad Deano" was present and engaged well.', case)
    assert lower == '4.6 The midwife noted that "dad" was present and engaged well.'


def test_a_professional_named_after_is_is_a_professional() -> None:
    out = anonymise("3.2 Her class teacher is Mr Alwyn Pargeter and her mother is Ms Kerry Vowles.").text
    assert out == "3.2 Her class teacher is Professional A and her mother is Adult B."


def test_a_signature_whose_next_line_gives_the_label_keeps_the_role_line_alone() -> None:
    draft = "Independent reviewer: Morwenna Tallis\n\n6.1 Text.\n\nMorwenna Tallis\nIndependent Reviewer\n"
    assert anonymise(draft).text == "Independent reviewer\n\n6.1 Text.\n\nIndependent Reviewer\n"


def test_a_flat_word_before_the_register_address_is_no_other_flat(case: Path) -> None:
    """'his own flat at Flat 4, Kestrel Court, ...': 'flat at' names no other unit of the building."""
    out = run("3.1 He kept the tenancy of his own flat at Flat 4, Kestrel Court, 17 Mill Street, Bilston, WV14 0ZZ.", case)
    assert out == "3.1 He kept the tenancy of his own flat."


def test_a_name_cell_whose_row_gives_the_role_reads_name_removed(case: Path) -> None:
    table = ("| Relationship | Name |\n|---|---|\n| Mother | Natalie Hurst |\n| Subject child | Oliver Thackray |\n"
             "| Father | Dean Thackray |\n")
    assert run(table, case) == ("| Relationship | Name |\n|---|---|\n| Mother | [name removed] |\n"
                                "| Subject child | Ben |\n| Father | [name removed] |\n")


def test_a_bracketed_name_in_a_sentence_is_no_family_list_row(case: Path) -> None:
    """'The GP wrote to the mother. A neighbour (Natalie Hurst) then called.': the role is the sentence's,
    not the line's label, so the bracket stays and says who called."""
    out = run("6.1 The GP wrote to the mother. A neighbour (Natalie Hurst) then called.", case)
    assert out == "6.1 The GP wrote to the mother. A neighbour (Mother) then called."


def test_an_address_opening_a_clause_after_a_home_noun_stays_replaced(case: Path) -> None:
    out = run("3.4 They left the hostel, 22 Tanyard Lane became their home.", case)
    assert out == "3.4 They left the hostel, the family home became their home."
