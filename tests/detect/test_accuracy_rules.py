"""Detection rules added for accuracy (issue 5), each on realistic review or judgment text,
with the cases it must find and the look-alikes it must leave alone (what decide() then keeps
or finds again: tests/decide/test_accuracy_rules.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from anonymiser.api import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer
from anonymiser.detect.recognizers.dates import UkDateRecognizer
from anonymiser.detect.recognizers.letter_person import LetterPersonRecognizer
from anonymiser.detect.recognizers.place_context import PlaceContextRecognizer
from anonymiser.detect.recognizers.reference_number import ReferenceNumberRecognizer
from anonymiser.detect.recognizers.register_address_forms import sub_addresses
from tests.detect.recognizers._support import spans

# --------------------------------------------------------------------------- codes


@pytest.mark.parametrize(("text", "codes"), [
    ("The case originated in an application (no. 57592/08) against the United Kingdom.", ["57592/08"]),
    ("the same complaints (applications nos. 26480/95, 28291/95 and 682/02) were joined",
     ["26480/95", "28291/95", "682/02"]),
    ("plots nos. 19, 20, 28 and 29 were registered", ["19", "20", "28", "29"]),
    ("the case of M.S. v. Sweden (no. 74/1996/693/885) was relevant", ["74/1996/693/885"]),
    ("judgment in the applicant's case ([2008] EWHC 860 (QB)) was given", ["[2008] EWHC 860 (QB)"]),
    ("The Court of Appeal ([2010] EWCA Civ 426) agreed.", ["[2010] EWCA Civ 426"]),
    ("PC 6187 Marsh and a colleague attended.", ["6187"]),
    ('"PATIENT: HOPE WHITFELD HOSP NO K2298415 NHS"', ["K2298415"]),
    ("under crime reference CRIS 5019284/23. His account", ["5019284/23"]),
    ("the land register describes plot no. 214, sheet/plan 21/9 E.2, as an orchard", ["214", "21/9"]),
    ("The flat is registered under title number NGL482913 at HM Land Registry.", ["NGL482913"]),
    ("The transfer was entered in the register at folio 23817 in 1974.", ["23817"]),
])
def test_reference_numbers(text: str, codes: list[str]) -> None:
    assert spans(ReferenceNumberRecognizer(), text) == codes


@pytest.mark.parametrize("text", [
    "In case no one attended, the meeting went ahead.",
    "Protocol No. 1 protects property.",
    "Her blood pressure was 120/80 on 14/03/2023.",
    "The PC was broken.",
    "Sheet 2 of the chronology lists the visits, and the plan set out 12 actions.",
])
def test_not_reference_numbers(text: str) -> None:
    assert spans(ReferenceNumberRecognizer(), text) == []


# --------------------------------------------------------------------------- dates


def test_a_night_across_two_days_is_one_date() -> None:
    assert spans(UkDateRecognizer(), "4.9 The night of 13/14 March 2023. At about midnight") == ["13/14 March 2023"]
    assert spans(UkDateRecognizer(), "She ate 3/4 of the meal in March 2023.") == ["March 2023"]


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize(("text", "place"), [
    ("The applicant was born in 1971 and lives in Edirne.", "Edirne"),
    ("Mr Harding moved to King's Lynn after the separation.", "King's Lynn"),
    ("grew up on the Longheath Estate in New Addington, where his mother lived", "New Addington"),
    ("a housing association property in the Waterlees area of the town", "Waterlees"),
    ("some plots of land in Siverek village were registered", "Siverek village"),
    ("a village in the District of Famagusta.", "District of Famagusta"),
    ("the wounding of his colleague in Adare, Co. Limerick.", "Co. Limerick"),
    ("After his release he never returned to the north of the country.", "north of the country"),
    ("The family moved to the south-east of the island in 2019.", "south-east of the island"),
])
def test_places_from_context(text: str, place: str) -> None:
    assert place in spans(PlaceContextRecognizer(), text)


@pytest.mark.parametrize("text", [
    "The strategy meeting was held in March and again in May.",
    "She spoke to Mother in English at Christmas.",
    "The plan was agreed in Section 47 enquiries at Oakfield Primary School today.",
    "Lily was placed in Reception and the reviewer met them in Court.",
    "The children played to the north of the garden, east of the house.",
])
def test_not_places(text: str) -> None:
    assert spans(PlaceContextRecognizer(), text) == []


# --------------------------------------------------------------------------- people by a letter


@pytest.mark.parametrize(("text", "letter"), [
    ("The applicants were sued by “K”, a former patient of Dr Price.", "K"),
    ("the evidence given against him by the complainant (M.). The prosecution", "M."),
    ("the behaviour about which [M.] was complaining", "M."),
])
def test_letter_names(text: str, letter: str) -> None:
    assert spans(LetterPersonRecognizer(), text) == [letter]


@pytest.mark.parametrize("text", [
    "The chronology is in Appendix (B) of this report.",
    "(B) The council must publish the plan.",
    "The answer was I (me) and A (ay).",
])
def test_not_letter_names(text: str) -> None:
    assert spans(LetterPersonRecognizer(), text) == []


# --------------------------------------------------------------------------- register


REGISTER = Register(
    case="CSPR test",
    people=(
        Person("Lily Harding", "subject child", "female", (), dt.date(2014, 5, 2)),
        Person("Will Tanner", "mother's partner", "male"),
    ),
    addresses=("Flat 3, 41 Marlowe Crescent, Thornton Heath, CR7 6LP",),
)


def _register_hits(text: str) -> list[str]:
    rec = CaseRegisterRecognizer(REGISTER)
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, ["PERSON", "ADDRESS"]), key=lambda r: r.start)]


def test_sub_addresses() -> None:
    assert sub_addresses("Flat 3, 41 Marlowe Crescent, Thornton Heath, CR7 6LP") == [
        "Flat 3, 41 Marlowe Crescent", "Flat 3, 41 Marlowe Crescent, Thornton Heath",
        "41 Marlowe Crescent", "41 Marlowe Crescent, Thornton Heath", "41 Marlowe Crescent, Thornton Heath, CR7 6LP",
    ]


@pytest.mark.parametrize("written", ["41 marlowe crescent", "41 Marlowe Cres", "41 MARLOWE CRES.",
                                     "41 Marlowe Crescent, Thornton Heath", "Flat 3, 41 Marlowe Cres"])
def test_register_address_written_short(written: str) -> None:
    assert written in _register_hits(f'The address, recorded as "{written}", was not linked.')


def test_a_different_house_on_the_street_is_not_the_register_address() -> None:
    assert _register_hits("A neighbour at 43 Marlowe Crescent called the police.") == []


def test_lower_case_flower_name_is_found_but_lower_case_word_is_not() -> None:
    text = "a friend had commented \"lily's mum is always out of it\" and we will meet"
    assert _register_hits(text) == ["lily"]


# --------------------------------------------------------------------------- end to end


def test_judgment_people_with_initials_and_accents() -> None:
    text = ("The Court was composed of Mr Thór Vilhjálmsson, Mr L.-E. Pettiti, Mr U. Lōhmus and "
            "Ms K. McCLEERY, Agent. Mr Justice Potts held that Tugendhat J was right.")
    done = anonymise(text, profile="strict").text
    for name in ("Thór", "Vilhjálmsson", "Pettiti", "Lōhmus", "McCLEERY", "Potts", "Tugendhat"):
        assert name not in done


def test_name_word_at_a_sentence_start_is_the_name_unless_a_question() -> None:
    from anonymiser.api import anonymise

    text = ("Will Tanner moved in with the family. \"Will shouted at her,\" a neighbour said. "
            "Will the plan work? Professionals will meet again.")
    out = anonymise(text).text
    assert "Will shouted" not in out
    assert "Will the plan work?" in out and "Professionals will meet" in out


def test_heading_of_everyday_words_is_not_a_person_but_a_known_name_is() -> None:
    from anonymiser.api import anonymise

    text = ("Family Background\n\nThe family moved often. The family had support. His background was "
            "unsettled and the background checks were late.\n\nThe mother's boyfriend, known as Will, "
            "moved in. Staff said Will was often there, and the plan will be reviewed.")
    result = anonymise(text)
    replaced = {r.original for r in result.decisions.replacements}
    assert "Family Background" not in replaced and "Family" not in replaced
    assert "Will" in replaced and "known as Will" not in result.text
    assert "the plan will be reviewed" in result.text


def test_a_month_after_a_replaced_name_word_is_left_as_a_date() -> None:
    from anonymiser.api import anonymise

    text = "Ms Okoye's friend May Ellis visited. May said she was worried. In May 2023 the case closed."
    out = anonymise(text).text
    assert "May Ellis" not in out and "May said" not in out
    assert "In May 2023 the case closed." in out


def test_formal_country_titles_and_bare_institutions_are_not_places() -> None:
    from anonymiser.api import anonymise

    text = ("The Republic of Turkey was the respondent. The State Security Court heard the case. "
            "He then lived in Enugu with his aunt.")
    out = anonymise(text).text
    assert "Republic of Turkey" in out and "State Security Court" in out
    assert "Enugu" not in out


def test_a_misspelling_guess_does_not_break_up_a_named_school() -> None:
    from anonymiser.api import anonymise
    from anonymiser.core.register import Person, Register

    reg = Register("c", (Person("Margaret Hollis", "maternal grandmother", "female"),))
    out = anonymise("She started at Hollin Brook Primary School. Mrs Hollis took her there; Ms Hollys agreed.",
                    register=reg).text
    assert "the primary school" in out and "Maternal Grandmother the" not in out
    assert "Hollis" not in out and "Hollys" not in out


def test_durations_and_ages_are_not_dates_to_generalise() -> None:
    from anonymiser.api import anonymise

    text = "The baby, then aged seven weeks, was seen on 14 March 2023 and again six months later."
    out = anonymise(text).text
    assert "aged seven weeks" in out and "six months later" in out
    assert "in March 2023" in out and "14 March" not in out


@pytest.mark.parametrize("draft, names", [
    ("MOTHER: JANE SMITH 07700 900412\n", ["JANE", "SMITH"]),
    ("MGM: GRACE ADEBAYO TEL 0118 496 0725 (lives nearby)\n", ["GRACE", "ADEBAYO"]),
    ("SIBLING: MARCUS WHITFIELD DOB 19.02.17\n", ["MARCUS", "WHITFIELD"]),
    ("ADDRESS: FLAT 3 41 MARLOWE CRESCENT THORNTON HEATH CR7 6LP\n", ["MARLOWE", "CR7"]),
])
def test_names_and_addresses_typed_in_capitals_are_found_without_a_register(draft: str, names: list[str]) -> None:
    out = anonymise(draft).text
    for name in names:
        assert name not in out, out


def test_headings_and_codes_in_capitals_are_not_people() -> None:
    text = "CHILD SAFEGUARDING PRACTICE REVIEW: CHILD H\n\nThe NI SN number and the MASH were noted.\n"
    assert anonymise(text).text == text
