"""Invented drafts for a named facility that is a body of its own: a youth centre, a learning centre,
a contact centre or a gym with its name before the kind, in capitals (found by unseen draft 19)."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


@pytest.mark.parametrize(("sentence", "name", "kind"), [
    ("From Year 9 Kyle attended the Thornbury Learning Centre three days a week.", "Thornbury", "the learning centre"),
    ("Supervised contact took place at the Ashgrove Contact Centre.", "Ashgrove", "the contact centre"),
    ("He spent most evenings at Kingsmead Leisure Centre with friends.", "Kingsmead", "the leisure centre"),
    ("Mother took the children to Brambles Family Centre weekly.", "Brambles", "the family centre"),
    ("By the summer he was training at Iron Works Gym.", "Iron Works", "the gym"),
    ("The youth worker knew him from the Riverview Youth Centre.", "Riverview", "the youth centre"),
    ("She gave up her job at the Market Gates shopping centre to help.", "Market Gates", "her job at the shopping centre"),
])
def test_a_named_facility_is_its_kind(sentence: str, name: str, kind: str) -> None:
    out = anonymise(sentence).text
    assert name not in out and kind in out


def test_a_facility_noun_alone_is_kept() -> None:
    out = anonymise("The family centre was closed, so the contact centre offered a room. He joined a gym.").text
    assert out == "The family centre was closed, so the contact centre offered a room. He joined a gym."


def test_a_facility_named_after_a_people_is_its_kind_like_a_denomination_s_church() -> None:
    # One town's Polish centre locates a family as 'the Methodist Church' does: both become their kind.
    out = anonymise("Father went to the Polish Community Centre on Sundays, and to the Methodist Church.").text
    assert out == "Father went to the community centre on Sundays, and to the church."


def test_a_club_named_with_the_is_that_club_by_its_one_word_name_again() -> None:
    out = anonymise("She joined The Brambleden Youth Club in 2030. Staff at The Brambleden saw her weekly.").text
    assert "Brambleden" not in out and out.count("youth club") == 2
