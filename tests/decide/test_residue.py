"""The residue rule (decide.residue): what is kept and could identify someone must be explained."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.config.profile import load_profile, with_keep_list
from anonymiser.decide.residue import RESIDUE, find_residue
from anonymiser.decide.residue_scan import explaining_index
from anonymiser.decide.steps import STEPS

PROFILE = load_profile("safeguarding-review")


def residue_of(text: str) -> list[tuple[str, str]]:
    return [(text[r.start:r.end], r.entity) for r in find_residue(text, explaining_index(PROFILE))]


def test_the_step_runs_after_choose():
    names = [s.name for s in STEPS]
    assert names.index("residue") == names.index("choose") + 1


def test_a_surname_the_lexicon_does_not_know_is_replaced_as_a_person():
    text = "The chair thanked Brannock Quelley for her report.\n"
    assert residue_of(text) == [("Brannock Quelley", "PERSON")]
    out = anonymise(text, PROFILE)
    assert "Quelley" not in out.text and "Brannock" not in out.text
    made = [r for r in out.decisions.replacements if RESIDUE in r.detectors]
    assert made and all(r.score < 0.7 for r in made)  # shown as low confidence


def test_common_words_headings_and_sentence_starts_are_explained():
    text = ("1.4 Background and Terms of Reference\n\n"
            "Guidance was followed. The Review Panel met monthly and the Local Authority attended.\n"
            "FAMILY HISTORY AND CONTEXT\n")
    assert residue_of(text) == []


def test_a_word_this_text_writes_in_lower_case_is_explained():
    text = "Plimsoll was mentioned once. The plimsoll was lost.\n"
    assert residue_of(text) == []


def test_a_word_in_an_email_address_or_link_is_no_lower_case_use():
    text = "Write to tomasz.wakelingson@example.org or see www.wakelingson.org.\nThe GP saw Wakelingson there.\n"
    assert residue_of(text) == [("Wakelingson", "PERSON")]


def test_allowlist_gazetteer_and_known_acronyms_explain():
    text = ("A referral went to the NSPCC and CAMHS in Croydon. She is Polish. "
            "The author, Dr Okonjo-Vale OBE, wrote it.\n")
    got = residue_of(text)
    assert ("OBE", "PERSON") not in got and all("Croydon" not in t for t, _ in got)


def test_initials_of_a_person_are_replaced_unless_the_text_defines_them():
    text = "Child JT was seen by the GP. The Multi-Agency Risk Panel (MARP) met; MARP agreed.\n"
    assert residue_of(text) == [("JT", "PERSON")]
    out = anonymise(text, PROFILE)
    assert "JT" not in out.text and "Child " in out.text  # 'Child JT' -> 'Child A'


@pytest.mark.parametrize("code", ["QX774120", "9981223401"])
def test_an_alphanumeric_code_or_long_digit_run_is_replaced(code):
    text = f"The incident log was filed as {code} by the officer.\n"
    assert residue_of(text) == [(code, "REFERENCE_NUMBER")]


@pytest.mark.parametrize("text", ["She was seen on the 21st and in the 1990s.\n",
                                  "Section 3.1 and paragraph 14.2 apply; she paid 250 pounds.\n",
                                  "He had COVID-19 in Year-6.\n",
                                  "The nurse rang at 10.25am, again at 21:45hrs and at 6.50pm.\n"])
def test_numbers_that_are_not_codes_are_kept(text):
    assert residue_of(text) == []


@pytest.mark.parametrize("measure", ["2.9kg", "175ml", "37.8C", "12.5cm", "4.2lbs", "500mg"])
def test_a_number_with_its_unit_of_measure_is_no_code(measure):
    assert residue_of(f"The baby was weighed and given {measure} of it at the clinic.\n") == []


@pytest.mark.parametrize("code", ["44190213C", "12345kg"])
def test_a_long_number_before_a_unit_letter_is_still_a_code(code):
    assert residue_of(f"The incident log was filed as {code} by the officer.\n") == [(code, "REFERENCE_NUMBER")]


@pytest.mark.parametrize("text", ["The stepfather said the noise was a TV left on.\n",
                                  "She was sent for an MRI and a CT scan; the DVD was seized.\n"])
def test_an_everyday_initialism_or_one_after_an_indefinite_article_is_a_thing(text):
    assert residue_of(text) == []


def test_initials_without_an_article_are_still_a_person():
    assert residue_of("The neighbour said JT was shouting.\n") == [("JT", "PERSON")]


def test_after_in_at_to_from_the_label_is_a_place():
    text = "The family then moved to Quarrendon Vale.\n"
    assert residue_of(text) == [("Quarrendon Vale", "LOCATION")]


def test_an_organisation_word_makes_it_an_organisation():
    assert residue_of("She worked for Velmora Trust after the move.\n") == [("Velmora Trust", "ORGANISATION")]


def test_a_flagged_organisation_no_list_explains_becomes_its_kind():
    out = anonymise("Staff at Drennick Holdings Ltd knew the father well.\n", PROFILE)
    assert "Drennick" not in out.text
    assert not any(f.entity == "ORGANISATION" and "Drennick" in f.text for f in out.decisions.flags)


def test_the_keep_list_explains_a_term_and_keeps_it():
    text = "The family was referred to Brightwater Hub by Ysella Coombe.\n"
    kept = with_keep_list(PROFILE, ("Brightwater Hub",))
    out = anonymise(text, kept)
    assert "Brightwater Hub" in out.text
    assert "Ysella" not in out.text
    assert "Brightwater" not in anonymise(text, PROFILE).text


def test_plural_acronyms_contractions_and_abbreviations_are_not_people():
    assert residue_of("Reviews such as SARs and DHRs help. \"I'm tired,\" she said. E.g. this.\n") == []


def test_a_residue_rule_names_its_step():
    out = anonymise("The chair thanked Brannock Quelley.\n", PROFILE)
    assert any(r.rule.startswith("residue: ") for r in out.decisions.replacements if RESIDUE in r.detectors)


def test_faiths_languages_festivals_and_platforms_are_explained():
    assert residue_of("Over Christmas the Muslim family spoke Urdu and posted on TikTok.\n") == []


def test_a_name_in_a_capitals_heading_is_found_and_a_capitals_acronym_elsewhere_kept():
    assert residue_of("REVIEW INTO THE DEATH OF ORLA WAKELING\n") == [("ORLA WAKELING", "PERSON")]
    assert residue_of("The CARM framework and the NI SN number were used.\n") == []


def test_each_line_is_judged_for_capitals_on_its_own():
    # the capitals heading's verdict is not carried to the line after it, nor that line's to the next
    text = "REVIEW INTO THE DEATH OF ORLA WAKELING\nThe CARM framework was used.\nTHE PANEL MET ZORBLAX QUENBY\n"
    assert residue_of(text) == [("ORLA WAKELING", "PERSON"), ("ZORBLAX QUENBY", "PERSON")]


def test_a_named_private_body_is_replaced_by_its_kind_even_in_known_words():
    from anonymiser.decide.residue_step import _named_organisation

    assert _named_organisation("Carlisle City Hospital") and _named_organisation("University of North London")
    assert not _named_organisation("Local Authority") and not _named_organisation("the Church")
    assert not _named_organisation("Anyshire Safeguarding Partnership")


def test_an_organisation_across_list_lines_is_judged_line_by_line():
    from anonymiser.core.results import Flag
    from anonymiser.decide.residue_step import _by_line

    text = "Members:\n    • Devon Drug Team\n    • Qarvo Trust\n"
    f = Flag(text.index("Devon"), text.index("Trust") + 5, "", "ORGANISATION", "kept")
    assert [p.text for p in _by_line(text, [f])] == ["Devon Drug Team", "Qarvo Trust"]


def test_a_named_church_or_club_the_ner_flags_becomes_its_kind():
    out = anonymise("On Sundays the family went to Grace Fellowship Church with friends.\n", PROFILE)
    assert "Fellowship" not in out.text and "the church" in out.text


@pytest.mark.parametrize(("text", "name"), [
    ("Review into the death ofKemalettin in March 2019\n", "Kemalettin"),
    ("A visit fromWakeford and her son followed.\n", "Wakeford"),
])
def test_a_name_typed_into_the_small_word_before_it_is_a_word_of_its_own(text: str, name: str) -> None:
    assert (name, "PERSON") in residue_of(text)


def test_a_common_word_typed_into_the_word_before_it_stays_explained() -> None:
    assert residue_of("He was seen onTuesday and went into theGarden.\n") == []


def test_a_joined_name_is_replaced_with_a_space_before_its_label() -> None:
    text = "The panel met about the death ofBrannock in 2019.\n"
    residue_made = [r for r in anonymise(text).decisions.replacements if r.original == "Brannock"]
    assert residue_made and residue_made[0].replacement.startswith(" ")


def test_acronyms_defined_in_brackets_are_read_once_for_the_residue_rule_and_the_listed_bodies() -> None:
    from anonymiser.decide.residue_scan import defined_in_brackets
    text = "The Harbour Wellbeing Service (HWS) and the Community Safety Partnerships (CSPs) met (twice)."
    assert defined_in_brackets(text) == {"HWS", "CSPs"}  # a plural stays whole; the rule reads its "s"


def test_a_make_of_car_that_is_a_first_name_is_no_explanation_alone() -> None:
    # 'Kia' and 'Mercedes' are girls' names as well as makes: outside a vehicle's context they stay unexplained
    assert residue_of("Her classmate Kia said the older boys had driven off.\n") == [("Kia", "PERSON")]
    assert residue_of("He sold his grey Kia Picanto in May.\n") == []
    assert residue_of("Her classmate said Kia's car was outside.\n") == [("Kia", "PERSON")]
    assert residue_of("The family had a Vauxhall outside.\n") == []  # a make that is no name explains itself


# --------------------------------------------------------------------------- a long draft, span by span

_TRUSTS = ("Blackpool Teaching Hospitals NHS Foundation Trust", "Bradford Teaching Hospitals NHS Foundation Trust",
           "Cambridge University Hospitals NHS Foundation Trust")
_INVENTED = ("Quenby Ashdown Hospital", "Tarrow Mellin Infirmary", "Castrel Brinney Hospital")


def _long_draft(rounds: int) -> str:
    """Invented chronology entries: a body written out, then by its initials, many times over."""
    lines = []
    for i in range(rounds):
        body = (_TRUSTS + _INVENTED)[i % 6]
        initials = "".join(w[0] for w in body.split()[:3])
        lines.append(f"{i + 1}. On {i % 27 + 1} March 2021 Tyrone was seen at {body} by the duty nurse.\n\n"
                     f"{initials} staff wrote to the GP the next day.\n")
    return "\n".join(lines)


def test_a_scan_asked_span_after_span_with_a_growing_set_answers_as_with_the_spans_listed():
    from anonymiser.core.span_set import SpanSet
    from anonymiser.decide.residue_scan import Scan

    text = _long_draft(24)
    scan = Scan(text, explaining_index(PROFILE))
    grown, listed = SpanSet(), []
    # cover the invented bodies one by one, as the residue step covers what it decides
    for i, body in enumerate(_INVENTED * 4):
        at = text.find(body, text.find(body) + 1) if i >= 3 else text.find(body)
        span = (at, at + len(body))
        grown.add(*span)
        listed.append(span)
        assert find_residue(scan, covered=grown) == find_residue(scan, covered=listed)


def test_in_a_long_draft_each_bodys_initials_go_with_it_or_stay_with_it():
    out = anonymise(_long_draft(24), PROFILE).text
    for body in _TRUSTS:  # allowlisted and kept: their initials are explained by them
        assert body in out and "".join(w[0] for w in body.split()[:3]) + " staff" in out
    for body in _INVENTED:  # replaced: nothing explains their initials any more
        assert body.split()[0] not in out and "".join(w[0] for w in body.split()) not in out


def test_an_unexplained_word_opening_an_organisations_name_takes_the_whole_name_with_it() -> None:
    # no detector finds the name; 'Christ' alone is unexplained, and 'Harvest Tabernacle Assembly' is made of
    # words English knows and would be left beside a person's label
    result = anonymise("Her aunt attends a church, Christ Harvest Tabernacle Assembly, in the town.")
    assert result.text == "Her aunt attends a church, the assembly, in the town."
    assert not any("Tabernacle" in f.text for f in result.decisions.flags)  # replaced, so no longer flagged as kept
    # a name whose head is no organisation's word is a person's, as before
    assert "Zelnor" not in anonymise("She met Zelnor Harbottle on Sunday.").text


def test_an_agencys_head_is_no_organisations_name_for_the_word_before_it() -> None:
    from anonymiser.decide.residue_step import _organisation_run

    assert _organisation_run("Christ Harvest Tabernacle Assembly met", len("Christ")) == len("Christ Harvest Tabernacle Assembly")
    # an agency's name is kept, and only its unexplained word goes
    assert _organisation_run("Quorlby Community Safety Partnership met", len("Quorlby")) is None
