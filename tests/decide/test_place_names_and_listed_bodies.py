"""A kept place's name that is a person's first name, bodies named in a list, hospitals whose name
goes on after their kind, a school's short name as a message writes it, national charities. On
invented text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.decide.institutions import in_a_hospital_name


@pytest.mark.parametrize(("text", "name"), [
    ("Amy met Jordan at the park. Jordan said he was nineteen and had a car.", "Jordan"),
    ("Her friend Georgia stayed over most weekends.", "Georgia"),
    ("Mother spent the evening drinking with Tyrone. Tyrone told police he had left by ten.", "Tyrone"),
    ("Devon's mother rang the school twice that week.", "Devon"),
])
def test_a_kept_place_s_name_that_a_person_has_is_the_person(text: str, name: str) -> None:
    out = anonymise(text).text
    assert name not in out
    assert "Adult A" in out


@pytest.mark.parametrize("text", [
    "The family came from Jordan in 2015 and settled with relatives.",
    "The Government of Georgia said nothing. Georgia stated that it had no record.",
    "She lived in County Tyrone until she was six, then in Kent.",
])
def test_the_place_stays_where_the_words_say_where(text: str) -> None:
    assert anonymise(text).text == text


def test_one_place_named_as_a_person_once_is_still_the_place_where_the_words_say_where() -> None:
    out = anonymise("Her friend Jordan told police he was 19. His family came from Jordan.").text
    assert out.startswith("Her friend Adult A told police") and out.endswith("came from Jordan.")


def test_two_schools_in_a_list_are_both_replaced() -> None:
    out = anonymise("She attended Oakfield Primary School and Larkmoor Academy before she moved.").text
    assert "Oakfield" not in out and "Larkmoor" not in out
    assert "the primary school and the school" in out


def test_three_schools_in_a_list_are_each_replaced() -> None:
    out = anonymise("Ashby School and Larkmoor Academy and Fenwick High School met in May.").text
    assert not any(w in out for w in ("Ashby", "Larkmoor", "Fenwick"))


def test_two_hospitals_in_a_list_are_two_hospitals() -> None:
    out = anonymise("She was seen at Birmingham Women's Hospital and Leeds Children's Hospital.").text
    assert out == "She was seen at the hospital and another hospital."


@pytest.mark.parametrize("text", [
    "She was taken to Bristol Royal Hospital for Children by ambulance.",
    "She was taken to the Royal Hospital for Sick Children by ambulance.",
])
def test_a_hospital_named_for_whom_it_serves_goes_whole(text: str) -> None:
    out = anonymise(text).text
    assert out == "She was taken to the hospital by ambulance."


def test_a_trust_named_after_its_hospital_stays() -> None:
    text = "Great Ormond Street Hospital for Children NHS Foundation Trust shared its records."
    assert anonymise(text).text == text


def test_a_word_of_a_hospital_name_is_no_allowlisted_role_there() -> None:
    name = "Leeds Children's Hospital"
    at = name.index("Children")
    assert in_a_hospital_name(name, at, at + len("Children"))
    assert not in_a_hospital_name(name, 0, len(name))
    named = "Royal Hospital for Sick Children"
    assert in_a_hospital_name(named, named.index("Children"), len(named))
    assert not in_a_hospital_name("Children's Social Care", 0, len("Children"))


def test_a_school_s_short_name_as_a_message_writes_it_is_the_school() -> None:
    out = anonymise("Amy attended St Aidan's Primary School from 2019. "
                    "Her message read: \"meet me after st aidans\".").text
    assert "aidan" not in out.lower()
    assert "meet me after the primary school" in out
    assert "another" not in out  # one school, however it is spelt


@pytest.mark.parametrize("charity", ["Kooth", "Winston's Wish", "YoungMinds", "The Children's Society"])
def test_a_national_charity_or_service_stays(charity: str) -> None:
    text = f"She was referred to {charity} for support after the death of her brother."
    assert anonymise(text).text == text
