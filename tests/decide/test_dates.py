"""A date cut to its month keeps its sentence's grammar (decide.dates): the words before the day
change with it, and what is no finer than a month is kept as written."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.decide import dates


@pytest.mark.parametrize("draft, published", [
    # a part of one day becomes one of the month's
    ("On the morning of 14 March 2023 the nurse visited.", "One morning in March 2023 the nurse visited."),
    ("He was taken to hospital on the night of 13/14 March 2023 by ambulance.",
     "He was taken to hospital one night in March 2023 by ambulance."),
    ("4.9 The night of 13/14 March 2023.", "4.9 One night in March 2023."),
    ("During the evening of 5 June 2020 police attended.", "During one evening in June 2020 police attended."),
    ("By the afternoon of 2 April 2021 the boy was home.", "By one afternoon in April 2021 the boy was home."),
    ("The weekend of 3-4 June 2023 was hard for the family.", "One weekend in June 2023 was hard for the family."),
    ("The flat caught fire in the early hours of 5 January 2023.",
     "The flat caught fire early one morning in January 2023."),
    # days of one month are that month
    ("Visits took place between 3 and 5 May 2022 at the school.", "Visits took place in May 2022 at the school."),
    ("The boy stayed with his aunt from 3 to 9 May 2022.", "The boy stayed with his aunt in May 2022."),
    ("The visits were on 3, 5 and 9 May 2022.", "The visits were in May 2022."),
    ("Visits stopped 3-5 May 2022.", "Visits stopped in May 2022."),
    # a range over two months keeps both months
    ("The placement ran from 3 May to 9 June 2022.", "The placement ran from May to June 2022."),
    ("The placement ran between 3 May and 9 June 2022.", "The placement ran between May and June 2022."),
    # weekday forms, 'on or about', and 'the' before the day
    ("On Tuesday 14 March 2023 the nurse visited.", "In March 2023 the nurse visited."),
    ("Police attended on or about 14 March 2023.", "Police attended in March 2023."),
    ("The letter of the 14th of March 2023 was late.", "The letter of March 2023 was late."),
    # a bound stays a day: 'after June' would mean July on, 'before October' September at the latest
    ("The plan was not shared until after 17 October 2022.", "The plan was not shared until after a date in October 2022."),
    ("Before 4 May 2021 the mother had not engaged.", "Before a date in May 2021 the mother had not engaged."),
])
def test_replacing_a_day_keeps_the_sentence_grammar(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


@pytest.mark.parametrize("draft", [
    "The family moved in the summer of 2021.",
    "In the summer of 2021 the school raised concerns.",
    "She disclosed the abuse in late January.",
    "Late January 2023 was the first time she spoke of it.",
    "The family moved in spring 2022 and again in mid-March 2023.",
])
def test_a_span_no_finer_than_a_month_is_kept_as_written(draft: str) -> None:
    assert anonymise(draft).text == draft


@pytest.mark.parametrize("draft, published", [
    # a wrapped line's start is no sentence's start: the draft's lower-case 'on' stays lower case
    ("The girl returned to the ward\non 21/03/2023 and was discharged.",
     "The girl returned to the ward\nin March 2023 and was discharged."),
    ("She was seen at home. On 14 March 2023 she was seen again.",
     "She was seen at home. In March 2023 she was seen again."),
    ("ON 14 MARCH 2023 THE CHILD WAS SEEN AT HOME.", "IN MARCH 2023 THE CHILD WAS SEEN AT HOME."),
])
def test_in_or_on_takes_the_capital_of_the_word_it_replaces(draft: str, published: str) -> None:
    assert anonymise(draft).text == published


def test_a_day_that_cannot_be_coarsened_keeps_on() -> None:
    # no month to coarsen to: the day goes as a marker, and 'on' fits it
    assert anonymise("The nurse visited on Tuesday 14th with the GP.").text == "The nurse visited on [date] with the GP."


def test_the_audit_names_the_date_wording() -> None:
    result = anonymise("On the morning of 14 March 2023 the nurse visited.")
    (r,) = [r for r in result.decisions.replacements if r.entity == "DATE"]
    assert "date wording" in r.rule
    # what is scored as the identifier is the date itself, not the words before it
    assert result.decisions.replacements[0].core[0] == len("On the morning of ")


@pytest.mark.parametrize("text, month, expected", [
    ("seen on the night of 13/14 March 2023 by", "March 2023", "one night in March 2023"),
    ("seen between 3 and 5 May 2022 by", "May 2022", "in May 2022"),
    ("seen from 3 May to 9 June 2022 by", "May to June 2022", None),  # 'from' stays before a range of months
    ("in 2021, 14 March 2023 was", "March 2023", None),  # the year's digits are no list of days
    ("dated 14/03/2023 and", "March 2023", None),  # nothing before the day changes
])
def test_frame(text: str, month: str, expected: str | None) -> None:
    start = next(i for i, c in enumerate(text) if c.isdigit() and (i == 0 or not text[i - 1].isdigit())
                 and not text[i:i + 4].startswith("2021"))
    end = text.index(month[-4:]) + 4
    framed = dates.frame(text, start, end, month)
    assert (framed.new if framed else None) == expected


def test_a_day_that_stood_without_a_preposition_takes_in_as_a_month() -> None:
    from anonymiser.api import anonymise

    out = anonymise("Kai was interviewed 02/09/2022 by police. Seen 3 March 2021 and again 4 May 2021.\n"
                    "Date: 02/09/2022\nFrom 3 May 2021 to 4 June 2021; a letter dated 2 May 2021.").text
    assert out == ("Adult A was interviewed in September 2022 by police. Seen in March 2021 and again in May 2021.\n"
                   "Date: September 2022\nFrom May 2021 to June 2021; a letter dated May 2021.")


def test_a_school_or_financial_year_is_no_day_and_no_code() -> None:
    from anonymiser.api import anonymise

    out = anonymise("She was in Year 10 in 2020/21, under the 2019/2020 plan; seen 20/12/2021 and on "
                    "2020-12-03; crime number 5019284/23.").text
    # the two dates are one list of months: 'in' heads it once (decide.date_lists)
    assert out == ("She was in Year 10 in 2020/21, under the 2019/2020 plan; seen in December 2021 and "
                   "December 2020; crime number [reference removed].")


def test_a_version_number_before_a_date_is_no_day_of_its_list() -> None:
    assert anonymise("Draft for the panel, version 2.7, 9 March 2022").text == \
        "Draft for the panel, version 2.7, March 2022"
    assert anonymise("Seen on 2, 7 and 9 March 2022.").text == "Seen in March 2022."


def test_a_date_after_at_takes_no_second_preposition() -> None:
    assert anonymise("2.1 Ages are given as at 3 July 2031.").text == "2.1 Ages are given as at July 2031."


@pytest.mark.parametrize(("draft", "published"), [
    ("Visits were planned w/c 07/03/32 by the health visitor.", "Visits were planned one week in March 2032 by the health visitor."),
    ("The meeting took place in the week commencing 7 March 2032.", "The meeting took place one week in March 2032."),
])
def test_a_week_commencing_a_day_is_one_week_of_the_month(draft: str, published: str) -> None:
    assert anonymise(draft).text == published
