"""A former surname written beside a person's mention goes with it once both are replaced.

'Joanne Brindle (née Parr)', 'Carol Webb, formerly Stanton, said', 'her mother (née Parr)': replaced,
the former name reads as a label ('Mother (née Maternal Grandmother)', 'Adult A (née Adult B)'), which
states a fact the draft does not (that the mother was born the grandmother). The phrase goes with the
mention before it, and the audit notes why; the former name's identifier is still the replacement's.
The words that say a name is a former one are models/vocabulary/former_name_cues.txt.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement
from anonymiser.decide.restated_aliases import note

_CUE = re.compile(rf"[ \t]*(?P<open>[(,])[ \t]*(?:{vocabulary.alternation(vocabulary.entries('former_name_cues'))})[ \t]+",
                  re.I)
_BRACKET_CLOSE = re.compile(r"[ \t]*\)")
# After a comma's apposition, the comma that closes it ('Carol Webb, née Stanton, said'); at a clause's
# end there is none to take.
_COMMA_CLOSE = re.compile(r"[ \t]*,(?=[ \t]*[a-z])")
# The former name ends the apposition there: the sentence goes on or ends ('Jo, previously Dean's
# partner,' holds no former name).
_APPOSITION_END = re.compile(r"[ \t]*(?:,|[.;:!?\n]|$)")


# 'under her maiden name, Efua Asante,': the name the phrase already says is another one goes with its
# apposition; 'under the name Mihai Clarke': the label would say the record held the pseudonym.
_NAME_KIND = r"(?:(?:maiden|birth|former|previous|married|old|earlier)[ \t]+(?:sur)?name)"
_NAMED_BEFORE = re.compile(rf"(?<![\w'’-])(?:her|his|their|the|a)[ \t]+{_NAME_KIND}(?P<joint>[ \t]*,[ \t]*|[ \t]+)$", re.I)
_UNDER_NAME = re.compile(r"(?<![\w'’-])(?P<lead>under[ \t]+(?:the|a)[ \t]+(?:sur)?name[ \t]+)$", re.I)
ANOTHER = "another name"
_NAME_KINDS = (E.PERSON, E.LOCATION, E.ORGANISATION)
# A clause the apposition's closing comma leads into, which keeps its comma ('her maiden name, which').
_CLAUSE_AFTER = re.compile(r"[ \t]*(?:which|who|whom|whose|where|when|and|but|so|although|though|while)\b", re.I)


def _named_kind(text: str, r: Replacement, says: str) -> bool:
    """'her maiden name, X' and 'under the name X': reworded in place; whether `r` was."""
    named = _NAMED_BEFORE.search(text, max(0, r.start - 40), r.start)
    if named is not None:
        joint = named.group("joint")
        close = _COMMA_CLOSE.match(text, r.end) if "," in joint else None
        if close is None and not _APPOSITION_END.match(text, r.end):
            return False  # the name runs on into more than an apposition
        r.start, r.end = named.start("joint"), close.end() if close else r.end
        # 'her maiden name, X, which' -> 'her maiden name, which': the comma that goes on stays
        goes_on = _CLAUSE_AFTER.match(text, r.end) if close is not None else None
        r.original, r.replacement = text[r.start:r.end], ("," if "," in joint and goes_on else "")
        note(r, says, "the name after a phrase saying it is another name goes with it")
        return True
    under = _UNDER_NAME.search(text, max(0, r.start - 24), r.start)
    if under is not None:
        r.start = under.start("lead")
        r.original, r.replacement = text[r.start:r.end], f"under {ANOTHER}"
        note(r, says, "a record's other name would read as the label")
        return True
    return False


def drop_former_names(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """`replacements` (in order of place), with each former name beside a person's mention gone with
    its cue and its bracket or commas."""
    out: list[Replacement] = []
    reworded: Replacement | None = None  # the mention just reworded: a name's next word goes with it
    for r in replacements:
        # the next word of the name, whatever a detector took it for ('Mensworth' read as a place)
        if reworded is not None and r.entity in _NAME_KINDS and not text[reworded.end:r.start].strip(" \t") \
                and r.start >= reworded.end:
            reworded.end, reworded.original = r.end, text[reworded.start:r.end]  # 'under the name Mihai Clarke'
            reworded.core = (min(reworded.core[0], r.core[0]), max(reworded.core[1], r.core[1]))
            continue
        reworded = None
        if r.entity == E.PERSON and r.replacement.strip() and _named_kind(text, r, says):
            reworded = r
            out.append(r)
            continue
        prev = out[-1] if out else None
        cue = _CUE.fullmatch(text, prev.end, r.start) if prev and r.entity == E.PERSON == prev.entity \
            and prev.end <= r.start else None
        if cue is not None and prev is not None:
            close = (_BRACKET_CLOSE if cue.group("open") == "(" else _COMMA_CLOSE).match(text, r.end)
            if close is None and (cue.group("open") == "(" or not _APPOSITION_END.match(text, r.end)):
                out.append(r)  # '(née Parr and others)': the bracket says more than the name
                continue
            r.start, r.end = prev.end, close.end() if close else r.end
            r.original, r.replacement = text[r.start:r.end], ""
            note(r, says, "a former name beside the mention goes with it")
        out.append(r)
    return out


__all__ = ["drop_former_names"]
