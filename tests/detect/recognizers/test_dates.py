"""The DATE recognizer: every UK written form, and the words that only look like months."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import DATE
from anonymiser.detect.recognizers.dates import TIME_SCORE, YEAR_ONLY_SCORE, UkDateRecognizer
from tests.detect.recognizers._support import found, score_of, spans


@pytest.fixture(scope="module")
def rec() -> UkDateRecognizer:
    return UkDateRecognizer()


@pytest.mark.parametrize(
    "date",
    [
        "14/03/2019",
        "14-03-2019",
        "2019-03-14",
        "14th March 2019",
        "14 Mar 2019",
        "14 Sept. 2019",
        "March 14, 2019",
        "14th of March 2019",
        "Tuesday 14th March 2019",
        "Thursday, 14 March 2019",
        "14 MARCH 2019",
        "14 march 2019",
        "14-16 March 2019",
    ],
)
def test_exact_dates_score_high(rec: UkDateRecognizer, date: str) -> None:
    text = f"The strategy meeting was held on {date} at the police station."
    assert spans(rec, text) == [date]
    assert score_of(rec, text, date) >= 0.85


def test_two_digit_year_with_slashes(rec: UkDateRecognizer) -> None:
    text = "Mother was seen on 14/3/19 by the midwife."
    assert spans(rec, text) == ["14/3/19"]
    assert score_of(rec, text, "14/3/19") >= 0.7


def test_span_leaves_out_a_leading_the(rec: UkDateRecognizer) -> None:
    text = "Kayla was seen on the 14th of March 2019 by her GP."
    assert spans(rec, text) == ["14th of March 2019"]


@pytest.mark.parametrize(
    "date",
    ["March 2019", "Tuesday 14 March", "14 March", "May 2019", "Spring 2019", "14.3.19", "Mar-19", "2019/20"],
)
def test_partial_dates(rec: UkDateRecognizer, date: str) -> None:
    text = f"Concerns were first raised in {date} by the school."
    assert spans(rec, text) == [date]
    assert 0.5 <= score_of(rec, text, date) < 0.85


def test_review_sentence(rec: UkDateRecognizer) -> None:
    text = "On 14th March 2019 the health visitor, Ms Price, visited the family at 27 Birchwood Road."
    [result] = found(rec, text)
    assert (result.entity_type, text[result.start : result.end]) == (DATE, "14th March 2019")


def test_year_alone_and_times_score_low(rec: UkDateRecognizer) -> None:
    text = "In 2019 the referral was made; police arrived at 10:30am and left at 14:45."
    assert spans(rec, text) == ["2019", "10:30am", "14:45"]
    assert score_of(rec, text, "2019") == YEAR_ONLY_SCORE == 0.3
    assert score_of(rec, text, "10:30am") == TIME_SCORE


def test_month_alone_after_time_word(rec: UkDateRecognizer) -> None:
    text = "The family moved in January and the case closed by late October."
    assert spans(rec, text) == ["January", "October"]
    assert score_of(rec, text, "January") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Mother said she may come to the meeting.",
        "Mother said she May come to the meeting.",  # "May" needs a day or year beside it
        "In May the family moved.",
        "They will march to the town hall.",
        "The march took place in the town centre.",
        "All 14 may attend the meeting.",
        "June Smith, the key worker, attended.",
        "Section 47 enquiries and paragraph 3.2.12 of the guidance.",
        "Crime reference 01/123456/19 and case LA-2019-00123 and CR/2019/004512.",
        "Her NHS number is 943 476 5919.",
        "The 31/02/2019 entry was a typing error.",  # no such date
        "The family received £2019 in benefits.",
        "Support is available 24/7.",
    ],
)
def test_not_dates(rec: UkDateRecognizer, text: str) -> None:
    assert spans(rec, text) == []


def test_a_weekday_before_a_numeric_date_is_part_of_it() -> None:
    from anonymiser.detect.recognizers.dates import UkDateRecognizer

    text = "Seen on Sat 18/02/23 and again on Tuesday 21/02/2023."
    rec = UkDateRecognizer()
    found = {text[r.start:r.end] for r in rec.analyze(text, rec.supported_entities, None)}
    assert {"Sat 18/02/23", "Tuesday 21/02/2023"} <= found
