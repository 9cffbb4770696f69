"""Employers named after an employment cue, sites of an employer, and a kind its apposition restates;
all on invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


@pytest.mark.parametrize("draft, published", [
    ("4.2 He worked for Corrigan Freight until 2031.", "4.2 He worked for the employer until 2031."),
    ("4.2 He worked at the Corrigan Freight depot.", "4.2 He worked at the employer's depot."),
    ("4.2 He works nights as a picker for Pryce & Sons.", "4.2 He works nights as a picker for the employer."),
    ("4.2 She worked part time as a cleaner for Pellow Facilities Ltd until 2030.",
     "4.2 She worked part time as a cleaner for the employer until 2030."),
])
def test_an_employer_after_a_cue_is_the_employer(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


@pytest.mark.parametrize("draft, published", [
    ("4.2 Her partner is a porter at Tarrow Foods.", "4.2 Her partner is a porter at the employer."),
    ("4.2 Her partner, a kitchen porter at the Jade Orchid, was at home.",
     "4.2 Her partner, a kitchen porter at the employer, was at home."),
    ("4.2 He was a delivery driver for Mellor Parcels in 2030.", "4.2 He was a delivery driver for the employer in 2030."),
])
def test_an_employer_after_a_job_is_the_employer(draft: str, published: str) -> None:
    """A job from models/vocabulary/occupations.txt, with or without a verb of working, says whom it is for."""
    assert anonymise(draft).text == published


@pytest.mark.parametrize("draft, published", [
    ("4.2 She worked as a teaching assistant at Ferncombe Primary School.",
     "4.2 She worked as a teaching assistant at the primary school."),
    ("4.2 He worked as a cleaner at St Brannoc's Church.", "4.2 He worked as a cleaner at the church."),
    ("4.2 He is a cleaner at Holloway Lane Mosque.", "4.2 He is a cleaner at the mosque."),
])
def test_a_school_or_a_church_someone_works_at_keeps_its_kind(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


def test_a_job_at_a_time_names_no_employer() -> None:
    assert anonymise("4.2 She was a waitress at Christmas and a cleaner at weekends.").text == \
        "4.2 She was a waitress at Christmas and a cleaner at weekends."


def test_a_person_or_an_agency_someone_works_for_is_not_an_employer_label() -> None:
    out = anonymise("4.3 He works for Jane Hale as a cleaner. She works for the NHS.").text
    assert out == "4.3 He works for Adult A as a cleaner. She works for the NHS."


@pytest.mark.parametrize("draft, published", [
    ("4.1 The nursery, Little Wrens Day Nursery, said she was fine.", "4.1 The nursery said she was fine."),
    ("4.1 They were placed in a hotel, the Gullrock Lodge Hotel, in 2031.", "4.1 They were placed in a hotel in 2031."),
])
def test_a_kind_its_apposition_restates_is_said_once(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


def test_a_church_named_with_of_goes_whole() -> None:
    assert anonymise("4.3 She attended the Living Stones Church of God each week.").text == \
        "4.3 She attended the church each week."


def test_a_local_organisations_name_met_again_without_its_kind_word_is_that_organisation() -> None:
    out = anonymise("2.3 He cooks at the Saffron Palace takeaway on weekdays. He was arrested at the Saffron Palace "
                    "in 2031. He coached at Wetherby Dale Junior Football Club. Wetherby Dale won.").text
    assert out == ("2.3 He cooks at the takeaway on weekdays. He was arrested at the takeaway in 2031. "
                   "He coached at the club. The club won.")


def test_an_apposition_that_says_the_kind_takes_the_names_place() -> None:
    assert anonymise("4.1 He was admitted to Heron Ward, the children's ward, under a consultant.").text == \
        "4.1 He was admitted to the children's ward, under a consultant."


def test_an_allowlisted_agency_after_a_role_holds_no_first_name() -> None:
    """'Early' is a first name too, but 'Early Help' is a service the allowlist keeps."""
    out = anonymise("The family support worker, Early Help, visited. Tanisha Brook began Early Help sessions.").text
    assert out == "The family support worker, Early Help, visited. Adult A began Early Help sessions."


@pytest.mark.parametrize("draft, published", [
    ("4.3 Heron Ward was busy that night.", "4.3 The ward was busy that night."),
    ("4.3 Heron Ward, the children's ward, was busy.", "4.3 The children's ward was busy."),
    ("4.4 Jane Ward said he was settled.", "4.4 Adult A said he was settled."),
    ("4.5 Nurse Sarah Ward said so.", "4.5 The nurse said so."),
])
def test_a_ward_named_with_no_first_name_is_a_ward(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


@pytest.mark.parametrize("draft", [
    "She worked as a waitress at Christmas and at Easter.",
    "She worked as a cleaner at Weekends.",
])
def test_a_time_after_a_job_is_no_employer(draft: str) -> None:
    assert anonymise(draft).text == draft


def test_a_place_or_a_saint_short_of_an_organisations_name_is_not_the_organisation() -> None:
    out = anonymise("He attended North Leeds Community Church. The family lived in North Leeds. "
                    "She was christened at St Brigid's Church and born at St Brigid's.").text
    assert "lived in the church" not in out and "born at the church" not in out


def test_a_clause_after_an_institution_is_no_apposition_of_its_kind() -> None:
    out = anonymise("4.1 He was admitted to Heron Ward, the nurse on the ward said he was settled.").text
    assert out == "4.1 He was admitted to the ward, the nurse on the ward said he was settled."


def test_an_employers_name_met_again_without_its_legal_ending_is_the_employer() -> None:
    out = anonymise("2.4 He worked as a driver for Tamsin Haulage Ltd.\n\n"
                    "3.1 His line manager at Tamsin Haulage said he was reliable.").text
    assert out == "2.4 He worked as a driver for the employer.\n\n3.1 His line manager at the employer said he was reliable."



def test_an_employers_short_name_in_the_possessive_is_the_employer_and_verify_looks_for_it() -> None:
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.verify.leaks import find_leaks

    out = anonymise("2.4 He works as a scaffolder for Marsden Scaffolding Ltd.\n\n"
                    "3.1 He was arrested at Marsden Scaffolding's yard.").text
    assert out.endswith("3.1 He was arrested at the employer's yard.")
    leaks = find_leaks("He was arrested at Marsden Scaffolding's yard.", "x", EMPTY_REGISTER,
                       [("Marsden Scaffolding Ltd", "ORGANISATION")], set(), ())
    assert [leak.text for leak in leaks] == ["Marsden Scaffolding"]
