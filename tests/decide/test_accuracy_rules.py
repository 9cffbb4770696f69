"""Decide rules added for accuracy (issue 5): the detections decide() keeps, the mentions it finds
again and the overlaps it settles, each on realistic review or judgment text (the detectors' own
rules: tests/detect/test_accuracy_rules.py)."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.config.lexicon import normalise, phrase_index
from anonymiser.config.profile import load_profile
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.keep import Keeper, own_areas
from anonymiser.decide.overlaps import resolve
from anonymiser.decide.propagation import propagate

NO_ALLOW = phrase_index("allowlist", ())


def _det(text: str, phrase: str, entity: str, detector: str = "SpacyRecognizer", nth: int = 0, **meta) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Detection(start, start + len(phrase), entity, 0.85, (detector,), meta=DetectionMeta(**meta))


def _kept(profile: str, text: str, dets: list[Detection]) -> list[str]:
    return [text[d.start:d.end] for d in Keeper(load_profile(profile), text).filter(dets)]


# --------------------------------------------------------------------------- NER noise


def test_generic_public_bodies_are_not_organisations() -> None:
    text = ("The Court notes that the Turkish Government and the Ministry of Foreign Affairs replied, "
            "and that the Supreme Court dismissed the appeal. Oakfield Primary School and Roseville "
            "Medical Practice were told.")
    dets = [_det(text, p, E.ORGANISATION) for p in
            ("The Court", "the Turkish Government", "the Ministry of Foreign Affairs", "the Supreme Court",
             "Oakfield Primary School", "Roseville Medical Practice")]
    assert _kept("strict", text, dets) == ["Oakfield Primary School", "Roseville Medical Practice"]


def test_an_article_is_trimmed_and_a_lone_article_dropped() -> None:
    text = "She moved to the Longheath Estate. The applicants replied."
    dets = [_det(text, "the Longheath Estate", E.LOCATION), _det(text, "The", E.ORGANISATION)]
    assert _kept("strict", text, dets) == ["Longheath Estate"]


def test_lower_case_organisation_is_noise() -> None:
    text = "The applicant complained, inter alia, of the delay."
    assert _kept("strict", text, [_det(text, "inter alia", E.ORGANISATION)]) == []


def test_numbers_in_citations_are_not_quantities() -> None:
    text = "Under Rule 59 § 1 of the Rules of Court the applicant paid 250 pounds to two banks."
    dets = [_det(text, "59", E.QUANTITY), _det(text, "1", E.QUANTITY), _det(text, "250 pounds", E.QUANTITY),
            _det(text, "two banks", E.QUANTITY), _det(text, "two", E.QUANTITY)]
    # A bare 'two' counts nothing on its own; the amount and the counted banks stay.
    assert _kept("strict", text, dets) == ["250 pounds", "two banks"]


def test_relative_time_words_are_not_dates_but_durations_are() -> None:
    text = "On the same day he was sentenced to six months' imprisonment."
    dets = [_det(text, "the same day", E.DATE), _det(text, "six months", E.DATE)]
    assert _kept("strict", text, dets) == ["six months"]


def test_a_judges_title_stays_in_the_name() -> None:
    text = "On 1 May 1991, Judge Clarke gave judgment; DC Evans attended."
    dets = [_det(text, "Judge Clarke", E.PERSON, "TitledPersonRecognizer"),
            _det(text, "DC Evans", E.PERSON, "TitledPersonRecognizer")]
    assert _kept("strict", text, dets) == ["Judge Clarke", "Evans"]


def test_an_unnamed_area_is_a_place_though_not_capitalised() -> None:
    text = "He returned to the north of the country, where his grandmother lived in a village."
    vouched = _det(text, "north of the country", E.LOCATION, "PlaceContextRecognizer", unnamed_area=True)
    noise = _det(text, "village", E.LOCATION)
    assert _kept("strict", text, [vouched, noise]) == ["north of the country"]
    assert "[place]" in anonymise(text, "strict").text


def test_a_register_name_that_is_also_an_allowlisted_word_is_still_the_name() -> None:
    text = "Mind, known to all as Mind, visited. The baby was seen by Alder Hey Children's NHS Foundation Trust."
    keeper = Keeper(load_profile(), text)
    name = _det(text, "Mind", E.PERSON, "CaseRegister", nth=1, register_person="mind alder")
    inside_agency = _det(text, "Alder", E.PERSON, "CaseRegister", register_person="mind alder")
    assert [text[d.start:d.end] for d in keeper.filter([name, inside_agency])] == ["Mind"]


# --------------------------------------------------------------------------- own area


def test_the_partnerships_own_area_is_kept_and_other_councils_are_places() -> None:
    text = ("This review was commissioned by the Croydon Safeguarding Children Partnership. "
            "The grandmother lives in Reading and visited the family in Thornton Heath.")
    assert own_areas(text) == frozenset({normalise("Croydon")})
    dets = [_det(text, "Croydon", E.LOCATION), _det(text, "Reading", E.LOCATION),
            _det(text, "Thornton Heath", E.LOCATION)]
    assert _kept("safeguarding-review", text, dets) == ["Reading", "Thornton Heath"]


def test_both_names_of_a_joint_partnership_are_own_areas() -> None:
    text = "Cambridgeshire and Peterborough NHS Foundation Trust provided a report."
    assert own_areas(text) == frozenset({normalise("Cambridgeshire"), normalise("Peterborough")})


def test_without_any_own_agency_every_council_is_kept() -> None:
    text = "The grandmother lives in Reading."
    assert normalise("Reading") in own_areas(text)


# --------------------------------------------------------------------------- propagation


def test_a_letter_name_is_found_again_alone() -> None:
    text = "They were sued by “K”, a patient. While K was giving evidence, Annex K.2 and A.K. were read.\nK"
    found = propagate(text, [_det(text, "K", E.PERSON, "LetterPersonRecognizer")], NO_ALLOW)
    assert [(d.start, text[d.start:d.end]) for d in found] == [(text.index("K was"), "K")]


def test_a_name_that_is_a_word_is_found_mid_sentence_only() -> None:
    text = ("Ms Whitfield began a relationship with Will Tanner, known as Will, aged 28. Will he attend? "
            "Professionals will meet. The boyfriend WILL\". MOTHER WILL ATTEND.")
    found = propagate(text, [_det(text, "Will Tanner", E.PERSON)], NO_ALLOW)
    hits = sorted(d.start for d in found if text[d.start:d.end].lower() == "will" and d.start != text.index("Will T"))
    assert hits == [text.index("Will, aged"), text.index("WILL\"")]


def test_a_code_is_not_cut_short_inside_a_longer_code() -> None:
    text = ("The orchard is on sheet/plan 21/9E.2, the well on sheet/plan 21/9E.2.W, "
            "and the house on 21/9E.2.")
    code = _det(text, "21/9E.2", E.REFERENCE_NUMBER, "ReferenceNumberRecognizer")
    found = propagate(text, [code], NO_ALLOW)
    assert [text[d.start:d.end] for d in found] == ["21/9E.2.W", "21/9E.2"]


def test_the_town_of_an_address_is_a_place_wherever_it_is_named() -> None:
    text = ("Maureen lives at 14 Creek Fen Road, March, PE15 9RZ. Lily was placed with her in March. "
            "Concerns were logged between March 2023 and 14 March 2024.")
    address = _det(text, "14 Creek Fen Road, March, PE15 9RZ", E.ADDRESS, "StreetAddressRecognizer")
    found = propagate(text, [address], NO_ALLOW)
    assert [(d.entity, d.start) for d in found] == [(E.LOCATION, text.index("March. Concerns"))]
    # As a town it outranks the bare month a NER reads there.
    month = _det(text, "March", E.DATE, nth=1)
    assert [(d.entity, d.start) for d in resolve(found + [month], text)] == [(E.LOCATION, month.start)]


def test_a_name_is_found_again_across_line_breaks_and_in_capitals_but_not_inside_words() -> None:
    text = ("Kayla Brennan attended. Later KAYLA\nBRENNAN rang; kayla brennan wrote to "
            "kaylabrennan@example.org. Kayla Brennans and Kayla Brennanson were not there. "
            "Kayla Brennan's sister came.")
    found = propagate(text, [_det(text, "Kayla Brennan", E.PERSON)], NO_ALLOW)
    full = [text[d.start:d.end] for d in sorted(found, key=lambda d: d.start) if len(text[d.start:d.end]) > 8]
    # In lower case too, since English writes neither word so ('kayla brennan wrote'); a longer word is not the name.
    assert full == ["KAYLA\nBRENNAN", "kayla brennan", "Kayla Brennan"]
    assert text.index("Kayla Brennan's") in {d.start for d in found}
    assert not any(text[d.start:d.end] in ("Brennans", "Brennanson") for d in found)


def test_a_code_found_again_inside_a_longer_code_takes_the_longer_code_whole() -> None:
    text = "Crime reference AB/12.3 was logged. Later AB/12.3-2 and AB/12.3.E were opened."
    found = propagate(text, [_det(text, "AB/12.3", E.REFERENCE_NUMBER, "ReferenceNumberRecognizer")], NO_ALLOW)
    assert sorted(text[d.start:d.end] for d in found) == ["AB/12.3-2", "AB/12.3.E"]


def test_a_surname_that_is_a_street_word_is_not_found_inside_a_street_name() -> None:
    text = "Kerry Lane visited. Police were called to Harrow Lane. Lane agreed."
    found = propagate(text, [_det(text, "Kerry Lane", E.PERSON)], NO_ALLOW)
    assert sorted(d.start for d in found if text[d.start:d.end] == "Lane") == [text.rindex("Lane")]


# --------------------------------------------------------------------------- overlaps


def test_a_title_left_over_when_the_name_goes_elsewhere_is_no_person() -> None:
    text = "Every agency knew of Mr Whitfield."
    titled = _det(text, "Mr Whitfield", E.PERSON, "TitledPersonRecognizer")
    register = _det(text, "Whitfield", E.PERSON, "CaseRegister", register_person="daniel whitfield")
    assert [(text[d.start:d.end], d.detectors) for d in resolve([titled, register], text)] == [
        ("Whitfield", ("CaseRegister",))]
