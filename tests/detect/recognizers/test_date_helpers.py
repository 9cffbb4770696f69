"""anonymiser.detect.date_parsing: parse_uk_date, month_year and same_date."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from anonymiser.detect.date_parsing import PartialDate, month_year, parse_uk_date, same_date

MARCH_14_2019 = PartialDate(year=2019, month=3, day=14)


@pytest.mark.parametrize(
    "text",
    [
        "14/03/2019",
        "14/3/19",
        "14.3.19",
        "14-03-2019",
        "2019-03-14",
        "14th March 2019",
        "14 Mar 2019",
        "March 14, 2019",
        "the 14th of March 2019",
        "Tuesday 14th March 2019",
        "on 14 March 2019.",
    ],
)
def test_parse_exact_dates(text: str) -> None:
    assert parse_uk_date(text) == MARCH_14_2019


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/04/2019", PartialDate(2019, 4, 3)),  # day first, as the UK writes it
        ("March 2019", PartialDate(2019, 3, None)),
        ("Mar-19", PartialDate(2019, 3, None)),
        ("Tuesday 14 March", PartialDate(None, 3, 14)),
        ("14 March", PartialDate(None, 3, 14)),
        ("29 February", PartialDate(None, 2, 29)),
        ("the 31st of May", PartialDate(None, 5, 31)),
        ("2019", PartialDate(2019, None, None)),
        ("Spring 2019", PartialDate(2019, None, None)),
        # A bare number before a year is no month: a series number ("review 7 2021").
        ("7 2021", PartialDate(2021, None, None)),
        ("12 2018", PartialDate(2018, None, None)),
    ],
)
def test_parse_partial_dates(text: str, expected: PartialDate) -> None:
    assert parse_uk_date(text) == expected


@pytest.mark.parametrize("text", ["", "Section 47", "hello", "14", "10:30am", "31/02/2019"])
def test_parse_non_dates(text: str) -> None:
    assert parse_uk_date(text) is None


def test_partial_date_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        MARCH_14_2019.year = 2020  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14/03/2019", "March 2019"),
        ("the 14th of March 2019", "March 2019"),
        ("14.3.19", "March 2019"),
        ("Sept 2019", "September 2019"),
        ("March 2019", "March 2019"),
        ("14 March", "March"),
        ("Tuesday 14 March", "March"),
        ("2019", "2019"),
        # Words a NER takes into the span stay as written before the coarsened date.
        ("late spring 2019", "late spring 2019"),  # a season is kept as written
        ("the summer of 2019", "the summer of 2019"),
        ("late January\n2023", "late January 2023"),
        ("the end of May 2021", "the end of May 2021"),
        ("between March 2023", "between March 2023"),
        ("from 3 May 2021", "from May 2021"),
        ("since mid-14 June 2020", "since mid-June 2020"),
        # A range of days is coarsened to its month; the first day is no year.
        ("14-16 March 2019", "March 2019"),
        ("13/14 March 2021", "March 2021"),
        ("3 and 4 March 2021", "March 2021"),
        ("14th-16th June", "June"),
        # Nothing finer than a month: kept as written.
        ("November and December 2023", "November and December 2023"),
        ("October to December 2022", "October to December 2022"),
        ("autumn 2021 to spring 2022", "autumn 2021 to spring 2022"),
        ("May 14-16 2019", "May 2019"),
        ("Tuesday 13 and Wednesday 14 March 2019", "March 2019"),
        # A four-digit number that is no year (a time) is not left as written.
        ("March 2019 1430", None),
        # Numbers a NER took for a date ("Flat 3 41 Marlowe Crescent") are none.
        ("3 41", None),
        # ... nor a series number and a year: the year is all a date reading can say.
        ("7 2021", "2021"),
        ("10:30am", None),
        ("Section 47", None),
    ],
)
def test_month_year(text: str, expected: str | None) -> None:
    assert month_year(text) == expected


DOB = dt.date(2015, 3, 14)


@pytest.mark.parametrize(
    "text",
    ["14/03/2015", "14/3/15", "14.3.15", "2015-03-14", "14th March 2015", "March 14, 2015", "the 14th of March 2015"],
)
def test_same_date_in_any_format(text: str) -> None:
    assert same_date(text, DOB)


@pytest.mark.parametrize("text", ["14/03/2016", "15/03/2015", "03/14/2015x", "March 2015", "2015", "Section 47"])
def test_different_or_incomplete_dates(text: str) -> None:
    assert not same_date(text, DOB)


def test_birthday_without_year_only_when_asked() -> None:
    assert not same_date("14 March", DOB)
    assert same_date("14 March", DOB, allow_missing_year=True)
    assert not same_date("15 March", DOB, allow_missing_year=True)


def test_two_digit_year_matches_any_century() -> None:
    assert same_date("14/3/15", dt.date(1915, 3, 14))
    assert not same_date("14/3/2015", dt.date(1915, 3, 14))


@pytest.mark.parametrize(("text", "expected"), [
    ("3 May to 9 June 2022", "May to June 2022"),
    ("31 May to 2 June 2022", "May to June 2022"),
    ("Tuesday 3 May to Friday 9 June 2022", "May to June 2022"),
    ("31 December 2022 - 2 January 2023", "December 2022 - January 2023"),
    ("3 May and 9 May 2022", "May 2022"),  # one month: written once
    ("14/3/2023 to 20/3/2023", "March 2023"),
    ("2 to 3", None),  # no month on either side: no range of dates
])
def test_a_range_of_two_dates_is_coarsened_on_each_side(text: str, expected: str | None) -> None:
    assert month_year(text) == expected
