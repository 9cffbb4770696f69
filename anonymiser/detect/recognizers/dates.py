"""Dates as UK drafts write them, from "14/3/19" to "Tuesday the 14th of March 2019"."""

from __future__ import annotations

import datetime as dt

import regex as re

from anonymiser.config import vocabulary
from anonymiser.core.entities import DATE
from anonymiser.detect.named_days import NAMED_DAY
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

# Full names and abbreviations, in Title Case or capitals: "may" and "march" are words.
_MONTH_NAMES = vocabulary.MONTHS
_ABBREVIATIONS = vocabulary.MONTH_ABBREVIATIONS
_MONTH = (
    rf"(?:{vocabulary.alternation(_MONTH_NAMES + tuple(m.upper() for m in _MONTH_NAMES))}"
    rf"|(?:{vocabulary.alternation(_ABBREVIATIONS + tuple(a.upper() for a in _ABBREVIATIONS))})\.?)(?![\w'’])"
)
# Beside a day number the month may be in lower case ("14 march 2019"), except that "the 14
# may ..." and "all 14 march ..." are verbs unless a year follows.
_MONTH_BEFORE_YEAR = rf"(?:(?i:{vocabulary.alternation(_MONTH_NAMES)})|{_MONTH})(?![\w'’])"
_MONTH_NEAR_DAY = (
    rf"(?:(?i:{vocabulary.alternation(m for m in _MONTH_NAMES if m not in vocabulary.MONTHS_ALSO_VERBS)})"
    rf"|{_MONTH})(?![\w'’])"
)
# A month alone ("in January") needs a word that makes it a time; May, March, April, June
# and August are left out because they are also verbs, adjectives and first names.
_MONTH_ALONE = (
    rf"(?:{vocabulary.alternation(m for m in _MONTH_NAMES if m not in vocabulary.MONTHS_ALSO_WORDS)})(?![\w'’])"
)
_WEEKDAY = (
    rf"(?:(?:{vocabulary.alternation(vocabulary.WEEKDAYS)})"
    rf"|(?:{vocabulary.alternation(vocabulary.WEEKDAY_ABBREVIATIONS)})\.?)"
)
# The ordinal may stand apart from its number, as typed in published reviews: "11 th December".
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:[ ]?(?:st|nd|rd|th)(?![A-Za-z]))?"
YEAR = r"(?:19|20)\d\d"  # a year a review writes
_ANY_YEAR = rf"(?:{YEAR}|['’]\d\d)"
_NO_DIGIT_BEFORE = r"(?<![\d/.£$-])"
_NO_DIGIT_AFTER = r"(?![\d/]|[.-]\d)"
_WEEKDAY_LEAD = rf"(?:{_WEEKDAY},?\s+(?:the\s+)?)?"
# A pattern that may open with an optional weekday is otherwise tried in full at every
# position of the text; this look-ahead on its first character makes it ten times faster.
_WEEKDAY_INITIALS = "".join(sorted({w[0] for w in vocabulary.WEEKDAYS + vocabulary.WEEKDAY_ABBREVIATIONS}))
_MONTH_INITIALS = "".join(sorted({m[0] for m in _MONTH_NAMES + _ABBREVIATIONS}))
_WEEKDAY_OR_DIGIT = rf"(?=[\d{_WEEKDAY_INITIALS}])"
_WEEKDAY_OR_MONTH = rf"(?=[{''.join(sorted(set(_WEEKDAY_INITIALS + _MONTH_INITIALS)))}])"


# Numbered paragraphs and versions ("paragraph 3.2.12") have the shape of dotted dates.
_NOT_A_SECTION = r"(?<!\b(?i:paragraph|para\.?|section|clause|figure|table|version|v\.?|no\.?)\s*)"


def _day_month(month: str) -> str:
    """A day then a month, or a range of days then a month: "14th of March", "14-16 March"."""
    single = rf"{_WEEKDAY_LEAD}{_NO_DIGIT_BEFORE}{_DAY}(?:\s+of)?[\s-]+{month}"
    # "13/14 March" is a night that spans two days; the slash joins only two day numbers.
    # 'version 3 - 27 January': a numbered thing before a date, no first day of a range
    days = rf"{_NOT_A_SECTION}{_NO_DIGIT_BEFORE}{_DAY}\s*(?:-|–|/|to|and|&)\s*{_DAY}(?:\s+of)?\s+{month}"
    return rf"{_WEEKDAY_OR_DIGIT}(?:{single}|{days})"


_MONTH_DAY = rf"{_WEEKDAY_OR_MONTH}{_WEEKDAY_LEAD}{_MONTH}\s+(?:the\s+)?{_DAY}(?!\d)"

YEAR_ONLY_SCORE = 0.3
TIME_SCORE = 0.3
COMPACT_SCORE = 0.3
# "T09:30", " 09:30:15Z", "T09:30+01:00": the time part of an ISO 8601 date.
_ISO_TIME = r"(?:T|[ \t])(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?![\d:])"


class UkDateRecognizer(UkPatternRecognizer):
    """Every UK written date form; a year alone or a time scores low so profiles can threshold."""

    ENTITY = DATE
    PATTERNS = [
        UkPattern(
            "Day month year",
            rf"{_day_month(_MONTH_BEFORE_YEAR)},?[\s-]+{_ANY_YEAR}{_NO_DIGIT_AFTER}",
            0.9,
        ),
        UkPattern("Month day, year", rf"{_MONTH_DAY},?\s+{YEAR}{_NO_DIGIT_AFTER}", 0.9),
        UkPattern(
            "Numeric date, four-digit year",
            rf"{_WEEKDAY_OR_DIGIT}{_WEEKDAY_LEAD}{_NO_DIGIT_BEFORE}\d{{1,2}}([/.-])\d{{1,2}}\1{YEAR}{_NO_DIGIT_AFTER}",
            0.85,
        ),
        UkPattern(
            "Numeric date, two-digit year",
            rf"{_WEEKDAY_OR_DIGIT}{_WEEKDAY_LEAD}{_NO_DIGIT_BEFORE}\d{{1,2}}/\d{{1,2}}/\d{{2}}{_NO_DIGIT_AFTER}",
            0.75,
        ),
        # Hyphens and dots with a two-digit year are also section and version numbers.
        UkPattern(
            "Numeric date, two-digit year, dots or hyphens",
            rf"{_NOT_A_SECTION}{_NO_DIGIT_BEFORE}\d{{1,2}}([.-])\d{{1,2}}\1\d{{2}}{_NO_DIGIT_AFTER}",
            0.55,
        ),
        # With its time, as systems export it ("2023-03-14T09:30"): the time goes with the date.
        UkPattern(
            "ISO date",
            rf"{_NO_DIGIT_BEFORE}{YEAR}([/-])[01]?\d\1[0-3]?\d(?:{_ISO_TIME})?{_NO_DIGIT_AFTER}",
            0.85,
        ),
        # "20230314" is as often a case or crime number as a date: below every profile's
        # threshold unless a context word ("DOB", "dated") stands beside it.
        UkPattern(
            "Compact ISO date",
            rf"(?<![\w/.£$-]){YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\w/]|[.-]\d)",
            COMPACT_SCORE,
        ),
        # 'Christmas Eve', 'Boxing Day 2020': a name that fixes one day is an exact date.
        UkPattern("Named day", rf"(?<![\w'’]){NAMED_DAY}(?:,?\s+{YEAR}{_NO_DIGIT_AFTER})?", 0.85),
        UkPattern("Day month", _day_month(_MONTH_NEAR_DAY), 0.7),
        UkPattern("Month day", _MONTH_DAY, 0.6),
        UkPattern("Month year", rf"{_MONTH},?\s+(?:of\s+)?{YEAR}{_NO_DIGIT_AFTER}", 0.7),
        UkPattern("Month year, short", rf"{_MONTH}[-'’]\s?\d\d(?![\d/])", 0.6),
        UkPattern(
            "Season year",
            rf"(?:(?i:early|mid|late)[\s-]+)?(?i:{vocabulary.alternation(vocabulary.SEASONS)})"
            rf"(?:\s+(?i:(?:half[\s-]?)?term|holidays?))?\s+(?:of\s+)?{YEAR}{_NO_DIGIT_AFTER}",
            0.6,
        ),
        UkPattern(
            "Month alone",
            rf"(?<=\b(?i:in|during|by|since|until|till|early|mid|late|last|next|this|that"
            rf"|following|previous|of)\s+(?:(?i:early|mid|late)[\s-]+)?){_MONTH_ALONE}",
            0.4,
        ),
        UkPattern(
            "Academic or financial year",
            rf"{_NO_DIGIT_BEFORE}{YEAR}[/-]\d\d(?:\d\d)?{_NO_DIGIT_AFTER}",
            0.5,
        ),
        UkPattern(
            "Year alone",
            rf"(?<![\w/.£$-]){YEAR}(?![\w/]|[.-]\d)",
            YEAR_ONLY_SCORE,
        ),
        UkPattern(
            "Time",
            r"(?<![\w.:])(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s?(?i:[ap]\.?m\.?|hrs|hours)"
            r"|(?:[01]?\d|2[0-3]):[0-5]\d|(?:1[0-2]|0?[1-9])\s?(?i:[ap]\.?m\.?)"
            r"|(?:[01]\d|2[0-3])[0-5]\d\s?(?i:hrs|hours))(?![\w:])",
            TIME_SCORE,
        ),
    ]
    # Only words that make a number a date: a common word like "on" would lift every
    # year-alone match over the thresholds its low score is meant to keep it under.
    CONTEXT = ["date", "dated", "born", "dob", "birthday"]

    # Case matters: "March" is a month beside a day or year, "march" is a verb.
    FLAGS = re.DOTALL | re.MULTILINE

    def invalidate_result(self, pattern_text: str) -> bool:
        return _impossible_numeric_date(pattern_text)


_TIME_PART = re.compile(rf"{_ISO_TIME}$")
_NUMERIC = re.compile(r"^(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")
# Compiled once: this check runs on every date match, and a pattern given as a string is looked up
# in the regex module's cache each time.
_EIGHT_DIGITS = re.compile(r"\d{8}")


def _impossible_numeric_date(text: str) -> bool:
    """True for "31/02/2019" or "14.13.19": numeric shapes that are no date in either order."""
    text = _TIME_PART.sub("", text.strip())
    if _EIGHT_DIGITS.fullmatch(text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    match = _NUMERIC.match(text)
    if not match or match.group(3) is None:
        return False
    a, b, c = (int(g) for g in match.groups())
    if len(match.group(1)) == 4:
        candidates = [(a, b, c)]
    else:
        year = c if len(match.group(3)) == 4 else 2000 + c
        # Day first as UK drafts write it, month first for US-style text pasted in.
        candidates = [(year, b, a), (year, a, b)]
    for year, month, day in candidates:
        try:
            dt.date(year, month, day)
            return False
        except ValueError:
            continue
    return True
