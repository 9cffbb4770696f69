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

_CUE = re.compile(rf"[ \t]*(?P<open>[(,])[ \t]*(?:{vocabulary.alternation(vocabulary.entries('former_name_cues'))})[ \t]+",
                  re.I)
_BRACKET_CLOSE = re.compile(r"[ \t]*\)")
# After a comma's apposition, the comma that closes it ('Carol Webb, née Stanton, said'); at a clause's
# end there is none to take.
_COMMA_CLOSE = re.compile(r"[ \t]*,(?=[ \t]*[a-z])")
# The former name ends the apposition there: the sentence goes on or ends ('Jo, previously Dean's
# partner,' holds no former name).
_APPOSITION_END = re.compile(r"[ \t]*(?:,|[.;:!?\n]|$)")


def drop_former_names(text: str, replacements: list[Replacement], says: str) -> list[Replacement]:
    """`replacements` (in order of place), with each former name beside a person's mention gone with
    its cue and its bracket or commas."""
    out: list[Replacement] = []
    for r in replacements:
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
            trail, _, rest = r.rule.partition(": ")
            r.rule = f"{trail} > {says}: a former name beside the mention goes with it ({rest})"
        out.append(r)
    return out


__all__ = ["drop_former_names"]
