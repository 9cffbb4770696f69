"""Shapes of issue 12 end to end, on invented text: a family group's surname, a road number, a
platform's name (never a person) and a handle after it."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.keep import Keeper


def test_a_family_group_surname_goes_everywhere_it_is_written() -> None:
    text = "The Pemberton children were seen at school. Later Pemberton was the name on the letter."
    out = anonymise(text).text
    assert "Pemberton" not in out


def test_a_road_number_is_replaced_like_a_place() -> None:
    out = anonymise("He drove along the A361 towards the M4 late that night.").text
    assert "A361" not in out and "M4" not in out


def test_a_platform_is_never_a_person() -> None:
    text = "Instagram told police the account was closed."
    d = Detection(0, 9, E.PERSON, 0.85, ("SpacyRecognizer",))
    assert Keeper(load_profile(), text).filter([d]) == []


def test_a_handle_without_an_at_after_the_platform_is_removed() -> None:
    out = anonymise("Her Instagram: jaydenx was shown to the officer; her TikTok name was lilmiss22.").text
    assert "jaydenx" not in out and "lilmiss22" not in out and "Instagram" in out


def _d(text: str, phrase: str, entity: str) -> Detection:
    s = text.index(phrase)
    return Detection(s, s + len(phrase), entity, 0.85, ("SpacyRecognizer",))


def test_named_local_organisations_go_as_their_kind() -> None:
    text = ("The family attended St Mary's Church and the Al-Noor Mosque. He worked for Fairfield Logistics Ltd. "
            "Brightcare Homecare Services supported her, and he boxed at Riverside Boxing Club.")
    out = anonymise(text).text
    assert out == ("The family attended the church and the mosque. He worked for the employer. "
                   "The care provider supported her, and he boxed at the club.")


def test_a_first_name_and_a_head_word_stays_a_person() -> None:
    from anonymiser.decide.local_organisations import read_local_organisations

    text = "Jane Church, a neighbour, called; St Anne's Chapel was closed; Lakeside Gurdwara helped."
    got = read_local_organisations(text, [_d(text, "Jane Church", E.PERSON), _d(text, "St Anne's Chapel", E.PERSON),
                                          _d(text, "Lakeside Gurdwara", E.LOCATION)])
    assert [(d.entity, d.meta.local_kind) for d in got] == [
        (E.PERSON, None), (E.ORGANISATION, "the church"), (E.ORGANISATION, "the gurdwara")]


def test_a_head_word_just_after_an_organisation_or_a_saint_is_part_of_it() -> None:
    from anonymiser.decide.local_organisations import read_local_organisations

    text = "She went to St Aidan's Church; Greenway Baptist Chapel ran a club; Jane Church called."
    got = read_local_organisations(text, [_d(text, "St Aidan's", E.PERSON), _d(text, "Greenway Baptist", E.ORGANISATION),
                                          _d(text, "Jane", E.PERSON)])
    assert [(text[d.start:d.end], d.entity, d.meta.local_kind) for d in got] == [
        ("St Aidan's Church", E.ORGANISATION, "the church"), ("Greenway Baptist Chapel", E.ORGANISATION, "the church"),
        ("Jane", E.PERSON, None)]


def test_a_courtesy_title_before_a_head_word_makes_a_person_not_an_organisation() -> None:
    from anonymiser.decide.local_organisations import read_local_organisations

    text = "The midwife, Mrs Chapel, called; Dr Temple saw him; the Grace Chapel hall was shut."
    got = read_local_organisations(text, [_d(text, "Mrs Chapel", E.ORGANISATION), _d(text, "Dr Temple", E.ORGANISATION),
                                          _d(text, "Grace Chapel", E.ORGANISATION)])
    assert [(d.entity, d.meta.local_kind) for d in got] == [
        (E.PERSON, None), (E.PERSON, None), (E.ORGANISATION, "the church")]


def test_an_organisation_of_no_local_kind_is_left_to_the_profile() -> None:
    from anonymiser.decide.local_organisations import read_local_organisations

    text = "Bright Futures ran the holiday scheme."
    assert read_local_organisations(text, [_d(text, "Bright Futures", E.ORGANISATION)])[0].meta.local_kind is None


def test_a_name_that_is_also_a_town_is_read_by_its_context() -> None:
    text = "Mr Bath said nothing at the meeting. They moved to Bath in May, and Bath was angry about it."
    out = anonymise(text).text
    assert "Bath" not in out
    assert "moved to [place]" in out and "Adult A said nothing" in out and "and Adult A was angry" in out


def test_a_town_read_as_a_person_after_a_place_word_is_a_place() -> None:
    text = "She rented a flat in Wellington with her partner."
    s = text.index("Wellington")
    d = Detection(s, s + 10, E.PERSON, 0.85, ("SpacyRecognizer",))
    assert [x.entity for x in Keeper(load_profile(), text).filter([d])] == [E.LOCATION]
