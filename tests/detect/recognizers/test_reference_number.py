"""Case, crime, CAD and hospital reference numbers."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import REFERENCE_NUMBER
from anonymiser.detect.recognizers.reference_number import ReferenceNumberRecognizer
from tests.detect.recognizers._support import found, score_of, spans


@pytest.fixture(scope="module")
def rec() -> ReferenceNumberRecognizer:
    return ReferenceNumberRecognizer()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Police recorded the assault under crime reference 01/123456/19.", "01/123456/19"),
        ("Crime ref: CR/2019/004512 was shared at the strategy meeting.", "CR/2019/004512"),
        ("The call was logged as CAD 1234/14MAR19 by the control room.", "1234/14MAR19"),
        ("CAD number 4567 related to the same address.", "4567"),
        ("Children's services opened case number LA-2019-00123.", "LA-2019-00123"),
        ("Her hospital number RX12345678 appeared on the letter.", "RX12345678"),
        ("MRN 00123456 was on the discharge summary.", "00123456"),
        ("The child's Mosaic ID 1234567 was linked to her brother's record.", "1234567"),
        ("LCS number 998877 was used by the previous authority.", "998877"),
        ("Police reference 4501234/19 was given to Mother.", "4501234/19"),
        ("The school (URN 123456) was inspected.", "123456"),
        ("Ref: ABC/123", "ABC/123"),
        ("The referral reference is EH-00451.", "EH-00451"),
        # a worker's number on an employer's or a service's system
        ("A telephone interpreter (Slovak; interpreter ID 44178) joined the call.", "44178"),
        ("The support worker's staff number 55120 is on the rota.", "55120"),
        ("The housing officer quoted tenancy reference TR/8812.", "TR/8812"),
        ("Her LiquidLogic number 99881 was on the referral.", "99881"),
    ],
)
def test_keyword_anchored_references(rec: ReferenceNumberRecognizer, text: str, code: str) -> None:
    assert spans(rec, text) == [code]
    assert score_of(rec, text, code) >= 0.85
    assert {r.entity_type for r in found(rec, text)} == {REFERENCE_NUMBER}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The file was CR/2019/004512 in the archive.", "CR/2019/004512"),
        ("Reopened as LA-2019-00123 later.", "LA-2019-00123"),
        ("It was logged as 01/123456/19 by the force.", "01/123456/19"),
    ],
)
def test_unanchored_codes_score_lower(rec: ReferenceNumberRecognizer, text: str, code: str) -> None:
    assert spans(rec, text) == [code]
    assert score_of(rec, text, code) < 0.85


@pytest.mark.parametrize(
    "text",
    [
        "In case no one attended, the meeting went ahead.",
        "She was case number 2 on the list.",
        "See Working Together (reference 2018) for the guidance.",
        "With reference to the 2019 plan, the school agreed.",
        "Section 47 enquiries began.",
        "During Covid-19 the 5-year-old was not seen.",
        "The cadence 123 of the song.",
        "He was seen on 14-MAR-2019.",
    ],
)
def test_not_references(rec: ReferenceNumberRecognizer, text: str) -> None:
    assert spans(rec, text) == []


def test_a_number_after_nhs_number_goes_whether_or_not_its_check_digit_holds() -> None:
    from anonymiser import anonymise
    assert anonymise("Her NHS number is 943 476 5919.").text == "Her NHS number is [NHS number removed]."
    # A mistyped NHS number fails its check digit, but it is still the child's number.
    assert anonymise("Her NHS number is 943 476 5918.").text == "Her NHS number is [reference removed]."


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The call (incident log 2006 of 3 March 2021) was passed on.", "2006"),
        ("Officers raised crime number 1994 that night.", "1994"),
        ("Her hospital ID: 2011 was on the wristband.", "2011"),
    ],
)
def test_a_year_shaped_number_after_a_records_keyword_is_its_number(
        rec: ReferenceNumberRecognizer, text: str, code: str) -> None:
    # A system's own keyword is never prose citing a year; a bare 'reference 2018' still is (above).
    assert spans(rec, text) == [code]
