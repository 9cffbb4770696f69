"""Named days ('Christmas Eve', 'Good Friday') are exact dates: coarsened to their month, never left
as written, and never a person. All on invented text."""

from __future__ import annotations

import datetime as dt

import pytest

from anonymiser.api import anonymise
from anonymiser.detect.date_parsing import month_year
from anonymiser.detect.named_days import date_of


@pytest.mark.parametrize(
    ("written", "coarse"),
    [
        ("Christmas Eve 2020", "December 2020"),
        ("Boxing Day", "December"),
        ("New Year's Eve, 2019", "December 2019"),
        ("New Year’s Day 2022", "January 2022"),
        ("Good Friday 2021", "April 2021"),  # 2 April 2021
        ("Shrove Tuesday 2024", "February 2024"),  # 13 February 2024
        ("Easter Monday", "spring"),  # moveable, and no year to fix it
    ],
)
def test_a_named_day_coarsens_to_its_month(written: str, coarse: str) -> None:
    assert month_year(written) == coarse


def test_a_moveable_day_is_found_from_easter_of_its_year() -> None:
    assert date_of("Good Friday", 2019) == dt.date(2019, 4, 19)
    assert date_of("Mothering Sunday", 2023) == dt.date(2023, 3, 19)
    assert date_of("Good Friday", None) is None


def test_named_days_read_as_dates_in_their_sentences() -> None:
    out = anonymise("Kelvin Oduya stayed at the flat over Boxing Day. On New Year's Eve 2020 the police "
                    "were called, and the Bonfire Night visit was missed. The family spent Valentine's Day "
                    "apart.").text
    for day in ("Boxing", "Year's Eve", "Bonfire", "Valentine"):
        assert day not in out
    assert "On December 2020" not in out and "In December 2020 the police were called" in out
    assert "the November visit was missed" in out
    assert "spent a day in February apart" in out
    # a festival with its year names its days, which a chronology's hidden date would give back: the part
    # of the month they fall in, no finer than the draft's words
    assert "Late December 2023 was quiet." in anonymise("Christmas 2023 was quiet.").text
    assert "Over Christmas the family stayed in." in anonymise("Over Christmas the family stayed in.").text
