"""A review's own number and a series code: detect/recognizers/review_reference.py."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import REFERENCE_NUMBER
from anonymiser.detect.recognizers.reference_number import ReferenceNumberRecognizer
from anonymiser.detect.recognizers.review_reference import ReviewReferenceRecognizer
from tests.detect.recognizers._support import found, spans


@pytest.fixture(scope="module")
def rec() -> ReviewReferenceRecognizer:
    return ReviewReferenceRecognizer()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The number word goes with the number, or a NER would read 'Case' as a name.
        ("Serious Case Review case 12 Overview Report", "case 12"),
        ("Safeguarding Adults Review Case 3 – Executive Summary", "Case 3"),
        ("This is Child Safeguarding Practice Review no. 41 of the partnership.", "no. 41"),
        ("DOMESTIC HOMICIDE REVIEW CASE 9", "CASE 9"),
        ("The Learning Review number 2019/07 was published.", "number 2019/07"),
        ("The Child Practice Review (ref: 15B) was endorsed.", None),
    ],
)
def test_a_number_after_a_review_kind_identifies_the_review(rec: ReviewReferenceRecognizer, text: str,
                                                            code: str | None) -> None:
    assert spans(rec, text) == ([code] if code else [])
    assert {r.entity_type for r in found(rec, text)} <= {REFERENCE_NUMBER}


@pytest.mark.parametrize(
    "text",
    [
        "The review looked at case 12 of the sample.",  # no review kind before 'case'
        "Serious Case Reviews have found that agencies share too little.",
        "Safeguarding Adults Review panel met in March.",
    ],
)
def test_no_number_without_a_review_kind_and_a_number_word(rec: ReviewReferenceRecognizer, text: str) -> None:
    assert spans(rec, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the partnership published the review, SCRP 7 2021, in the spring", "SCRP 7 2021"),
        ("Reference DHR 12 2018 was agreed by the panel.", "DHR 12 2018"),
    ],
)
def test_a_capital_series_code_a_number_and_a_year_are_one_reference(rec: ReviewReferenceRecognizer,
                                                                     text: str, code: str) -> None:
    assert code in spans(rec, text)


@pytest.mark.parametrize(
    "text",
    ["He was seen on JUNE 4 2019 by the GP.", "ARTICLE 8 2019 was cited.", "The SECTION 47 enquiry began."],
)
def test_a_month_or_a_part_of_a_document_is_no_series(rec: ReviewReferenceRecognizer, text: str) -> None:
    assert spans(rec, text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ref KLSP 2019/04-11 Final", "Ref KLSP 2019/04-11"),
        ("Our ref: TW 88213", "TW 88213"),  # a label with its colon stays as written
        ("The crime reference CRIS 5019284/23 was given.", "5019284/23"),  # CRIS is a keyword, no series
        ("Reference SAB3 19/22 (Draft)", "Reference SAB3 19/22"),
    ],
)
def test_a_reference_keyword_takes_a_lettered_series_into_the_code(text: str, code: str) -> None:
    # the keyword goes with them: one reference, so no name reader can take 'Ref KLSP' for a person
    assert code in spans(ReferenceNumberRecognizer(), text)


def test_a_lettered_word_after_reference_needs_a_code_with_digits() -> None:
    assert spans(ReferenceNumberRecognizer(), "see the Terms of Reference TOR for the panel") == []
