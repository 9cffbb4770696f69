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
