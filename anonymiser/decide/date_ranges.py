"""A range whose two ends are cut to the same month reads that month once: '03/05/2021 to 07/05/2021'
is 'May 2021', not 'May 2021 to May 2021'; 'from 3 May 2021 to 7 May 2021' is 'in May 2021'.

The first end's replacement says the month; the second takes in the joint before it ('to', '-',
'until', 'and' after 'between') and says nothing. Only two date replacements side by side, each a
month form, are joined."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement

_MONTH_FORM = re.compile(rf"(?P<lead>(?:in|from|between)\s+)?(?P<month>(?:{vocabulary.alternation(vocabulary.MONTHS)})(?:\s+\d{{4}})?)", re.I)
_RANGE_JOINT = re.compile(r"[ \t]*(?:to|until|till|and|[-–—])[ \t]*", re.I)
# What opens a range before its first end: it reads 'in' once both ends are one month.
_RANGE_OPENING = re.compile(r"(?<![\w'’-])(?:from|between)[ \t]+$", re.I)


def same_month_ranges(text: str, reps: list[Replacement]) -> list[Replacement]:
    """Each range of two ends cut to one month as that month once (see the module's docstring)."""
    changed: list[Replacement] = []
    for a, b in zip(reps, reps[1:]):
        if a.entity != E.DATE or b.entity != E.DATE or not a.replacement or not b.replacement:
            continue
        first, second = _MONTH_FORM.fullmatch(a.replacement), _MONTH_FORM.fullmatch(b.replacement)
        joint = _RANGE_JOINT.fullmatch(text, a.end, b.start)
        if not (first and second and joint) or first.group("month").lower() != second.group("month").lower():
            continue
        lead = (first.group("lead") or "").strip().lower()
        opening = None if lead == "in" else a.start if lead else _opening(text, a.start)
        if "and" in joint.group(0).lower() and opening is None:
            continue  # '3 May and 7 May' is a list of two days, which the list mend reads
        if opening is not None:  # 'from May 2021 to May 2021' -> 'in May 2021'
            a.start = opening
            a.original = text[a.start:a.end]
            a.replacement = ("In " if text[a.start].isupper() else "in ") + first.group("month")
        b.start, b.replacement = a.end, ""
        b.original = text[b.start:b.end]
        changed += [a, b]
    return changed


def _opening(text: str, start: int) -> int | None:
    """Where 'from' or 'between' opens the range just before its first end, if one does."""
    m = _RANGE_OPENING.search(text, max(0, start - 12), start)
    return m.start() if m else None
