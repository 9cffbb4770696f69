"""The partnership's area (issue 12): it and the areas round it are kept; a town or district inside it,
or any other place, is generalised; a place that begins an agency's name stays with the agency."""

from __future__ import annotations

from dataclasses import replace

from anonymiser.api import anonymise
from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Register
from anonymiser.decide.keep import Keeper


def _det(text: str, phrase: str, entity: str = E.LOCATION) -> Detection:
    start = text.index(phrase)
    return Detection(start, start + len(phrase), entity, 0.85, ("SpacyRecognizer",))


def _kept(text: str, phrases: list[str], area: str | None, entity: str = E.LOCATION) -> list[str]:
    keeper = Keeper(load_profile("safeguarding-review"), text, area)
    return [text[d.start:d.end] for d in keeper.filter([_det(text, p, entity) for p in phrases])]


TEXT = ("The family moved from Exeter to a flat near Plymouth in 2019. Devon Children's Services and the "
        "police in England knew them; Leeds had closed the case.")


def test_a_named_area_keeps_itself_and_larger_areas_and_generalises_the_towns_inside_it() -> None:
    # detected, so replaced: the city inside Devon, a city outside it, another council's area
    assert _kept(TEXT, ["Exeter", "Plymouth", "Devon", "England", "Leeds"], "Devon") == ["Exeter", "Plymouth", "Leeds"]


def test_a_district_as_the_area_keeps_its_county() -> None:
    text = "Staff in Exeter and across Devon were told, as were colleagues in Cornwall."
    assert _kept(text, ["Exeter", "Devon", "Cornwall"], "Exeter") == ["Cornwall"]


def test_without_an_area_or_an_own_agency_every_local_authority_is_kept_as_before() -> None:
    text = "The family moved from Exeter to Leeds."
    assert _kept(text, ["Exeter", "Leeds"], None) == []


def test_a_guessed_area_keeps_the_county_round_it() -> None:
    # 'Exeter City Council' names the partnership's own area; Devon is larger, so kept; Leeds is not.
    text = "Exeter City Council led the review. The child was seen in Devon and later in Leeds."
    assert _kept(text, ["Devon", "Leeds"], None) == ["Leeds"]


def test_a_place_that_begins_an_agency_name_is_kept() -> None:
    text = ("Boston Borough Council housed the family; Torbay and South Devon NHS Foundation Trust saw the "
            "baby. The mother grew up in Boston.")
    got = _kept(text.replace("grew up in Boston", "grew up in Bostonx"), ["Boston", "Torbay"], "Lincolnshire")
    assert got == []
    last = text.rindex("Boston")
    keeper = Keeper(load_profile("safeguarding-review"), text, "Lincolnshire")
    d = Detection(last, last + 6, E.LOCATION, 0.85, ("SpacyRecognizer",))
    assert [text[x.start:x.end] for x in keeper.filter([d])] == ["Boston"]  # the town itself goes


def test_the_register_area_reaches_the_output() -> None:
    text = "Lily Hartwell lived in Exeter with her mother. Devon Police were called to the flat."
    reg = Register(case="t", people=())
    kept = anonymise(text, register=reg).text
    named = anonymise(text, register=replace(reg, area="Devon")).text
    assert "Devon Police" in named and "Devon Police" in kept
    assert "Exeter" not in named


def test_a_council_area_read_as_a_person_is_a_place_and_its_council_stays() -> None:
    text = "The family moved to Tiverton, then to Crediton and Exeter. Exeter City Council knew them."
    reg = Register(case="t", people=(), area="Devon")
    out = anonymise(text, register=reg).text
    assert "Tiverton" not in out and "Crediton" not in out
    assert out.count("Exeter") == 1 and "Exeter City Council knew them" in out
    assert "Adult" not in out  # a place, never a person


def test_a_council_area_read_as_a_person_is_a_location_to_the_keep_rules() -> None:
    text = "They then moved to Leeds for a year."
    s = text.index("Leeds")
    d = Detection(s, s + 5, E.PERSON, 0.85, ("SpacyRecognizer",))
    keeper = Keeper(load_profile("safeguarding-review"), text, "Devon")
    assert [x.entity for x in keeper.filter([d])] == [E.LOCATION]


def test_a_council_area_after_a_rank_is_the_officers_surname() -> None:
    text = "DS Priya Shah and DC Peter Devon saw the boy. The next day DC Devon took his statement."
    keeper = Keeper(load_profile("safeguarding-review"), text, "Cornwall")
    s = text.rindex("DC Devon")
    d = Detection(s, s + 8, E.PERSON, 0.85, ("SpacyRecognizer",))
    assert [(text[x.start:x.end], x.entity) for x in keeper.filter([d])] == [("DC Devon", E.PERSON)]


def _published(text: str, area: str) -> str:
    return anonymise(text, register=Register(case="t", people=(), area=area)).text


def test_another_county_an_agency_is_named_by_is_kept_alone_too() -> None:
    # 'Wiltshire Police' is kept as an agency, so the county is public in this text: replacing it alone
    # would hide nothing and leave the output's own agency names to show it.
    text = ("Wiltshire Police found the boy and told Dorset Children's Services. The officer in Wiltshire "
            "rang the duty team in Dorset; the boy had been seen in Swindon and in Cornwall.")
    assert _published(text, "Dorset") == (
        "Wiltshire Police found the boy and told Dorset Children's Services. The officer in Wiltshire "
        "rang the duty team in Dorset; the boy had been seen in [place] and in [place].")


def test_an_agency_of_an_area_inside_the_partnerships_does_not_keep_that_area() -> None:
    # Exeter lies inside Devon, the partnership's area: the city alone still locates the family.
    text = "Exeter City Council housed the family. The boy was later seen in Exeter, with his aunt."
    assert _published(text, "Devon") == (
        "Exeter City Council housed the family. The boy was later seen in [place], with his aunt.")


def test_a_place_written_whole_once_is_replaced_under_its_short_name_too() -> None:
    # 'Barrow' is an English word; where the draft has written 'Barrow-in-Furness', it is that town.
    text = ("The boy was found in Barrow-in-Furness in June. The line ran between Devon and Barrow, "
            "and Barrow police knew him. He pushed a barrow at work.")
    assert _published(text, "Devon") == (
        "The boy was found in [place] in June. The line ran between Devon and [place], "
        "and [place] police knew him. He pushed a barrow at work.")


def test_a_city_centre_keeps_its_centre_words_outside_the_place() -> None:
    text = "He worked in Manchester city centre. He was born in Limerick city."
    assert _published(text, "Devon") == "He worked in [place] city centre. He was born in [place]."


def test_a_town_an_agency_is_named_by_still_locates_the_family() -> None:
    text = "The family moved to Exeter from Blackpool in 2019. Blackpool Council closed the case."
    assert _published(text, "Devon") == "The family moved to [place] from [place] in 2019. Blackpool Council closed the case."
