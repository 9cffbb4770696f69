"""How a date cut to its month reads in its sentence: the words before the day change with it.

The date itself is coarsened by detect.date_parsing.month_year; this module fits the words that
introduce it to the coarser date, so the sentence keeps its grammar:

- 'on 14 March 2023' -> 'in March 2023' ('on or about 14 March' too): a month takes 'in';
- 'On the morning of 14 March 2023' -> 'One morning in March 2023', 'on the night of 13/14
  March' -> 'one night in March', 'During the evening of 5 June' -> 'During one evening in
  June': a part of one day (time_words.txt, label 'occasion') becomes one of the month's;
- 'between 3 and 5 May 2022', 'from 3 to 5 May 2022', 'on 3, 5 and 9 May 2022' -> 'in May
  2022': days of one month are that month, and a list of days goes with the last of them;
- 'in the early hours of 5 January' -> 'early one morning in January';
- 'w/c 7 March 2022', 'the week commencing 7 March' -> 'one week in March 2022': the week is one of the month's;
- a weekday ('on Tuesday 14 March') goes with its day;
- 'after 9 June' -> 'after a date in June', 'before 12 October' -> 'before a date in October': the
  month alone would move the bound to the month's end or start, a wrong fact.

The capital follows the draft's own at that place: 'On' at a sentence's start gives 'In', a
lower-case 'on' at a wrapped line's start stays 'in'. What no frame here fits is left to the
plain coarsened date."""

from __future__ import annotations

import re
from dataclasses import dataclass

from anonymiser.config import vocabulary
from anonymiser.detect.named_days import festival_time, is_named_day, named_day_spans

_OCCASIONS = vocabulary.alternation(vocabulary.OCCASIONS)
_CALENDAR_WORDS = vocabulary.alternation(vocabulary.MONTHS + vocabulary.MONTH_ABBREVIATIONS
                                         + vocabulary.WEEKDAYS + vocabulary.WEEKDAY_ABBREVIATIONS)
# Where the date proper begins inside a detected span ('on Tuesday 14 March' -> 'Tuesday').
_CORE = re.compile(rf"\d|\b(?:{_CALENDAR_WORDS})\b", re.I)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# The words before the date that its coarsening changes, matched up to where the date begins.
_LEAD = re.compile(
    r"(?:\b(?P<prep>(?P<on>on(?:\s+or\s+(?:about|around))?)|in|between|from|during|over|by|until|till|since"
    r"|before|after)\s+)?"
    rf"(?:(?P<the>the)\s+(?:(?P<part>{_OCCASIONS})|(?P<hours>(?:early|small)\s+hours))\s+of\s+)?"
    r"(?:(?P<week>(?:the\s+)?(?:w/[cb]|week\s+(?:commencing|beginning|starting)))\s+)?"  # 'w/c 7 March'
    r"(?:the\s+)?"
    # a number after a digit and a point is a decimal's or version's ('version 0.4, 14 October'), no day
    rf"(?P<days>(?:(?<!\d[.,])\b{_DAY}\s*,\s*)+(?:{_DAY}\s*(?:,\s*)?(?:and|&)\s+)?)?$",
    re.I,
)
# A range or list of days in one month at the date's start: '3 and 5 May', '3-5 May', '3 to 5 May'.
_DAY_RANGE = re.compile(rf"^{_DAY}\s*(?:-|–|to|and|&|,)\s*", re.I)
_LOOK_BACK = 60


@dataclass(frozen=True)
class Framed:
    """The replacement of text[start:end]: `new`, and where the identifying date begins (`core`)."""

    start: int
    core: int
    new: str
    plain: bool = False  # only 'on' became 'in', as it always has


def core_start(text: str, start: int, end: int) -> int:
    """Where the date itself begins in a detected span: after 'on', 'the morning of', 'between'."""
    m = _CORE.search(text, start, end)
    # a named day begins the date too: 'after Good Friday 2021' begins at 'Good', not its year
    found = [m.start()] if m else []
    found += [start + s for s, _ in named_day_spans(text[start:end])[:1]]
    return min(found) if found else start


def frame(text: str, start: int, end: int, month: str) -> Framed | None:
    """The words before a day-level date at text[start:end] fitted to its coarsened form `month`
    ('March 2023'), or None when nothing before it needs to change ('dated 14/03/2023')."""
    core = core_start(text, start, end)
    if is_named_day(text[core:end]):
        return _named_day(text, start, end, month)
    window = max(0, min(start, core) - _LOOK_BACK)
    m = _LEAD.search(text, window, core)
    if m is None or m.start() > start or m.start() == m.end():
        return None  # only what ends the words before the span may change, and the span's own lead
    prep, part, days = m.group("prep"), m.group("part"), m.group("days")
    in_one_month = bool(days or _DAY_RANGE.match(text[core:end])) and not re.search(r"\b(?:to|and)\b|[-–]", month)
    if part or m.group("week"):
        head = "" if prep is None or m.group("on") or prep.lower() == "in" else prep + " "
        new = f"{head}one {(part or 'week').lower()} in {month}"
    elif m.group("hours") and (prep is None or prep.lower() in ("in", "during")):
        new = f"early one morning in {month}"
    elif m.group("on") or (prep and prep.lower() in ("between", "from") and in_one_month):
        new = f"in {month}"
    elif days:
        new = (prep + " " if prep else "") + month
    elif prep and prep.lower() in ("before", "after") and not in_one_month:
        # 'after 9 June' is not 'after June' (July on): the day stays a day, only unnamed
        new = f"{prep} a date in {month}"
    else:
        # 'the 14th of March' with 'the' outside the span: 'the' goes with the day; the rest stays
        the = re.search(r"\bthe\s+$", text[max(window, start - 5):start], re.I)
        return Framed(start - len(the.group(0)), core, month) if the else None
    first = days and m.start("days")
    plain = bool(m.group("on")) and not (part or days or in_one_month or " or " in m.group("on"))
    return Framed(m.start(), first if first else core, cased(text[m.start():end], new), plain)


# Before a named day: a preposition that takes the month as it took the day ('on Christmas Eve'
# -> 'in December'), or a determiner, where the day names something ('the Christmas Eve incident').
_NAMED_DAY_TAKES_MONTH = re.compile(
    rf"(?:\b(?:on|in|during|over|{vocabulary.alternation(vocabulary.entries('determiners'))})|['’]s?)\s+$", re.I)


_AT = re.compile(r"\bat\s+$", re.I)


def _named_day(text: str, start: int, end: int, month: str) -> Framed | None:
    """'spent Boxing Day at home' -> 'spent a day in December at home': the month alone would say he
    spent the month; after 'on' or 'the' the plain coarsened date reads true ('in December'), and
    'at' goes with the day ('at Christmas 2021' -> 'in December 2021')."""
    if _NAMED_DAY_TAKES_MONTH.search(text, max(0, start - 20), start):
        return None
    at = _AT.search(text, max(0, start - 4), start)
    if at:
        return Framed(at.start(), start, cased(text[at.start():end], f"in {month}"))  # 'at Christmas 2021'
    if festival_time(text[core_start(text, start, end):end]) is not None:
        return None  # 'Christmas 2023 was quiet' -> 'Late December 2023 was quiet': a time of the month already
    opens = re.search(r"(?:^|[.!?:]\s)\s*$", text[max(0, start - 3):start]) is not None
    new = f"a day in {month}"
    return Framed(start, start, new[0].upper() + new[1:] if opens else new)


def cased(original: str, new: str) -> str:
    """'On 14 March' -> 'In March', 'on 14 March' -> 'in March', 'ON 14 MARCH' -> 'IN MARCH': the
    first letter as the draft wrote its own first word there."""
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):
        return new.upper()
    if original[:1].isalpha() and new[:1].isalpha() and not _CORE.match(new):  # 'March' keeps its capital
        return (new[0].upper() if original[0].isupper() else new[0].lower()) + new[1:]
    return new
