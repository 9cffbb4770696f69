"""People the detectors missed, found from the name lists, the local context and the layout
(decide.person_evidence), on invented review text."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.listed_people import drop_spilled_people, listed_people
from anonymiser.decide.person_evidence import initials, name_words
from anonymiser.decide.steps import STEPS
from tests.decide.test_people import NO_ALLOWLIST


def texts(text: str, found: list[Detection]) -> list[str]:
    return [text[d.start:d.end] for d in sorted(found, key=lambda d: d.start)]


def at(text: str, span: str, entity: str, nth: int = 0) -> Detection:
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Detection(start, start + len(span), entity, 0.85, ("SpacyRecognizer",))


# --- a first name that is also a month or a word ---------------------------------------------

MONTH_TEXT = ("April, a retired carer, lived alone. April's daughter visited in April 2019 and again "
              "on 3 April. April refused a care package. The plan was reviewed in April. "
              "Later April told her GP she was lonely.")


def test_a_month_name_with_person_evidence_is_the_person_at_every_mention_but_the_dated_ones() -> None:
    found = name_words(MONTH_TEXT, [], [])
    assert texts(MONTH_TEXT, found) == ["April", "April", "April", "April"]
    starts = [d.start for d in found]
    assert MONTH_TEXT.index("April 2019") not in starts  # a year beside it: the month
    assert MONTH_TEXT.index("3 April") + 2 not in starts  # a day before it: the month
    assert MONTH_TEXT.index("in April.") + 3 not in starts  # 'in April': the month
    assert all(d.entity == E.PERSON and "name-word" in d.detectors for d in found)


def test_a_month_without_person_evidence_stays_a_month() -> None:
    text = "The strategy meeting was held in May. May was a busy month for the team; by May the plan had changed."
    assert name_words(text, [], []) == []


@pytest.mark.parametrize("text,expected", [
    ("The review spoke to Hope's mother. Hope said she felt unsafe at home.", ["Hope", "Hope"]),
    ("Professionals met Will at school. Will said he was scared. Will the plan work?", ["Will", "Will"]),
    ("We hope the plan will work. Hope is what the family needed.", []),  # the word, never the name
    ("Destiny's mother said they had moved. Destiny's school raised no concern.", ["Destiny", "Destiny"]),
])
def test_a_name_that_is_a_common_word_needs_a_possessive_or_a_person_verb(text: str, expected: list[str]) -> None:
    assert texts(text, name_words(text, [], [])) == expected


def test_a_name_word_inside_a_title_or_an_allowlisted_span_is_left_alone() -> None:
    text = "The Attorney General said the case would be heard. Grace Hospital staff told the panel."
    kept = [(text.index("Grace Hospital"), text.index("Grace Hospital") + len("Grace Hospital"))]
    assert name_words(text, [], kept) == []


def test_a_name_the_ner_found_everywhere_is_not_added_again() -> None:
    text = "Rose told her teacher. Rose's brother was in care."
    dets = [at(text, "Rose", E.PERSON), at(text, "Rose", E.PERSON, 1)]
    assert name_words(text, dets, []) == []


def test_a_name_word_the_ner_called_an_organisation_with_its_possessive_is_the_person() -> None:
    text = "Liberty said she was scared. Liberty's nan took her to school."
    dets = [at(text, "Liberty's", E.ORGANISATION)]
    assert texts(text, name_words(text, dets, [])) == ["Liberty", "Liberty"]


# --- initials standing for people ----------------------------------------------------------

INITIALS_TEXT = ("Initials of Child TM. TM was born in 2016 and lived with his mother, RK. RK told the health "
                 "visitor that TM's father had left. The LSCB (Local Safeguarding Children Board) and the GP "
                 "were told; the LSCB said a review was needed.")


def test_initials_with_person_evidence_are_people_at_every_mention() -> None:
    found = initials(INITIALS_TEXT, [], [], NO_ALLOWLIST)
    assert texts(INITIALS_TEXT, found) == ["TM", "TM", "RK", "RK", "TM"]


def test_a_defined_acronym_or_an_english_word_is_never_a_persons_initials() -> None:
    text = ("The MARAC (Multi-Agency Risk Assessment Conference) met. Her mother MARAC said nothing. "
            "Her brother IT was born in 2010. His sister US died.")
    assert initials(text, [], [], NO_ALLOWLIST) == []


def test_an_acronym_a_glossary_spells_out_in_words_is_no_named_persons_initials() -> None:
    text = ("Paul Tate was seen. A PT session was done and the nurse said PT was calm.\n\n"
            "**PT**: physical therapy.")
    assert initials(text, [at(text, "Paul Tate", E.PERSON)], [], NO_ALLOWLIST) == []
    # a person's name as the expansion does not excuse the initials
    text = "Paul Tate was seen. The nurse said PT was calm.\n\n**PT**: Paul Tate."
    assert texts(text, initials(text, [at(text, "Paul Tate", E.PERSON)], [], NO_ALLOWLIST)) == ["PT", "PT"]


def test_initials_with_dots_are_found_like_initials_without() -> None:
    text = "Her partner S.A. had moved in. S.A. refused to meet the social worker."
    assert texts(text, initials(text, [], [], NO_ALLOWLIST)) == ["S.A.", "S.A."]


def test_initials_without_person_evidence_are_left_to_other_rules() -> None:
    text = "The QZ team met the family. QZ reported to the board."
    assert initials(text, [], [], NO_ALLOWLIST) == []


def test_initials_the_ner_took_for_a_place_are_read_as_the_person() -> None:
    text = "His mother DW had two older children. DW refused support."
    dets = [at(text, "DW", E.LOCATION)]
    assert texts(text, initials(text, dets, [], NO_ALLOWLIST)) == ["DW", "DW"]


def test_a_common_word_typed_among_capitals_is_no_named_persons_initials() -> None:
    """'VEH ON DRIVE' in a police log is the word 'on', though Oskar Nowak's initials are 'ON'; his 'ON'
    in a sentence is still him."""
    text = 'Oskar Nowak was seen. The log reads: "MOTHER AT HOME - VEH ON DRIVE". Later ON said he left.'
    found = texts(text, initials(text, [at(text, "Oskar Nowak", E.PERSON)], [], NO_ALLOWLIST))
    assert found == ["ON"] and text.index("Later ON") + 6 == next(d.start for d in initials(
        text, [at(text, "Oskar Nowak", E.PERSON)], [], NO_ALLOWLIST))


# --- people listed with their roles or agencies --------------------------------------------

PANEL = """Review panel

Margaret Okonkwo Independent Chair

Tomasz Wieczorek Riverside Community Health NHS Trust

Lores Brannigan Avon and Somerset Constabulary

Priya Chaudhry Children's Social Care

The panel met six times."""


def test_a_panel_list_gives_each_name_and_leaves_the_agency() -> None:
    found = listed_people(PANEL, [], [])
    assert texts(PANEL, found) == ["Margaret Okonkwo", "Tomasz Wieczorek", "Lores Brannigan", "Priya Chaudhry"]
    assert all("people-list" in d.detectors for d in found)


def test_two_lines_are_no_list() -> None:
    text = "Contents\n\nHelen Street Surgery\n\nOakwood Drive\n\nThe family moved."
    assert listed_people(text, [], []) == []


@pytest.mark.parametrize("text,name", [
    ("Report produced by: Dariusz Nowicki Independent Reviewer\n", "Dariusz Nowicki"),
    ("Overview report\n\nReport Author\n\nSiobhan Adeyemi MBE, MA\n", "Siobhan Adeyemi"),
    ("Chair: Kwame Asante\nDate: March 2024\n", "Kwame Asante"),
])
def test_a_named_author_or_chair(text: str, name: str) -> None:
    assert texts(text, listed_people(text, [], [])) == [name]


def test_postnominals_after_a_name_are_its_own_never_initials() -> None:
    text = "Chair: Nadia Okoro, BA, MSc\n\nMark Baines attended. Brenda Ames spoke.\n"
    assert texts(text, listed_people(text, [], [])) == ["Nadia Okoro, BA, MSc"]
    # 'BA' would be Brenda Ames's initials, but after a name and its comma it is a degree
    assert initials(text, [at(text, "Brenda Ames", E.PERSON)], [], NO_ALLOWLIST) == []


def test_no_author_cue_no_author() -> None:
    text = "The report was shared by Social Care with the family.\n"
    assert listed_people(text, [], []) == []


def test_a_ner_person_that_ran_into_the_agency_is_dropped_and_one_that_ran_on_in_the_name_kept() -> None:
    text = PANEL.replace("Independent Chair", "Croydon Council").replace("Wieczorek", "Wieczorek Nowak")
    listed = listed_people(text, [], [])
    spilled = at(text, "Okonkwo Croydon", E.PERSON)  # into a council's name
    longer = at(text, "Tomasz Wieczorek Nowak", E.PERSON)  # on into more of the name
    assert drop_spilled_people(text, [spilled, longer], listed, []) == [longer]


# --- the steps and the whole stage ---------------------------------------------------------

def test_the_steps_stand_where_the_docstring_says() -> None:
    names = [s.name for s in STEPS]
    assert names.index("keep-rules") < names.index("listed-people") < names.index("propagation")
    assert names.index("propagation") < names.index("names-from-evidence") < names.index("overlaps")


def test_end_to_end_the_names_go_and_the_months_and_agencies_stay() -> None:
    text = ("1. Background\n\nJune, a retired teacher, died at home on 2 March 2023. June's son said she "
            "had refused help since June 2022. His brother KT was born in 1990; KT told the GP.\n\n"
            "Report by: Marek Zielinski Independent Reviewer\n")
    out = anonymise(text).text
    for gone in ("June,", "June's", "KT", "Marek", "Zielinski"):
        assert gone not in out
    assert "June 2022" in out or "2022" in out
    assert "GP" in out and "Independent Reviewer" in out
    rules = [r.rule for r in anonymise(text).decisions.replacements]
    assert any(r.startswith("names-from-evidence") for r in rules)
    assert any(r.startswith("listed-people") for r in rules)


def test_a_first_name_that_is_a_common_word_is_taken_in_before_its_surname() -> None:
    from anonymiser.decide.name_edges import take_in_first_names

    text = "Later that week Destiny Archer moved in; Archer was quiet. Court Archer was closed."
    archer = text.index("Archer")
    court = text.index("Archer", text.index("Court"))
    dets = [Detection(archer, archer + 6, E.PERSON, 0.85, ("SpacyRecognizer",)),
            Detection(court, court + 6, E.PERSON, 0.85, ("SpacyRecognizer",))]
    got = [text[d.start:d.end] for d in take_in_first_names(text, dets, [])]
    assert got == ["Destiny Archer", "Archer"]  # 'Court' is no first name
    kept = [(text.index("Destiny"), text.index("Destiny") + 7)]
    assert [text[d.start:d.end] for d in take_in_first_names(text, dets, kept)][0] == "Archer"


def test_a_surname_found_alone_after_a_word_name_leaves_nothing_of_the_name() -> None:
    from anonymiser.api import anonymise

    out = anonymise("In the spring Destiny Archer moved to the flat with her son.").text
    assert "Destiny" not in out and "Archer" not in out
