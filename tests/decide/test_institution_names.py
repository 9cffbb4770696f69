"""Clubs taken for schools, a school's short name met alone, shops after 'a', and terms a bracket
spells out (decide/institution_names.py, decide/not_people.py). On invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.decide.not_people import shop_after_article, spelt_in_brackets


def test_a_football_club_read_as_a_school_is_the_club() -> None:
    out = anonymise("From the age of nine he played for Marshfield Rovers Juniors, where his coach praised him.").text
    assert "Marshfield" not in out and "the school" not in out
    assert "played for the club" in out


def test_a_pupil_referral_unit_is_one_unit_under_its_full_and_short_name() -> None:
    out = anonymise("He was placed at Larkmoor Pupil Referral Unit in March. At Larkmoor his attendance was 40%. "
                    "Larkmoor did not get the minutes.").text
    assert "Larkmoor" not in out
    assert "placed at the pupil referral unit" in out
    assert "Adult" not in out  # the unit is no person


@pytest.mark.parametrize(("text", "word"), [
    ("He would get me a Nando's after school.", "Nando"),
    ("They met outside a Greggs most days.", "Greggs"),
])
def test_a_shop_after_an_article_is_no_person(text: str, word: str) -> None:
    start = text.index(word)
    end = start + len(word)
    assert shop_after_article(text, start, end)
    assert "Adult" not in anonymise(text).text


def test_a_surname_after_an_article_may_still_be_someone() -> None:
    text = "She was a Jones before she married."
    start = text.index("Jones")
    assert not shop_after_article(text, start, start + 5)


def test_a_term_its_bracket_spells_out_is_no_persons_initials() -> None:
    text = "He was sent OT (out of town) twice that month."
    assert spelt_in_brackets(text, text.index("OT"), text.index("OT") + 2)
    other = "The note was signed JS (Jo Smith)."
    assert not spelt_in_brackets(other, other.index("JS"), other.index("JS") + 2)
    assert "OT (out of town)" in anonymise(text).text


def test_an_ethnicity_the_ner_cut_is_no_person_and_no_namesake_spreads_into_it() -> None:
    text = ("Name | Ethnicity\nAMY FORD | Mixed White British / Black African\n\n"
            "Amy is a girl of mixed White British heritage. Mr Tom White, a neighbour, was seen. White said no.")
    out = anonymise(text).text
    assert "| Mixed White British / Black African" in out and "mixed White British heritage" in out
    assert "Tom White" not in out and "White said" not in out


def test_two_nationalities_joined_by_a_slash_are_kept_and_an_unknown_word_so_joined_is_not() -> None:
    out = anonymise("| Amy | 5 | White Other (Polish/British) |\n| Ben | 2 | White Other (Polish/Wardle) |\n").text
    assert "(Polish/British)" in out and "Wardle" not in out


def test_a_units_short_name_inside_a_longer_name_is_that_name_not_the_unit() -> None:
    out = anonymise("He was placed at Larkmoor Pupil Referral Unit. At Larkmoor he settled. He lived on Larkmoor Road.").text
    assert "Larkmoor" not in out and "the pupil referral unit [place]" not in out
    assert out.endswith("He lived on [place].")


@pytest.mark.parametrize("text", [
    # the practice is named after its street, and the street after the district
    "She was registered at Brackenmoor Lane Surgery. He was later seen drinking in Brackenmoor.",
    # two institutions named after one district: the district is the name they share
    "He attends Quarnford Vale Primary School and she attends Quarnford Nursery. He was seen drinking in Quarnford.",
])
def test_a_district_an_institution_is_named_after_is_no_short_name_of_it(text: str) -> None:
    out = anonymise(text).text
    assert "Brackenmoor" not in out and "Quarnford" not in out
    assert not out.endswith(("in the GP practice.", "in the nursery."))


def test_a_short_name_one_institution_alone_begins_is_still_that_institution() -> None:
    out = anonymise("He attends Quarnford Primary School. At Quarnford he settled.").text
    assert out == "He attends the primary school. At the primary school he settled."
