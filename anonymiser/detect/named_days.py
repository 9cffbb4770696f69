"""Days a name alone fixes ('Christmas Eve', 'Boxing Day', 'Good Friday'): models/vocabulary/named_days.txt."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.easter import easter

from anonymiser.config import vocabulary

# Each named day, lower case with a plain apostrophe, with its month and day or its days from Easter.
_DAYS = {name.lower().replace("’", "'"): labels[0] for name, labels in vocabulary.labelled("named_days").items()}
# A festival's name alone ('Christmas', 'Easter') is a season ('over Christmas'); with its year it is
# the day ('the police call at Christmas 2021'), as exact as the date a chronology hides.
_WITH_YEAR = vocabulary.having("named_days", "with-year")
_ALONE = tuple(d for d in vocabulary.entries("named_days") if d not in _WITH_YEAR)
NAMED_DAY = (rf"(?i:{vocabulary.alternation(_ALONE)}|(?:{vocabulary.alternation(_WITH_YEAR)})(?=[ \t]+(?:19|20)\d\d(?!\d)))"
             r"(?![\w'’])")
_NAMED_DAY_IN = re.compile(rf"(?<![\w'’]){NAMED_DAY}")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def date_of(name: str, year: int | None) -> dt.date | None:
    """The day a named day is in `year`; None for a moveable one without its year, or no named day."""
    rule = _DAYS.get(_key(name))
    if rule is None:
        return None
    if rule.startswith("easter"):
        return None if year is None else easter(year) + dt.timedelta(days=int(rule[len("easter"):]))
    month, day = (int(p) for p in rule.split("-"))
    return dt.date(year if year is not None else 2000, month, day)  # 2000: a leap year, any day is in it


def moveable(name: str) -> bool:
    """A day whose date changes with the year ('Good Friday')."""
    return _DAYS.get(_key(name), "").startswith("easter")


def written_as_date(text: str) -> str:
    """`text` with each named day written as the day it is ('Christmas Eve 2020' -> '24 December 2020',
    'Boxing Day' -> '26 December'); a moveable day is written so only with a year in `text`."""
    found = _YEAR.search(text)
    year = int(found.group(0)) if found else None

    def day(m: re.Match[str]) -> str:
        date = date_of(m.group(0), year)
        return m.group(0) if date is None else f"{date.day} {calendar.month_name[date.month]}"

    return _NAMED_DAY_IN.sub(day, text)


_FESTIVAL = re.compile(rf"\s*(?i:{vocabulary.alternation(_WITH_YEAR)})[ \t]+((?:19|20)\d\d)\s*") if _WITH_YEAR else None


def festival_time(text: str) -> str | None:
    """'Christmas 2021' -> 'late December 2021', 'Easter 2022' -> 'mid-April 2022': a festival with its
    year, as the part of its month it falls in, which is what the draft's words say; None for anything else."""
    m = _FESTIVAL.fullmatch(text) if _FESTIVAL else None
    if m is None:
        return None
    year = int(m.group(1))
    date = date_of(text[:m.start(1)].strip(), year)
    if date is None:
        return None
    part = "early" if date.day <= 10 else "mid-" if date.day <= 20 else "late"
    month = calendar.month_name[date.month]
    return f"{part}{'' if part.endswith('-') else ' '}{month} {year}"


def has_named_day(text: str) -> bool:
    return _NAMED_DAY_IN.search(text) is not None



def named_day_spans(text: str) -> list[tuple[int, int]]:
    """Where the named days stand in `text`, each with its possessive ('Valentine's Day', 'Boxing Day's')."""
    return [m.span() for m in re.finditer(rf"(?<![\w'’]){NAMED_DAY}(?:['’]s)?", text)]


def is_named_day(text: str) -> bool:
    """`text` is a named day alone, with its year or not ('Boxing Day', 'Christmas Eve 2020')."""
    return re.fullmatch(rf"\s*{NAMED_DAY}(?:,?\s+(?:19|20)\d\d)?\s*", text) is not None
