"""How a replacement reads in its sentence: places the NER or the residue took for people, a register
label with the article and kind round it, a role restated with what it is from, a nickname 'known
locally', an eponym's test, a pet's name. On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import AddressNote, Person, Register

FAMILY = Register("CSPR 2034-01", (Person("Tilly Rowe", "subject child", "female"),
                                   Person("Gemma Rowe", "mother", "female"),
                                   Person("Dean Maddox", "mother's partner", "male")),
                  addresses=("Rowan Lodge",), address_notes=(AddressNote(label="the refuge"),), area="Shropshire")


def test_a_place_the_gazetteer_knows_is_a_place_not_a_person() -> None:
    out = anonymise("In May she moved to a flat in Wellington, Telford, with Tilly.", register=FAMILY).text
    assert "Telford" not in out and "Adult" not in out and "organisation" not in out


def test_a_place_whose_first_word_is_a_common_word_goes_whole() -> None:
    out = anonymise("Gemma worked at a warehouse in Market Drayton; the shifts were long.", register=FAMILY).text
    assert "Market" not in out and "Drayton" not in out and "Adult" not in out


def test_a_name_after_a_named_church_and_a_comma_is_where_it_is() -> None:
    out = anonymise("Gemma attends St Aldric's Church, Wollerton Brace, where Tilly was christened.",
                    register=FAMILY).text
    assert out.startswith("Mother attends the church, [place], where ")


def test_a_register_label_takes_in_the_article_and_kind_round_the_name() -> None:
    out = anonymise("In June she moved with Tilly to the Rowan Lodge refuge in Shrewsbury.", register=FAMILY).text
    assert "the refuge in" in out
    assert "the the" not in out and "refuge refuge" not in out


def test_a_role_apposed_with_what_it_is_from_reads_once() -> None:
    out = anonymise("Janet Colley, the health visitor from Midshire Community Health NHS Trust, carried out "
                    "the check. Janet Colley, the health visitor from the trust, then left.").text
    assert out == ("The health visitor from Midshire Community Health NHS Trust carried out the check. "
                   "The health visitor from the trust then left.")


def test_a_restated_role_keeps_what_is_replaced_in_its_qualifier() -> None:
    out = anonymise("Ellen Quartermaine, the school nurse at Brackwood Primary School, saw him.").text
    assert out == "The school nurse at the primary school saw him."


def test_a_bracket_that_restates_the_role_keeps_the_rest() -> None:
    out = anonymise("Tobias Wrenfield (housing officer, Midshire Council) arranged the placement.").text
    assert out == "The housing officer (Midshire Council) arranged the placement."


def test_a_role_apposed_without_a_qualifier_still_reads_once() -> None:
    out = anonymise("Amina Okafor, the health visitor, visited.").text
    assert out == "The health visitor visited."


def test_a_nickname_known_locally_reads_as_another_name() -> None:
    reg = Register("CSPR 2034-02", (Person("Dean Maddox", "mother's partner", "male", ("Maddo",)),))
    out = anonymise('Dean is known locally as "Maddo" and drives a van.', register=reg).text
    assert out == "Mother's Partner is known locally by another name and drives a van."


def test_an_eponyms_name_before_a_test_is_the_condition() -> None:
    out = anonymise("The paediatrician asked for a von Falkenrath screen. Von Falkenrath disease was "
                    "ruled out; von Falkenrath disease is rare.").text
    assert "a von Falkenrath screen" in out and "Adult" not in out


def test_a_name_after_a_test_word_that_no_eponym_gives_is_still_a_person() -> None:
    out = anonymise("Dr Halloran took a blood test. Greta Halloran test results came back.").text
    assert "Halloran" not in out


def test_a_pets_name_the_draft_gives_is_the_pet_at_every_mention() -> None:
    out = anonymise('"I hide under my bed with Crumble." Crumble is the family\'s dog. Later Crumble barked.').text
    assert "Crumble" not in out and "Adult" not in out
    assert out.startswith('"I hide under my bed with the dog."')


def test_a_person_whose_job_names_an_animal_is_no_pet() -> None:
    out = anonymise("Sorrel Pike is their dog walker. Sorrel Pike said no.").text
    assert "Sorrel" not in out and "the dog said" not in out


def test_a_full_name_whose_first_name_is_a_word_is_found_whole_again() -> None:
    out = anonymise("Sorrel Pike is their dog walker. Sorrel Pike said no.").text
    assert "Sorrel" not in out and "Pike" not in out


def test_a_senior_police_rank_before_a_name_is_the_officers_role() -> None:
    out = anonymise("Detective Superintendent Rhodri Vance chaired the panel. PC Hana Moss attended.").text
    assert out == "The detective superintendent chaired the panel. The police officer attended."


def test_a_qualified_role_as_the_subject_of_a_copula_puts_the_label_first() -> None:
    reg = Register("CSPR 2034-03", (Person("Tilly Rowe", "subject child", "female", pseudonym="Nell"),
                                    Person("Bogdan Rowe", "father", "male")))
    out = anonymise("Tilly's birth father is Bogdan Rowe, a Polish national.", register=reg).text
    assert out == "Father is Nell's birth father, a Polish national."


def test_a_professionals_other_role_of_the_same_kind_reads_as_the_one_label() -> None:
    out = anonymise("Staff Nurse Orla Quennell, the triage nurse in the Emergency Department, noted bruising. "
                    "Nurse Quennell called the police.").text
    assert out == ("The staff nurse in the Emergency Department noted bruising. The staff nurse called the "
                   "police.")


def test_a_qualified_relation_with_whose_it_is_names_the_person_before_their_name() -> None:
    reg = Register("CSPR 2034-04", (Person("Gemma Rowe", "mother", "female"),
                                    Person("Edna Pryde", "maternal great-aunt", "female")))
    out = anonymise("Gemma's maternal aunt, Edna Pryde, who lives nearby, helps.", register=reg).text
    assert out == "Mother's maternal aunt, who lives nearby, helps."


def test_one_unknown_word_the_ner_read_as_a_person_after_in_is_a_place() -> None:
    out = anonymise("He attends Quarnford Vale Primary School. He was seen drinking in Quarnford.").text
    assert out == "He attends the primary school. He was seen drinking in [place]."


def test_a_first_name_after_a_preposition_of_place_is_still_a_person() -> None:
    out = anonymise("She confided in Sam about it. He was found in Tilly's room.").text
    assert "[place]" not in out and "Sam" not in out and "Tilly" not in out


def test_a_place_marker_after_another_and_a_comma_goes_with_its_comma() -> None:
    out = anonymise("They live in Ovenden, Halifax, with Tilly. He went to Ovenden and Halifax.", register=FAMILY).text
    assert out.startswith("They live in [place], with ")
    assert out.endswith("He went to [place] and [place].")


def test_a_day_in_the_week_of_reads_as_one_week_of_the_month() -> None:
    out = anonymise("He was seen twice in the week of 7 November 2022.").text
    assert out == "He was seen twice one week in November 2022."


def test_an_estate_the_ner_read_as_a_person_is_a_place() -> None:
    out = anonymise("He ran with younger boys on the Quarnbrook estate.").text
    assert out == "He ran with younger boys on the [place] estate."


def test_a_role_after_the_name_with_its_initialism_is_read() -> None:
    out = anonymise("Mrs Anita Kaurwell, designated safeguarding lead (DSL), rang. Mrs Kaurwell said no.").text
    assert out == "The designated safeguarding lead rang. The designated safeguarding lead said no."


def test_a_return_home_interviewer_is_labelled_by_the_role() -> None:
    out = anonymise("Priya Mistral, return home interviewer from the charity, saw him.").text
    assert out == "The return home interviewer from the charity saw him."


def test_a_name_cell_before_its_role_cell_reads_name_removed() -> None:
    reg = Register("CSPR 2034-05", (Person("Kerry Holbeck", "mother", "female"),))
    out = anonymise("| Name | Relationship |\n|---|---|\n| Kerry Holbeck | Mother |\n", register=reg).text
    assert "| [name removed] | Mother |" in out


def test_a_register_postcodes_district_alone_is_a_place() -> None:
    reg = Register("CSPR 2034-06", (Person("Kerry Holbeck", "mother", "female"),),
                   addresses=("17 Cotswold Close, Chesterfield S41 8DX",))
    out = anonymise('Graffiti reading "RUNS S41" was found. Kerry lives at 17 Cotswold Close, Chesterfield S41 8DX.',
                    register=reg).text
    assert "S41" not in out and 'reading "RUNS [place]"' in out


def test_an_alias_bracket_after_a_name_its_role_replaced_goes_with_it() -> None:
    reg = Register("CSPR 2034-07", (Person("Pauline Dunwell", "paternal grandmother", "female", ("Nana Pauline",)),))
    out = anonymise('He lived with his paternal grandmother, Pauline Dunwell ("Nana Pauline"), in 2021.', register=reg).text
    assert out == "He lived with his paternal grandmother in 2021."


def test_a_field_label_keeps_its_colon_when_the_name_goes() -> None:
    out = anonymise("Lead reviewer: Dr Rachel Ormeston, independent safeguarding consultant").text
    assert out == "Lead reviewer: independent safeguarding consultant"


def test_a_day_after_a_noun_and_of_reads_in_its_month() -> None:
    out = anonymise("However, the referral of 3 October 2022 described concerns.").text
    assert out == "However, the referral in October 2022 described concerns."


def test_a_same_kind_role_without_an_article_reads_as_the_one_label() -> None:
    out = anonymise("Claire Devenish, sexual health nurse with the Trust, saw him. Nurse Devenish was kind.").text
    assert out == "The nurse with the Trust saw him. The nurse was kind."


def test_the_word_for_a_house_number_goes_with_its_address() -> None:
    out = anonymise("Mrs Brenda Hollisby, a neighbour at number 19 Cotswold Close, told the review.").text
    assert "at [address]" in out and "number" not in out


def test_a_named_youth_hub_is_the_youth_club() -> None:
    out = anonymise("He saw him weekly at Quarnby Youth Hub, where the youth worker knew him.").text
    assert out == "He saw him weekly at the youth club, where the youth worker knew him."


@pytest.mark.parametrize("name", ["Fernhallow", "Dunmeadow"])  # the second: two common words, compounded
def test_an_unknown_name_between_the_and_a_facility_noun_is_a_place(name: str) -> None:
    out = anonymise(f"His Snapchat account showed him at the {name} skate park and at a caravan park.").text
    assert out == "His Snapchat account showed him at the [place] skate park and at a caravan park."


@pytest.mark.parametrize(("text", "kept"), [
    ("Willow was their dog. The children played at Willow Bank Park.", "the dog Bank"),
    ("Bailey was their dog. A neighbour, Jolene Bailey, called the police.", "neighbour, the dog"),
    ("Mother told the social worker that Dean was a snake. Dean Walsh had been violent.", "the snake"),
    ("Chester was their dog. They moved to Chester in May.", "to the dog"),
])
def test_a_pets_name_never_takes_in_another_name_a_person_or_a_place(text: str, kept: str) -> None:
    assert kept not in anonymise(text).text


def test_a_pets_name_at_a_sentence_start_is_still_the_pet() -> None:
    out = anonymise("Crumble is the family's dog. Later Crumble barked.").text
    assert "Crumble" not in out and out.endswith("Later the dog barked.")


@pytest.mark.parametrize("text", ["He moved it to 5 March instead of 3 October 2022.",
                                  "The anniversary of 4 July 2020 was hard."])
def test_of_before_a_day_reads_in_only_after_an_events_noun(text: str) -> None:
    out = anonymise(text).text
    assert "instead in" not in out and "anniversary in" not in out


def test_a_register_adult_by_role_is_never_a_child_by_the_drafts_years() -> None:
    import datetime as dt
    reg = Register("CSPR 2034-08", (Person("Kerry Carter", "mother", "female", date_of_birth=dt.date(2004, 2, 1)),
                                    Person("Kai Carter", "subject child", "male", pseudonym="Leo")))
    out = anonymise("In 2019 Ms Carter took Kai to hospital.", register=reg).text
    assert out == "In 2019 Mother took Leo to hospital."


def test_place_markers_in_a_row_stay_apart_where_the_clause_goes_on() -> None:
    out = anonymise("Mother lived in Ovenden, Halifax was where Father worked.").text
    assert "[place] was where" not in out or "[place], [place] was where" in out


def test_a_place_name_before_a_persons_verb_is_not_made_a_place_by_the_gazetteer() -> None:
    out = anonymise("Later that night Buxton shouted at the officers.").text
    assert "Buxton" not in out and "[place] shouted" not in out
