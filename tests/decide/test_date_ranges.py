"""Dates cut to their months read in their sentence: a range opens with no 'in', a range of one month
says it once, and a month is not called 'the date on which'."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


@pytest.mark.parametrize(("text", "out"), [
    ("The scope of this review is 4 February 2019 to 28 August 2020.",
     "The scope of this review is February 2019 to August 2020."),
    ("The review covers 4 February 2019 until 28 August 2020.", "The review covers February 2019 until August 2020."),
    ("It ran 4/2/2019 - 28/8/2020 in all.", "It ran February 2019 - August 2020 in all."),
    ("She was interviewed 04/02/2019 by the police.", "She was interviewed in February 2019 by the police."),
])
def test_a_range_opens_with_no_in(text: str, out: str) -> None:
    assert anonymise(text).text == out


@pytest.mark.parametrize(("text", "out"), [
    ("11/10/2022 to 14/10/2022 | the boy was unwell", "October 2022 | the boy was unwell"),
    ("He stayed with his aunt from 11 October 2022 to 14 October 2022.", "He stayed with his aunt in October 2022."),
    ("He stayed there between 11 October 2022 and 14 October 2022.", "He stayed there in October 2022."),
    ("He stayed there from 11 October 2022 to 2 November 2022.", "He stayed there from October 2022 to November 2022."),
])
def test_a_range_of_one_month_says_it_once(text: str, out: str) -> None:
    assert anonymise(text).text == out


@pytest.mark.parametrize(("text", "out"), [
    ("The period ends on 9 March 2023, the date on which the boy moved.", "The period ends in March 2023, when the boy moved."),
    ("She left on 9 March 2023, the day that the boy moved.", "She left in March 2023, when the boy moved."),
    ("She left in 2023, the year in which the boy moved.", "She left in 2023, the year in which the boy moved."),
])
def test_a_month_is_not_called_the_date_on_which(text: str, out: str) -> None:
    assert anonymise(text).text == out
