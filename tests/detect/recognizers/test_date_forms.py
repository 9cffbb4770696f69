"""Round trips for every UK and ISO written form of a date: found whole, coarsened to the right
month and year, and recognised as a register date of birth.

Each date is tried on a day of 12 or less as well as 14, so a day read as a month (or the other
way round) fails a test instead of passing unseen.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable

import pytest

from anonymiser import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.detect.date_parsing import month_year, parse_uk_date, same_date
from anonymiser.detect.recognizers.dates import COMPACT_SCORE, UkDateRecognizer
from tests.detect.recognizers._support import found

# 14 March cannot swap; 5 September and 12 May can, in either direction.
DATES = [dt.date(2023, 3, 14), dt.date(2023, 9, 5), dt.date(2023, 5, 12)]


def _ordinal(day: int) -> str:
    return f"{day}" + ("th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th"))


# (form, writer, has a year): every way a UK draft, or a system export pasted into it, writes a date.
FORMS: list[tuple[str, Callable[[dt.date], str], bool]] = [
    ("dd/mm/yyyy", lambda d: d.strftime("%d/%m/%Y"), True),
    ("dd.mm.yyyy", lambda d: d.strftime("%d.%m.%Y"), True),
    ("dd-mm-yyyy", lambda d: d.strftime("%d-%m-%Y"), True),
    ("d/m/yy", lambda d: f"{d.day}/{d.month}/{d:%y}", True),
    ("ordinal month year", lambda d: f"{_ordinal(d.day)} {d:%B %Y}", True),
    ("day abbreviated month year", lambda d: f"{d.day} {d:%b %Y}", True),
    # Month first, as US text pasted into a UK draft writes it: the month name makes it unambiguous.
    ("month ordinal year", lambda d: f"{d:%B} {_ordinal(d.day)} {d:%Y}", True),
    ("weekday day month year", lambda d: f"{d:%A} {d.day} {d:%B %Y}", True),
    ("ordinal of month", lambda d: f"{_ordinal(d.day)} of {d:%B}", False),
    # The ordinal typed apart from its number, as in published reviews.
    ("day, spaced ordinal, month, year", lambda d: f"{d.day} {_ordinal(d.day)[-2:]} {d:%B %Y}", True),
    ("ISO", lambda d: d.isoformat(), True),
    ("ISO with slashes", lambda d: d.strftime("%Y/%m/%d"), True),
    ("ISO with time", lambda d: f"{d.isoformat()}T09:30", True),
    ("ISO with a space and time", lambda d: f"{d.isoformat()} 09:30", True),
    ("compact ISO", lambda d: d.strftime("%Y%m%d"), True),
]
CASES = [pytest.param(form, date, has_year, id=f"{name}-{date.isoformat()}")
         for name, form, has_year in FORMS for date in DATES]


@pytest.fixture(scope="module")
def rec() -> UkDateRecognizer:
    return UkDateRecognizer()


@pytest.mark.parametrize("form, date, has_year", CASES)
def test_each_form_parses_to_its_own_day_and_month(form: Callable[[dt.date], str], date: dt.date,
                                                   has_year: bool) -> None:
    parsed = parse_uk_date(form(date))
    assert parsed is not None
    assert (parsed.day, parsed.month, parsed.year) == (date.day, date.month, date.year if has_year else None)


@pytest.mark.parametrize("form, date, has_year", CASES)
def test_each_form_coarsens_to_its_month_and_year(form: Callable[[dt.date], str], date: dt.date,
                                                  has_year: bool) -> None:
    month = calendar.month_name[date.month]
    assert month_year(form(date)) == (f"{month} {date.year}" if has_year else month)


@pytest.mark.parametrize("form, date, has_year", CASES)
def test_each_form_is_found_whole(rec: UkDateRecognizer, form: Callable[[dt.date], str], date: dt.date,
                                  has_year: bool) -> None:
    written = form(date)
    text = f"The strategy meeting was held on {written} at the police station."
    hits = [r for r in found(rec, text) if text[r.start:r.end] == written]
    assert hits, f"{written!r} not found whole in {[text[r.start:r.end] for r in found(rec, text)]}"


@pytest.mark.parametrize("form, date, has_year", [c for c in CASES if c.values[2]])
def test_each_form_matches_the_same_date(form: Callable[[dt.date], str], date: dt.date, has_year: bool) -> None:
    assert same_date(form(date), date)
    assert not same_date(form(date), date + dt.timedelta(days=1))


def test_a_spaced_ordinal_is_not_taken_from_a_word(rec: UkDateRecognizer) -> None:
    assert found(rec, "She saw 5 the March organisers and 3 St Mary's staff.") == []


def test_a_bare_eight_digit_run_scores_under_every_threshold(rec: UkDateRecognizer) -> None:
    # "20230314" is as often a case number as a date: only a context word ("DOB") lifts it.
    text = "The record 20230314 was closed."
    assert [r.score for r in found(rec, text)] == [COMPACT_SCORE]
    assert found(rec, "The record 20231314 was closed.") == []  # no 13th month
    assert found(rec, "The record 20230230 was closed.") == []  # no 30 February


def test_an_iso_date_keeps_its_month_in_a_document() -> None:
    # The defect: "2023-09-05" came out as "May 2023" (read day first).
    text = "The referral was received on 2023-09-05 and closed on 2023-05-12T14:10."
    out = anonymise(text).text
    assert "September 2023" in out and "May 2023" in out
    assert "2023-09-05" not in out and "14:10" not in out


DOB_REGISTER = Register(case=None, people=(
    Person("Amara Okafor", "subject child", "female", date_of_birth=dt.date(2015, 9, 5)),
))


@pytest.mark.parametrize("name, form, has_year", [f for f in FORMS if f[2]], ids=[f[0] for f in FORMS if f[2]])
def test_a_register_date_of_birth_is_found_in_each_form(name: str, form: Callable[[dt.date], str],
                                                        has_year: bool) -> None:
    written = form(dt.date(2015, 9, 5))
    text = f"Amara Okafor, {written}, was known to children's social care."
    result = anonymise(text, register=DOB_REGISTER)
    assert "[date of birth removed]" in result.text, result.text
    assert written not in result.text
    assert all(ch not in result.text for ch in ("2015", "09", "05"))


def test_a_birthday_without_its_year_loses_its_day() -> None:
    # "5th of September" alone is no full date of birth, but the day and month still identify:
    # after "birthday" it is removed, elsewhere it is coarsened to the month.
    out = anonymise("Her birthday, 5th of September, was spent at the contact centre.",
                    register=DOB_REGISTER).text
    assert "5th" not in out
