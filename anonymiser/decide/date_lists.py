"""A list of dates cut to their months reads as one list of months.

'1 October, from 14 to 16 October, 29 October and 19 November 2022', each date cut on its own, reads
'October, in October, October and November 2022'; as one list it reads 'in October and November
2022': each month once, in the draft's order, a year written after the last month of that year (a
month the draft wrote without its year takes the next one written), and 'in' at the head of the
list when any of its dates took one, never inside it. The first date's replacement says the whole
list; each later one takes in the comma or 'and' before it and says nothing. Only replacements side
by side with nothing but list punctuation between them are joined, and only month forms ('October',
'in October', 'November 2022'); 'one morning in March' or '[date]' ends a list.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement

_MONTH_FORM = re.compile(rf"(?P<lead>in\s+)?(?P<month>{vocabulary.alternation(vocabulary.MONTHS)})(?:\s+(?P<year>\d{{4}}))?",
                         re.I)
_JOINT = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or|&)[ \t]+)")


def _runs(text: str, reps: list[Replacement]) -> list[list[int]]:
    """Indexes of month-form date replacements written as one list, two or more long."""
    runs: list[list[int]] = []
    for i, r in enumerate(reps):
        if r.entity != E.DATE or not _MONTH_FORM.fullmatch(r.replacement):
            continue
        if runs and runs[-1][-1] == i - 1 and _JOINT.fullmatch(text, reps[i - 1].end, r.start):
            runs[-1].append(i)
        else:
            runs.append([i])
    return [run for run in runs if len(run) > 1]


def _months(items: list[tuple[str, str | None]]) -> str:
    """'October and November 2022', 'October 2021 and March 2022': each month once, its year after
    the last month of that year."""
    parts = []
    for k, (month, year) in enumerate(items):
        last_of_year = k + 1 == len(items) or items[k + 1][1] != year
        parts.append(f"{month} {year}" if year and last_of_year else month)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def date_lists(text: str, reps: list[Replacement]) -> list[Replacement]:
    """Each list of month forms as one list of months (see the module's docstring)."""
    changed: list[Replacement] = []
    for run in _runs(text, reps):
        forms = [_MONTH_FORM.fullmatch(reps[i].replacement) for i in run]
        written: list[tuple[str, str | None]] = [(m.group("month"), m.group("year")) for m in forms if m]
        year = None
        for k in range(len(written) - 1, -1, -1):  # a month without its year takes the next year written
            year = written[k][1] or year
            written[k] = (written[k][0], year)
        items = list(dict.fromkeys(written))
        leads = [m.group("lead") for m in forms if m and m.group("lead")]
        lead = (forms[0] and forms[0].group("lead")) or (leads[0].lower() if leads else "")
        new = lead + _months(items)
        before = reps[run[0]].replacement + "".join(text[reps[a].end:reps[b].start] + reps[b].replacement
                                                    for a, b in zip(run, run[1:]))
        if new == before:
            continue
        reps[run[0]].replacement = new
        for a, b in zip(run, run[1:]):
            r = reps[b]
            r.start, r.replacement = reps[a].end, ""
            r.original = text[r.start:r.end]
        changed += [reps[i] for i in run]
    return changed
