"""A capitalised word its own phrase says is a medicine: 'prescribed Parvolex', 'Oramorph liquid',
'Sertraline 50mg'. A brand name the lexicon does not know would otherwise be read as a person's name
and replaced ('given Adult C'). The cues are models/vocabulary/medicine_cues.txt, and a dose after
the word, in the units models/vocabulary/measure_units.txt labels 'dose'. A word a name list knows
stays a name ('Kayla's inhaler', 'the Brook overdose'), and so does a possessive.
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.config.names import is_first_name, is_surname

_GAP = r"[ \t]+"
_BEFORE = re.compile(
    rf"(?<![\w'’-])(?:{vocabulary.alternation(vocabulary.having('medicine_cues', 'before'), gap=_GAP)})[ \t]+(?:an?[ \t]+)?$", re.I)
_DOSE = rf"\d+(?:\.\d+)?[ \t]?(?:{vocabulary.alternation(vocabulary.having('measure_units', 'dose'))})"
_AFTER = re.compile(
    rf"[ \t]+(?:(?i:{vocabulary.alternation(vocabulary.having('medicine_cues', 'after'), gap=_GAP)})(?![\w'’-])|{_DOSE}(?![\w'’-]))")


def is_medicine(text: str, start: int, end: int) -> bool:
    """text[start:end], one capitalised word (spaces round it aside), is a medicine its cue or dose names."""
    word = text[start:end]
    start, end = start + len(word) - len(word.lstrip()), end - len(word) + len(word.rstrip())
    word = word.strip()
    if not word[:1].isupper() or " " in word or is_first_name(word) or is_surname(word) or text[end:end + 2] in ("'s", "’s"):
        return False
    return bool(_BEFORE.search(text, max(0, start - 30), start) or _AFTER.match(text, end))
