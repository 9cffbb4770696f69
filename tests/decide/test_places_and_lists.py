"""Places, lists of dates and sentence mechanics an unseen draft met (issue 13), each on invented text:
a hyphenated place, a police site named after a town, a flat and its number, a list of dates cut
to months, a marker after the words naming its kind, an apposed name after a role, a table cell."""

from __future__ import annotations

import re

from anonymiser.api import anonymise
from anonymiser.config import places
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person, Register
from anonymiser.core.results import Replacement
from anonymiser.decide import mechanics
from anonymiser.decide.date_lists import date_lists
from anonymiser.decide.place_spans import whole_place
from anonymiser.decide.wording import starts_cell
from tests.decide.test_mechanics import applied

REGISTER = Register("CSPR 2031-04", (Person("Kerensa Polglaze", "subject child", "female"),), area="Essex")


def rep(text: str, phrase: str, new: str, entity: str = "DATE", nth: int = 0) -> Replacement:
    start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    return Replacement(start, start + len(phrase), phrase, new, entity, ("test",), 1.0, "choose: test",
                       core=(start, start + len(phrase)))


def found(text: str, phrase: str, entity: str, detector: str = "SpacyRecognizer") -> Detection:
    start = text.index(phrase)
    return Detection(start, start + len(phrase), entity, 0.85, (detector,))


# --- a hyphenated place ----------------------------------------------------------------------
def test_hyphenated_places_are_found_by_the_gazetteer_or_their_linking_words() -> None:
    text = "From Clacton-on-Sea to Pelloweth-under-Carn, not Tamsin Rowe-Pascoe or Mary-Anne."
    spans = [text[s:e] for s, _, e in places.hyphenated(text)]
    assert spans == ["Clacton-on-Sea", "Pelloweth-under-Carn"]
    assert places.named_in(text, "Clacton") and places.named_in(text, "Pelloweth")
    assert not places.named_in(text, "Rowe") and not places.named_in("boys from Clacton", "Clacton")


def test_a_detection_ending_inside_a_hyphenated_place_takes_in_the_rest_and_is_the_place() -> None:
    text = "She was found on Harbour Walk, Clacton-on-Sea, at night."
    person = whole_place(text, found(text, "Clacton", E.PERSON, "propagation"))
    assert text[person.start:person.end] == "Clacton-on-Sea" and person.entity == E.LOCATION
    street = whole_place(text, found(text, "Harbour Walk, Clacton", E.LOCATION))
    assert text[street.start:street.end] == "Harbour Walk, Clacton-on-Sea"


def test_the_first_part_of_a_hyphenated_place_alone_is_the_place_not_a_person() -> None:
    text = ("Kerensa Polglaze was found on Harbour Walk, Clacton-on-Sea. Her school said she had made "
            "friends with older girls from Clacton, and in May she had gone to Clacton with them.")
    out = anonymise(text, register=REGISTER).text
    assert "Clacton" not in out and "-on-Sea" not in out
    assert "from [place]" in out and "gone to [place]" in out
    assert "Adult" not in out


# --- a police site named after a town ------------------------------------------------------
def test_a_police_site_named_after_a_town_below_the_area_goes_as_its_kind_and_the_force_stays() -> None:
    text = ("Kerensa Polglaze was arrested by Essex Police in Harwich and taken to Harwich Police "
            "Investigation Centre. She was later moved to Colchester Police Station.")
    out = anonymise(text, register=REGISTER).text
    assert "Harwich" not in out and "Colchester" not in out
    assert "taken to the police investigation centre" in out and "moved to the police station" in out
    assert "Essex Police" in out


# --- a flat and its number --------------------------------------------------------------------
def test_a_unit_word_read_as_a_place_takes_its_number_and_is_an_address() -> None:
    text = "A neighbour heard a child crying in Flat 12 that night."
    flat = whole_place(text, found(text, "Flat", E.LOCATION, "propagation"))
    assert text[flat.start:flat.end] == "Flat 12" and flat.entity == E.ADDRESS
    alone = "They moved to Flat Holm later."
    kept = whole_place(alone, found(alone, "Flat Holm", E.LOCATION))
    assert kept.entity == E.LOCATION and alone[kept.start:kept.end] == "Flat Holm"


# --- a list of dates cut to months ---------------------------------------------------------------
def test_a_list_of_dates_cut_to_months_says_each_month_once_with_in_at_its_head() -> None:
    text = "She went missing four times: 2 March, from 9 to 11 March, 20 March and 4 April 2031. Then"
    reps = [rep(text, "2 March", "March"), rep(text, "from 9 to 11 March", "in March"),
            rep(text, "20 March", "March"), rep(text, "4 April 2031", "April 2031")]
    changed = date_lists(text, reps)
    assert applied(text, reps) == "She went missing four times: in March and April 2031. Then"
    assert len(changed) == 4 and [r.core for r in reps][1] == (text.index("from 9"), text.index(", 20"))


def test_a_list_of_months_across_years_writes_each_year_after_its_last_month() -> None:
    text = "seen on 3 November, 8 December 2030 and 5 January 2031 at home"
    reps = [rep(text, "on 3 November", "in November"), rep(text, "8 December 2030", "December 2030"),
            rep(text, "5 January 2031", "January 2031")]
    date_lists(text, reps)
    assert applied(text, reps) == "seen in November, December 2030 and January 2031 at home"


def test_dates_not_written_as_one_list_stay_apart() -> None:
    text = "seen on 3 May 2031 by the GP, who wrote on 9 May 2031"
    reps = [rep(text, "on 3 May 2031", "in May 2031"), rep(text, "on 9 May 2031", "in May 2031")]
    assert date_lists(text, reps) == []
    assert applied(text, reps) == "seen in May 2031 by the GP, who wrote in May 2031"


# --- a marker after the words naming its kind -----------------------------------------------------
def test_a_marker_after_the_words_naming_its_kind_says_only_removed() -> None:
    text = "Kerensa (date of birth 04/05/2019) had NHS number: 943 476 5919. Her NHS number is 943 476 5919."
    reps = [rep(text, "04/05/2019", "[date of birth removed]", E.DATE_OF_BIRTH),
            rep(text, "943 476 5919", "[NHS number removed]", E.NHS_NUMBER),
            rep(text, "943 476 5919", "[NHS number removed]", E.NHS_NUMBER, nth=1)]
    changed = mechanics.named_markers(text, reps)
    assert applied(text, reps) == ("Kerensa (date of birth removed) had NHS number: removed. "
                                   "Her NHS number is [NHS number removed].")
    assert len(changed) == 2


def test_in_running_text_a_marker_after_its_kind_takes_the_words_in() -> None:
    # 'removed' alone would not read ('under crime reference removed.'), nor would the kind twice
    text = ("The theft was logged under crime reference 44/10293/31. Her date of birth 04/05/2019 was wrong; "
            "Kai, DOB 01/02/2020, was seen.")
    reps = [rep(text, "44/10293/31", "[reference removed]", E.REFERENCE_NUMBER),
            rep(text, "04/05/2019", "[date of birth removed]", E.DATE_OF_BIRTH),
            rep(text, "01/02/2020", "[date of birth removed]", E.DATE_OF_BIRTH)]
    assert len(mechanics.named_markers(text, reps)) == 3
    assert applied(text, reps) == ("The theft was logged under crime [reference removed]. "
                                   "Her [date of birth removed] was wrong; Kai, [date of birth removed], was seen.")


# --- an apposed name after a role -----------------------------------------------------------------
def test_an_apposed_name_after_a_role_goes_with_both_its_commas_before_and() -> None:
    text = ("Kerensa Polglaze was discussed at a strategy meeting. The meeting was chaired by the team "
            "manager, Morwenna Trethowan, and attended by the school nurse.")
    out = anonymise(text, register=REGISTER).text
    assert "Trethowan" not in out
    assert "chaired by the team manager and attended by" in out


# --- a table cell ----------------------------------------------------------------------------------
def test_a_replacement_opening_a_table_cell_takes_a_capital() -> None:
    text = ("Essex Police | Neighbourhood policing and the child exploitation team for the whole district\n"
            "Tollgate Medical Practice | General practice\nGeneral practice | Tollgate Medical Practice")
    assert starts_cell(text, text.index("Tollgate")) and starts_cell(text, text.rindex("Tollgate"))
    assert not starts_cell(text, text.index("policing"))
    reps = [rep(text, "Tollgate Medical Practice", "the GP practice", E.GP_PRACTICE),
            rep(text, "Tollgate Medical Practice", "the GP practice", E.GP_PRACTICE, nth=1)]
    mechanics.capitals(text, reps)
    assert [r.replacement for r in reps] == ["The GP practice", "The GP practice"]
