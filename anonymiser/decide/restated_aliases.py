"""A person's other name where its sentence has given their label already, and a bracket that only
repeats what stands before it.

Replaced by the label, another name of someone already named reads as a tautology: 'Kai is called
"Kiki" by his aunt and appears in some records as Kai Rowe' -> '... in some records as Kai';
'Mr Penn, "Pip" to his friends,' -> 'Father, "Father" to his friends,'; 'formerly Jo Penn (Jojo Penn
in older records)' -> '(Father in older records)'; 'Ward 6 (Elm Ward)' -> 'the ward (the ward)'.
Each reads as its kind of wording instead: 'as a variant of the name', 'known by another name',
'(another name in older records)', or the bracket goes with the mention before it.
"""

from __future__ import annotations

import re

from anonymiser.core import entities as E
from anonymiser.core.results import Replacement

_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
_OPEN, _SHUT = "\"'‘“", "\"'’”"
_APPOSED_QUOTE = re.compile(rf",[ \t]*[{_OPEN}]")
# What follows a bracketed other name that says where it is used ('in older records', 'among friends').
_BRACKET_OPEN = re.compile(r"[ \t]*\([ \t]*$")
_WHERE_USED = re.compile(r"[ \t]+(?:in|on|at|among|within|by|to|for|from|until|before)\b", re.I)
_SAME_BRACKET = re.compile(r"[ \t]*\([ \t]*")
_SAME_CLOSE = re.compile(r"[ \t]*\)")
ANOTHER_NAME_KNOWN = "known by another name"
ANOTHER_NAME_BARE = "another name"
VARIANT = "a variant of the name"
WORDINGS = frozenset({ANOTHER_NAME_KNOWN, ANOTHER_NAME_BARE, VARIANT})  # they name no one person


def _sentence_start(text: str, pos: int) -> int:
    breaks = list(_SENTENCE_BREAK.finditer(text, max(0, pos - 300), pos))
    return breaks[-1].end() if breaks else max(0, pos - 300)


def _other_name(r: Replacement) -> bool:
    """A register person's mention written otherwise than the register's name ('Kai Rowe' for Kai Penn)."""
    if r.entity != E.PERSON or not (r.person or "").startswith("register:") or not r.replacement.strip():
        return False
    written = " ".join(re.sub(r"['’]s?$", "", r.original).lower().split())
    return written != (r.person or "").split(":", 1)[1]


def _named_before(reps: list[Replacement], i: int, start: int) -> bool:
    """The person of reps[i] is replaced with the same label earlier in the sentence (from `start`)."""
    r = reps[i]
    for q in (reps[j] for j in range(i - 1, -1, -1)):
        if q.start < start:
            return False  # in order of place: every earlier one lies before the sentence too
        if q.person == r.person and q.replacement.lower() == r.replacement.lower():
            return True
    return False


def note(r: Replacement, says: str, why: str) -> None:
    """The step's name and why on the rule of a replacement the step reworded."""
    trail, _, rest = r.rule.partition(": ")
    r.rule = f"{trail} > {says}: {why} ({rest})"


def reword_restated_aliases(text: str, replacements: list[Replacement], says: str,
                            recorded_as: re.Pattern[str]) -> list[Replacement]:
    """Another name of a person whose label its sentence has given reads as that kind of wording, and
    a bracket that reads as the mention before it goes with it; `replacements` are in order of place
    and are changed in place; `recorded_as` finds a record verb and 'as' ending at a position. Returns
    the replacements changed."""
    changed: list[Replacement] = []
    gone: set[int] = set()
    for i, r in enumerate(replacements):
        if i in gone:
            continue
        prev = replacements[i - 1] if i and i - 1 not in gone else None
        label = r.replacement.strip()
        if _other_name(r) and _named_before(replacements, i, _sentence_start(text, r.start)):
            if recorded_as.search(text, max(0, r.start - 60), r.start) and text[r.start - 1:r.start] not in _OPEN:
                # 'appears in some records as Kai Rowe' (a quoted one is decide.aliases.reword_restated's)
                r.replacement = VARIANT
                note(r, says, f"another name after 'recorded as' would repeat its sentence's label '{label}'")
                changed.append(r)
                continue
            if prev is not None and prev.person == r.person and _APPOSED_QUOTE.fullmatch(text, prev.end, r.start) \
                    and text[r.end:r.end + 1] in tuple(_SHUT):
                # 'Mr Penn, "Pip" to his friends,': the quoted nickname apposed to the person's mention
                r.start, r.end = r.start - 1, r.end + 1
                r.original, r.replacement = text[r.start:r.end], ANOTHER_NAME_KNOWN
                note(r, says, f"a quoted nickname after the mention would repeat the label '{label}'")
                changed.append(r)
                continue
            if prev is not None and prev.person == r.person and _BRACKET_OPEN.fullmatch(text, prev.end, r.start) \
                    and _WHERE_USED.match(text, r.end):
                # 'Jo Penn (Jojo Penn in older records)'
                r.replacement = ANOTHER_NAME_BARE
                note(r, says, f"another name in a bracket after the mention would repeat the label '{label}'")
                changed.append(r)
                continue
        # a marker names a kind, not one thing ('[reference removed] ([reference removed])' is two references)
        if prev is not None and label and not label.startswith("[") and prev.replacement.strip().lower() == label.lower() \
                and prev.entity == r.entity and (r.entity != E.PERSON or prev.person == r.person):
            opening = _SAME_BRACKET.match(text, prev.end)
            close = _SAME_CLOSE.match(text, r.end) if opening and opening.end() == r.start else None
            if close is not None:
                # 'Ward 6 (Elm Ward)' would read 'the ward (the ward)': one mention
                prev.end, prev.original = close.end(), text[prev.start:close.end()]
                prev.core = (prev.core[0], max(prev.core[1], r.core[1]))
                note(prev, says, "a bracket that reads as the mention before it: one mention")
                changed.append(prev)
                gone.add(i)
    replacements[:] = [r for j, r in enumerate(replacements) if j not in gone]
    return changed
