"""Invented drafts for words that are names too, bodies named by their kind or founder, festivals,
house numbers, aliases in brackets and role titles (found by unseen drafts 18 and 19)."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


@pytest.fixture
def church_register(register_file):  # noqa: ANN001, ANN201
    return register_file("""
people:
  - name: Tamsin Church
    role: subject child
    gender: female
  - name: Ruth Church
    role: mother
    gender: female
  - name: Martin Bishop
    role: father
    gender: male
area: Kent
""", "case")


def test_a_register_surname_in_lower_case_is_the_word(church_register) -> None:  # noqa: ANN001
    out = anonymise('Tamsin said "church was the only place nobody shouted at me". Ms Church met the '
                    "reviewer at the church hall. Mr Bishop said the bishop came.", register=church_register).text
    assert '"church was the only place' in out and "the church hall" in out and "the bishop came" in out
    assert "Ms Church" not in out and "Mr Bishop" not in out and "Tamsin" not in out
    assert "[family name]" not in out


def test_a_register_surname_between_the_and_of_is_an_office(church_register) -> None:  # noqa: ANN001
    out = anonymise("Mr Bishop attended. The Bishop of Rochester was told. Later Bishop spoke.",
                    register=church_register).text
    assert "The Bishop of" in out and "Mr Bishop" not in out and "Later Bishop" not in out


def test_a_lower_case_name_no_dictionary_knows_is_still_the_person(register_file) -> None:  # noqa: ANN001
    reg = register_file("people:\n  - name: Ayo Okonkwo\n    role: father\n    gender: male\n", "case")
    assert "okonkwo" not in anonymise("the login was okonkwo and the note said ayo okonkwo", register=reg).text.lower()


def test_a_quoted_nickname_in_brackets_is_the_same_persons() -> None:
    out = anonymise('Mercy says Dritan Hoxha ("Danny") from the takeaway gives her food. She talked about '
                    'Danny often. Her coach, Lee Carver ("Carvo"), later describes her as quiet. Carvo said so.').text
    assert "Danny" not in out and "Carvo" not in out
    assert '("' not in out  # the bracket goes with the name it only restates
    assert out.count("Adult A") == 2
    assert "Her coach later describes her" in out and "The coach said so" in out


def test_a_quotation_in_brackets_after_a_name_is_no_alias() -> None:
    out = anonymise('She met Jon Hale ("I trust him", she said) at the park.').text
    assert '("I trust him", she said)' in out


def test_an_alias_the_ner_read_as_a_body_is_still_the_person() -> None:
    out = anonymise("On 22 April the family support worker Lorna Tegg (known as Lol) offered visits.\n"
                    "5.1 Lorna Tegg from the children's centre built trust. Lol made two visits.").text
    assert "Lol" not in out and "Adult" not in out
    assert "The family support worker made two visits" in out


def test_the_reviews_own_name_in_its_naming_phrase_is_kept(register_file) -> None:  # noqa: ANN001
    reg = register_file("people:\n  - name: Tilly Marsden\n    role: subject child\n    gender: female\n", "case")
    out = anonymise("This review concerns Tilly Marsden, who is called Baby T in this review.", register=reg).text
    assert "who is called Baby T in this review" in out and "Tilly" not in out


def test_a_named_site_of_a_register_address_alone_is_that_address(register_file) -> None:  # noqa: ANN001
    reg = register_file("""
people:
  - name: Tilly Marsden
    role: subject child
    gender: female
addresses:
  - address: Plot 9, Hazelmere Fields, Brook Road, Swaffham, PE37 7QA
    residents: [subject child]
""", "case")
    out = anonymise("New birth visit at Hazelmere Fields by the health visitor. The family moved between "
                    "Hazelmere Fields and the town.", register=reg).text
    assert "Hazelmere" not in out and "Adult" not in out
    assert "visit at the family home by" in out and "between the family home and the town" in out


def test_a_firm_by_its_founders_name_in_the_possessive_is_the_firm() -> None:
    out = anonymise("He works for P. K. Hollinby & Sons Haulage Ltd. Hollinby's told the review that his "
                    "shifts changed. Hollinby's yard was busy. Mr Hollinby's car was red.").text
    assert "Hollinby" not in out
    assert "The employer told the review" in out and "The employer's yard" in out
    assert "Adult A's car" in out  # a title makes it a person's


def test_a_kept_place_inside_an_employers_name_leaves_it_whole() -> None:
    out = anonymise("He was a bus driver who worked for Bravia Kent Thameside.").text
    assert "worked for the employer." in out


def test_a_body_two_detectors_saw_overlapping_is_one_body() -> None:
    out = anonymise("She was taken to the Cumbria and Lancaster University Hospital and pronounced dead.").text
    assert "taken to the hospital and pronounced" in out
    assert "Lancaster" not in out


def test_a_prisons_name_after_hmp_alone_is_the_prison() -> None:
    out = anonymise("He was held at HMP Fellbridge Grange. He phoned from Fellbridge Grange most weeks, "
                    "and staff at Fellbridge Grange said so.").text
    assert "Fellbridge" not in out and "HMP" not in out
    assert out.count("the prison") == 3


def test_a_mosque_named_after_its_head_word() -> None:
    out = anonymise("The imam of Masjid an-Noor, Calder Road, told the police. Masjid an-Noor passed on the concern.").text
    assert "an-Noor" not in out and "Masjid" not in out
    assert "of the mosque, [place]," in out and "The mosque passed" in out


def test_a_congregation_named_in_common_words_is_the_church() -> None:
    out = anonymise("The family attend the Bright Morning Gypsy Church. Jane Chapel visited.").text
    assert "Bright Morning" not in out and "the church" in out
    assert "Jane Chapel" not in out and "Adult A visited" in out  # a first name and a surname


def test_a_street_the_ner_read_as_a_person_is_a_place() -> None:
    out = anonymise("Imam Ali Raza of Masjid Noor, Felton Road, told PC Hart.").text
    assert "Felton" not in out and "Adult" not in out


def test_titles_that_are_roles() -> None:
    out = anonymise("Imam Yusuf Rahimi told PCSO Ben Tolley and PC Amy Hart. Later Imam Rahimi said so.").text
    assert "The imam told Police Officer 1 and Police Officer 2" in out and "Later the imam said so" in out


def test_a_title_role_before_a_possessive_name_is_hers() -> None:
    out = anonymise("Staff Nurse Gemma Rook saw her. Later Staff Nurse Rook's action was decisive.").text
    assert "Later the staff nurse's action" in out and "Staff the" not in out


def test_a_subject_before_a_teachers_role_stays_with_it() -> None:
    out = anonymise("Mercy discloses to PE teacher Miss Alice Fenn that she is scared.").text
    assert "discloses to the PE teacher that" in out


def test_a_college_is_the_college() -> None:
    assert "studies at the college" in anonymise("Her cousin studies at North Wessex College.").text


def test_compass_words_with_a_kept_area_are_kept(register_file) -> None:  # noqa: ANN001
    reg = register_file("people:\n  - name: Tilly Marsden\n    role: subject child\n    gender: female\narea: Norfolk\n", "case")
    out = anonymise("He moved from the West Norfolk team to the city team.", register=reg).text
    assert "the West Norfolk team" in out and "[place] Norfolk" not in out


def test_a_festival_with_its_year_is_the_part_of_its_month() -> None:
    out = anonymise("Police were called at Christmas 2021. From Easter 2022 she was at school. "
                    "Over Christmas the family stayed in.").text
    assert "called in late December 2021" in out and "From mid-April 2022" in out
    assert "Over Christmas the family" in out


def test_a_house_number_after_no_goes_with_its_street() -> None:
    out = anonymise("The family lived at No. 7 Larchmere Crescent until 2020. Recommendation No. 4 Police "
                    "should act. See crime no. 42.").text
    assert "lived at [address] until" in out and "reference removed] [address]" not in out
    assert "Recommendation No. 4 Police" in out and "42" not in out


def test_a_version_number_before_a_date_is_kept() -> None:
    assert "Draft version 3 - January 2026" in anonymise("Draft version 3 - 27 January 2026").text


def test_eponymous_clinical_and_legal_terms_are_kept() -> None:
    text = ("Gillick competence was assessed against the Rumack-Matthew nomogram. A possible Mallory-Weiss "
            "tear was seen, and the Moro reflex was absent.")
    assert anonymise(text).text == text


def test_an_acronym_a_glossary_line_defines_is_kept_where_a_pdf_lost_its_tab() -> None:
    text = ("13 October 2024\n\nShe attends A&E.\n\nWKT\n\nWKT / Police\n\nGlossary\n\n"
            "WKT Wessex and Kingsbury NHS Trust\n\nCSE child sexual exploitation\n")
    out = anonymise(text).text
    assert out.count("WKT") == 3 and "Adult" not in out


def test_initials_before_a_persons_name_in_a_glossary_are_hers() -> None:
    out = anonymise("KW saw her.\n\nGlossary\n\nKW Kayla Watson, social worker\n").text
    assert "KW" not in out and "Kayla" not in out


def test_an_allowlisted_trust_holding_a_hospitals_name_is_kept_whole() -> None:
    text = ("Agencies:\n\nThe Queen Elizabeth Hospital King's Lynn NHS Foundation Trust (maternity)\n\n"
            "3.2 She was born at the Queen Elizabeth Hospital, at 38 weeks.")
    out = anonymise(text).text
    assert "The Queen Elizabeth Hospital King's Lynn NHS Foundation Trust (maternity)" in out
    assert "born at the hospital, at 38 weeks" in out
