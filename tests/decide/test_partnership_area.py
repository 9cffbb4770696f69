"""The partnership's area read from the document (decide/partnership_area.py) and how the keep rules use it."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.config.lexicon import normalise
from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.keep import Keeper
from anonymiser.decide.partnership_area import area_spans, every_authority, own_areas


def _loc(text: str, phrase: str, nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Detection(start, start + len(phrase), E.LOCATION, 0.85, ("SpacyRecognizer",))


def _kept(text: str, dets: list[Detection]) -> list[str]:
    return [text[d.start:d.end] for d in Keeper(load_profile("safeguarding-review"), text).filter(dets)]


def test_an_agency_whose_name_ends_in_a_head_word_names_the_area() -> None:
    text = "The review was commissioned by the Norfolk Safer Communities Partnership in 2022."
    assert own_areas(text) == frozenset({normalise("Norfolk")})


def test_an_agency_written_before_the_area_with_of_or_for_names_it() -> None:
    text = "It was commissioned by the Community Safety Partnerships (CSPs) of Brighton & Hove last year."
    assert own_areas(text) == frozenset({normalise("Brighton and Hove")})
    text = "The Safeguarding Board for Torbay agreed the terms."
    assert own_areas(text) == frozenset({normalise("Torbay")})


def test_two_names_the_gazetteer_knows_as_one_area_are_that_area() -> None:
    text = "the Brighton & Hove Safeguarding Children Partnership met"
    assert own_areas(text) == frozenset({normalise("Brighton and Hove")})
    assert area_spans(text, own_areas(text)) == [(text.index("Brighton"), text.index(" Safeguarding"))]


def test_a_town_inside_the_area_is_generalised_and_the_areas_own_name_kept() -> None:
    text = ("The Community Safety Partnerships of Brighton & Hove commissioned the review. "
            "She worked in Brighton and lived there with her son.")
    # the 'Brighton' of the area's own name stays; the town where she worked goes
    dets = [_loc(text, "Brighton"), _loc(text, "Brighton", 1)]
    kept = Keeper(load_profile("safeguarding-review"), text).filter(dets)
    assert [d.start for d in kept] == [dets[1].start]


def test_with_no_agency_a_council_inside_another_named_area_is_not_kept() -> None:
    text = "A boy in Suffolk was bullied at school. His cousins in Ipswich were seen by the health visitor."
    areas = own_areas(text)
    assert normalise("Suffolk") in areas and normalise("Ipswich") not in areas
    assert len(areas) == len(every_authority()) - 1  # every other council stays kept, as before
    assert _kept(text, [_loc(text, "Suffolk"), _loc(text, "Ipswich")]) == ["Ipswich"]


def test_a_town_named_after_a_preposition_is_found_and_generalised() -> None:
    text = ("The Norfolk Safeguarding Children Partnership commissioned this review. "
            "The twins were seen at a clinic in Norwich for years.")
    out = anonymise(text).text
    assert "Norwich" not in out and "Norfolk Safeguarding Children Partnership" in out
