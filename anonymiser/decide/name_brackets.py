"""'Mr and Mrs Hewson (Derek and Sandra)': a bracket that only gives the names of the people just
named would read 'Foster Carer 1 and Foster Carer 2 (Foster Carer 1 and Foster Carer 2)'; it goes
with the names before it, as one mention."""

from __future__ import annotations

import re

from anonymiser.core import entities as E
from anonymiser.core.results import Replacement

_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)", re.I)  # ', ', ' and ', ' & ' between names
_OPENING = re.compile(r"[ \t]*\([ \t]*")
_CLOSING = re.compile(r"[ \t]*\)")


def _surname(written: str) -> str:
    """The last word of a mention as written, without a possessive: 'Mrs Hewson's' -> 'hewson'."""
    words = written.split()
    return re.sub(r"['’]s?$", "", words[-1]).lower() if words else ""


def _bracket(text: str, reps: list[Replacement], i: int) -> tuple[int, int] | None:
    """Where the bracket right after reps[i] ends and how many replacements it holds, when it holds
    only people's names joined by commas or 'and'."""
    opening = _OPENING.match(text, reps[i].end)
    if opening is None:
        return None
    pos, k = opening.end(), i + 1
    while k < len(reps) and reps[k].entity == E.PERSON and reps[k].person and reps[k].replacement:
        gap = text[pos:reps[k].start]
        if gap if k == i + 1 else not _JOIN.fullmatch(gap):
            break
        pos, k = reps[k].end, k + 1
    close = _CLOSING.match(text, pos) if k > i + 1 else None
    return (close.end(), k - i - 1) if close else None


def collapse_name_brackets(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """A bracket of names right after the people it names ('Mr and Mrs Hewson (Derek and Sandra)',
    'Beata Nowak (Beti)') goes with the last of them: each name in it is of someone named just
    before it, or of a register person with the surname written there. `says` is the step's note."""
    reps = sorted(replacements, key=lambda r: (r.start, -r.end))
    out: list[Replacement] = []
    i = 0
    while i < len(reps):
        r = reps[i]
        found = _bracket(text, reps, i) if r.entity == E.PERSON and r.person and r.replacement else None
        if found is not None:
            before = [r]  # the people named just before the bracket, joined by 'and' or commas
            while len(before) <= len(out) and out[-len(before)].entity == E.PERSON and out[-len(before)].person \
                    and _JOIN.fullmatch(text, out[-len(before)].end, before[0].start):
                before.insert(0, out[-len(before)])
            end, n = found
            inside = reps[i + 1:i + 1 + n]
            named = {b.person for b in before}
            surname = _surname(r.original)
            if all(a.person in named or (a.person or "").startswith("register:") and (a.person or "").split()[-1] == surname
                   for a in inside):
                trail, _, rest = r.rule.partition(": ")
                r.end, r.original = end, text[r.start:end]
                r.core = (r.core[0], max(r.core[1], *(a.core[1] for a in inside)))
                r.rule = f"{trail} > {says}: a bracket that only names the people before it: one mention ({rest})"
                out.append(r)
                i += 1 + n
                continue
        out.append(r)
        i += 1
    return out
