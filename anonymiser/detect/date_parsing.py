"""Pure helpers for dates as UK drafts write them: parse, coarsen to month and year, compare."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateutil import parser as dateutil_parser

from anonymiser.config import vocabulary
from anonymiser.detect import named_days

# Two defaults that differ in every field: a field that comes back different between the two
# parses was missing from the text. Both years are leap years and both months have 31 days,
# so "29 February" and "the 31st" parse under either.
_DEFAULTS = (dt.datetime(1904, 1, 1), dt.datetime(1908, 3, 2))

_ORDINAL = re.compile(r"(?<=\d) ?(?:st|nd|rd|th)\b", re.I)
_LEADING_WORDS = re.compile(r"^(?:(?:on|the|of)\s+)+", re.I)
_SEASON = re.compile(
    rf"^(?:(?:early|mid|late)[\s-]+)?({vocabulary.alternation(vocabulary.SEASONS)})"
    r"(?:\s+(?:half[\s-]?)?(?:term|holidays?))?(?:\s+of)?\s+(\d{4})$",
    re.I,
)
# "Mar-19", "March '19": a month and a two-digit year, as spreadsheets and case notes write it.
_MONTH_SHORT_YEAR = re.compile(r"^([A-Za-z]{3,9})\.?\s*[-'’]\s*(\d{2})$")
_FOUR_DIGITS = re.compile(r"\d{4}")
# ISO 8601 as systems export it: "2023-09-05", "2023/09/05", "2023-09-05T09:30", "20230905". A
# year written first is never followed by the day in UK or US writing, so these are read year,
# month, day; every other numeric date is read day first.
_ISO = re.compile(
    r"^(?:19|20)\d\d(?:([-/.])[01]?\d\1[0-3]?\d|[01]\d[0-3]\d)"
    r"(?:(?:T|\s+)[0-2]?\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)?)?$",
    re.I,
)
# A month or season name, a four-digit year or a numeric date: "3 41" is no date, whatever
# dateutil makes of it.
_DATE_SHAPED = re.compile(r"[A-Za-z]{3}|\d{4}|\d\s*[/.\-]\s*\d")
# Where a month can be read from: its name, or numbers joined by a date's separators ("14/3/19").
# A bare number beside a year ("4 2019", a review's series number) is no month.
_MONTH_WRITTEN = re.compile(r"[A-Za-z]{3}|\d\s*[/.\-]\s*\d")
_DAY_RANGE = re.compile(
    r"^(?:\w+day,?\s+)?\d{1,2}\s*(?:-|–|/|to|and|&)\s*(?:\w+day,?\s+)?(\d{1,2})(?=\s+[A-Za-z])", re.I)
# "May 14-16 2019", "March 3 and 4, 2021": the same range written month first.
_MONTH_DAY_RANGE = re.compile(r"^([A-Za-z]+\.?)\s+\d{1,2}\s*(?:-|–|to|and|&)\s*(\d{1,2})\b", re.I)
# "late January", "mid-March", "the end of May 2021", "between March 2023": words a NER takes
# into a date's span, kept as written before the coarsened date.
_QUALIFIER = re.compile(
    r"^(?:(?:between|from|since|until|till|by|before|after|during|around|about|approximately|circa)\s+)?"
    r"(?:the\s+)?(?:early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)(?:\s+the)?(?:\s+|-)"
    r"|^(?:between|from|since|until|till|by|before|after|during|around|about|approximately|circa)\s+",
    re.I,
)


@dataclass(frozen=True)
class PartialDate:
    """A date with any of its parts missing: "March 2019" has no day, "14 March" no year."""

    year: int | None = None
    month: int | None = None
    day: int | None = None


# A review writes the same dates again and again, and dateutil is slow to parse them.
@lru_cache(maxsize=4096)
def parse_uk_date(text: str) -> PartialDate | None:
    """Read a UK-written date ("14/3/19", "the 14th of March 2019", "Tuesday 14 March"), or None."""
    cleaned = _clean(text)
    if not cleaned or not _DATE_SHAPED.search(cleaned):
        return None
    season = _SEASON.match(cleaned)
    if season:
        return PartialDate(year=int(season.group(2)))
    short = _MONTH_SHORT_YEAR.match(cleaned)
    if short:
        # Reordered so dateutil reads "19" as the year, not the day.
        cleaned = f"1 {short.group(1)} {short.group(2)}"
        parsed = _parse_both(cleaned)
        if parsed is None or not _is_month_name(short.group(1)):
            return None
        return PartialDate(year=parsed[0].year, month=parsed[0].month)
    parsed = _parse_both(cleaned)
    if parsed is None:
        return None
    first, second = parsed
    year = first.year if first.year == second.year else None
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day else None
    if month is not None and not (_MONTH_WRITTEN.search(cleaned) or _ISO.match(cleaned)):
        month = day = None
    # A bare day number ("14") or a time ("10:30am") is not a date anyone can generalise.
    if year is None and month is None:
        return None
    return PartialDate(year=year, month=month, day=day)


def month_year(text: str) -> str | None:
    """Coarsen a date: "14/03/2019" -> "March 2019", "14 March" -> "March", "2019" -> "2019"."""
    written = " ".join(text.split()).strip(" ,.;:()[]")
    qualifier = _QUALIFIER.match(written)
    if qualifier:
        # "late January 2023" is no finer than its month: the qualifier stays with the coarsened rest.
        rest = month_year(written[qualifier.end():])
        return None if rest is None else qualifier.group(0) + rest
    festival = named_days.festival_time(written)
    if festival is not None:
        return festival  # 'Christmas 2021' -> 'late December 2021': the day it names, no finer than its words
    cleaned = _clean(text)
    if named_days.has_named_day(cleaned):
        return "spring"  # 'Good Friday' with no year: Easter falls in March or April, always in spring
    season = _SEASON.match(cleaned) if cleaned else None
    if season:
        # Already no finer than a month and year: kept as written ('the summer of 2019').
        return written
    date = parse_uk_date(text)
    if date is None:
        # "November and December 2023", "autumn 2021 to spring 2022": no day in it to coarsen.
        return written if _no_finer_than_a_month(written) else _two_dates(written)
    if date.month is None:
        return str(date.year)
    name = calendar.month_name[date.month]
    return f"{name} {date.year}" if date.year is not None else name


# "3 May to 9 June 2022", "31 December 2022 - 2 January 2023": two dates, each with its month.
_TWO_DATES = re.compile(r"^(.+?\S)(\s+(?:to|and|until|till)\s+|\s*[-–]\s*)(.+)$", re.I)


def _two_dates(written: str) -> str | None:
    """A range between two dates of different months, each coarsened: "3 May to 9 June 2022" ->
    "May to June 2022"; the same month twice is written once. None when it is no such range."""
    m = _TWO_DATES.match(written)
    if m is None:
        return None
    first, second = parse_uk_date(m.group(1)), parse_uk_date(m.group(3))
    if first is None or second is None or first.month is None or second.month is None:
        return None
    left, right = month_year(m.group(1)), month_year(m.group(3))
    if left is None or right is None:
        return None
    if first.year is None and second.year is not None:
        # "3 May to 9 June 2022": the year written once, at the end, is both dates'.
        if first.month == second.month:
            return right
    elif left == right:
        return right
    return left + m.group(2) + right


_COARSE_WORDS = frozenset(
    ["and", "or", "to", "until", "till", "through", "between", "from", "of", "the", "early", "mid", "late",
     "end", "beginning", "start", "middle"])


_MONTHS_AND_SEASONS = vocabulary.lower(
    vocabulary.MONTHS + vocabulary.MONTH_SHORT_FORMS + vocabulary.SEASONS)


def _no_finer_than_a_month(text: str) -> bool:
    """Only months, seasons, years and the words joining them, with at least one month or season."""
    tokens = re.findall(r"[A-Za-z]+|\d+", text)
    return (any(t.lower() in _MONTHS_AND_SEASONS for t in tokens)
            and all(t.lower() in _MONTHS_AND_SEASONS or t.lower() in _COARSE_WORDS or re.fullmatch(r"(?:19|20)\d\d", t) for t in tokens))


def same_date(text: str, date: dt.date, *, allow_missing_year: bool = False) -> bool:
    """Whether `text` writes `date` (a register date of birth, say) in any format.

    A two-digit year matches its last two digits. With `allow_missing_year`, "14 March" matches
    any 14 March, for callers that treat a birthday without its year as identifying.
    """
    parsed = parse_uk_date(text)
    if parsed is None or parsed.day != date.day or parsed.month != date.month:
        return False
    if parsed.year is None:
        return allow_missing_year
    if not _FOUR_DIGITS.search(text):
        # dateutil picked a century for "14/3/19"; the draft's writer may have meant another.
        return parsed.year % 100 == date.year % 100
    return parsed.year == date.year


def _clean(text: str) -> str:
    cleaned = named_days.written_as_date(" ".join(text.split()).strip(" ,.;:()[]"))
    cleaned = _LEADING_WORDS.sub("", cleaned)
    cleaned = _ORDINAL.sub("", cleaned)
    # "14-16 March 2019", "13/14 March": dateutil would read the first day as a year; the range
    # ends on its last day, which is what is kept.
    cleaned = _DAY_RANGE.sub(r"\1", cleaned)
    return _MONTH_DAY_RANGE.sub(r"\1 \2", cleaned)


def _parse_both(text: str) -> tuple[dt.datetime, dt.datetime] | None:
    iso = bool(_ISO.match(text))
    try:
        return (
            dateutil_parser.parse(text, dayfirst=not iso, yearfirst=iso, default=_DEFAULTS[0]),
            dateutil_parser.parse(text, dayfirst=not iso, yearfirst=iso, default=_DEFAULTS[1]),
        )
    except (ValueError, OverflowError):
        return None


def _is_month_name(word: str) -> bool:
    """'Mar', 'Sept', 'March': the start of a month's name, three letters or more."""
    word = word.lower()
    return len(word) >= 3 and any(name.lower().startswith(word) for name in vocabulary.MONTHS)
