"""Tell dates of birth from other dates: the register's, and any date written after 'DOB' or 'born'."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.core.register import Register
from anonymiser.detect.date_parsing import parse_uk_date, same_date

# Up to two words may stand between the cue and the date on its line ('DOB: approx. 12/3/15'); across
# a line break only the date itself may follow, as a table's next cell ('DOB' then 'Address in 2023'
# is a header row, not a birth year).
# The words that name a date of birth: 'DOB', 'D.O.B.', 'date of birth'.
DOB_WORDS = r"\bD\.?\s?O\.?\s?B\.?|\bdate\s+of\s+birth"
_CONTEXT = re.compile(rf"({DOB_WORDS}|\bborn(\s+on)?|\bbirthday)"
                      r"(?:[^\w\n]{0,6}(\w+[^\w\n]+){0,2}|\W{0,6})$", re.I)

# The second of two births in one sentence, its verb left out: 'Kai was born in 2008 and Mia in 2013'.
_SECOND_BIRTH = re.compile(r"\bborn\s+(?:in|on)\s+[^.;:\n]{1,30}?\s+and\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
                           r"\s+(?:in|on)\s+$")

_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%-d/%-m/%Y", "%-d/%-m/%y", "%d.%m.%Y", "%d.%m.%y", "%-d.%-m.%y",
            "%-d.%-m.%Y", "%d-%m-%Y", "%d-%m-%y", "%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d %B %Y", "%-d %B %Y", "%d %b %Y", "%-d %b %Y",
            "%B %-d, %Y", "%B %-d %Y")


def written_forms(date: dt.date) -> set[str]:
    """A date of birth as drafts write it: '14/03/2015', '14.3.15', '14 March 2015', '14th March 2015'…"""
    forms = {date.strftime(f) for f in _FORMATS}
    day = date.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    forms |= {f"{day}{suffix} {date:%B %Y}", f"{day}{suffix} {date:%b %Y}", f"the {day}{suffix} of {date:%B %Y}",
              f"{date:%B} {day}{suffix}, {date:%Y}", f"{date:%B} {day}{suffix} {date:%Y}"}
    return forms


def find_register_births(text: str, register: Register) -> list[Detection]:
    """Every written form of a register date of birth, whatever the date detector made of it."""
    out = []
    for person in register.people:
        if not person.date_of_birth:
            continue
        for form in written_forms(person.date_of_birth):
            pattern = r"(?<![\w/.-])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w/]|\.\d)"
            for m in re.finditer(pattern, text, re.I):
                out.append(Detection(m.start(), m.end(), E.DATE_OF_BIRTH, 1.0, ("CaseRegister",),
                                     meta=DetectionMeta(register_dob=person.key)))
    return out


def mark_dates_of_birth(text: str, detections: list[Detection], register: Register) -> list[Detection]:
    """Re-label DATE detections that are dates of birth."""
    births = [p.date_of_birth for p in register.people if p.date_of_birth]
    out = []
    for d in detections:
        if d.entity == E.DATE:
            span = text[d.start:d.end]
            before = text[max(0, d.start - 40):d.start]
            second = _SECOND_BIRTH.search(text, max(0, d.start - 80), d.start) is not None
            # After 'born' only a point in the calendar is a birth date: 'born at 36 weeks' is a gestation.
            if any(same_date(span, b) for b in births) or ((_CONTEXT.search(before) or second) and parse_uk_date(span) is not None):
                d = replace(d, entity=E.DATE_OF_BIRTH)
        out.append(d)
    return out
