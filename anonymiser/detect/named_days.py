"""Days a name alone fixes ('Christmas Eve', 'Boxing Day', 'Good Friday'): models/vocabulary/named_days.txt."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil.easter import easter

from anonymiser.config import vocabulary

# Each named day, lower case with a plain apostrophe, with its month and day or its days from Easter.
_DAYS = {name.lower().replace("’", "'"): labels[0] for name, labels in vocabulary.labelled("named_days").items()}
NAMED_DAY = rf"(?i:{vocabulary.alternation(vocabulary.entries('named_days'))})(?![\w'’])"
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


def has_named_day(text: str) -> bool:
    return _NAMED_DAY_IN.search(text) is not None



def named_day_spans(text: str) -> list[tuple[int, int]]:
    """Where the named days stand in `text`, each with its possessive ('Valentine's Day', 'Boxing Day's')."""
    return [m.span() for m in re.finditer(rf"(?<![\w'’]){NAMED_DAY}(?:['’]s)?", text)]


def is_named_day(text: str) -> bool:
    """`text` is a named day alone, with its year or not ('Boxing Day', 'Christmas Eve 2020')."""
    return re.fullmatch(rf"\s*{NAMED_DAY}(?:,?\s+(?:19|20)\d\d)?\s*", text) is not None
