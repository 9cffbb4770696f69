"""When a month word that is also a name ('April', 'June') stands as the month: invented text."""

from __future__ import annotations

from anonymiser.detect.date_context import date_context


def _at(text: str, word: str) -> tuple[int, int]:
    s = text.index(word)
    return s, s + len(word)


def test_a_day_a_year_or_a_time_phrase_beside_it_makes_it_the_month() -> None:
    for text in ("The visit was on 3 April.", "It closed in April 2031.", "the week of April was busy",
                 "She moved at the end of April.", "since April the plan has lapsed",
                 "the morning of April was wet", "in the second fortnight of April"):
        assert date_context(text, *_at(text, "April"), month=True), text


def test_after_a_bare_of_it_is_the_person() -> None:
    for text in ("Kai was the son of April and lived with her.", "A friend of April's rang the police."):
        assert not date_context(text, *_at(text, "April"), month=True), text


def test_a_number_opening_the_next_line_is_no_day() -> None:
    text = "Meeting with April\n2 Background\nKai was seen at home."
    assert not date_context(text, *_at(text, "April"), month=True)
    assert date_context("Seen on April 2, 2031.", *_at("Seen on April 2, 2031.", "April"), month=True)


def test_a_number_ending_the_line_before_is_no_day() -> None:
    text = "4.2\nApril said the flat was cold."
    assert not date_context(text, *_at(text, "April"), month=True)
    assert date_context("on the 4th of April", *_at("on the 4th of April", "April"), month=True)
