"""An institution's name as its kind, once the name goes: 'Oakfield Primary School' -> 'the primary school'."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.decide.people import ORGANISATION_WORD

# Words of a sports club's name ('Rovers', 'Athletic'): a 'school' holding one is the club.
CLUB_WORDS = frozenset(vocabulary.having("club_words", "name"))


def club_name(name: str) -> bool:
    """'Fellside Rovers Juniors': a name that holds a club's word."""
    return any(w in CLUB_WORDS for w in re.findall(r"[^\W\d_]+", name))


# 'Hospital for Sick Children': a hospital's kind, then the words that are still its name (hospital_name_endings.txt).
_HOSPITAL_ENDING = re.compile(
    rf"\b(?i:{vocabulary.alternation(vocabulary.having('local_organisation_words', 'institution'))})"
    rf"[ \t]+(?:{vocabulary.alternation(vocabulary.entries('hospital_name_endings'))})$")


def in_a_hospital_name(name: str, start: int, end: int) -> bool:
    """`name[start:end]` ('Children') is a word of a hospital's name: 'Leeds Children's Hospital', or
    'Hospital for Sick Children' closing the part of `name` up to `end`; never the whole of `name`."""
    if not (0 <= start and end <= len(name)) or (start, end) == (0, len(name)):
        return False
    ending = _HOSPITAL_ENDING.search(name, 0, end)
    return (ending is not None and ending.start() < start) or _named_hospital(name)


@lru_cache(maxsize=256)
def _named_hospital(name: str) -> bool:
    return any(r.start == 0 and r.end == len(name) for r in _hospital_recognizer().analyze(name, [E.ORGANISATION]))


INSTITUTION_TEXT = {E.NURSERY: "the nursery", E.GP_PRACTICE: "the GP practice", E.HOSPITAL_WARD: "the ward"}

# An organisation's kind word as it reads after 'the' ('Acme Builders Ltd' is 'the company').
_KIND_AS_WRITTEN = {w.lower(): kind[0].replace("-", " ") for w, kind in vocabulary.labelled("organisation_words").items()
                    if kind}


@lru_cache(maxsize=1)
def _hospital_recognizer() -> Any:
    from anonymiser.detect.recognizers.institutions import HospitalRecognizer

    return HospitalRecognizer()


@lru_cache(maxsize=1)
def _institution_recognizers() -> tuple:
    from anonymiser.detect.recognizers.institutions import (
        GpPracticeRecognizer,
        HospitalWardRecognizer,
        NurseryRecognizer,
        SchoolRecognizer,
    )

    return tuple(cls() for cls in (SchoolRecognizer, NurseryRecognizer, GpPracticeRecognizer, HospitalWardRecognizer))


def organisation_text(name: str) -> str:
    """An organisation as its kind when its words say it ('the church', 'the GP practice'), else 'the organisation'."""
    name = " ".join(name.split())
    bare = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    for recognizer in _institution_recognizers():
        if any(r.end == len(bare) for r in recognizer.analyze(bare, [recognizer.ENTITY])):
            return institution_text(recognizer.ENTITY, bare)
    kinds = ORGANISATION_WORD.findall(bare)
    if not kinds:
        return "the organisation"
    kind = kinds[-1].lower()  # the head of an English name comes last: 'Church Road Boxing Club'
    if kinds[0].isupper() and bare.startswith(kinds[0]) and not bare.isupper():
        kind = kinds[0].lower()  # but an initialism before the name is its kind: 'HMP Forest Bank' is a prison
    if _KIND_AS_WRITTEN.get(kind) == "company" and len(kinds) > 1:
        kind = kinds[-2].lower()  # 'Horizon Care Services CIC' is the service; the legal form says less
    return "the " + _KIND_AS_WRITTEN.get(kind, kind)


def institution_text(entity: str, name: str) -> str:
    """What a named school, nursery, practice, ward or organisation of kind `entity` becomes."""
    if entity == E.ORGANISATION:
        return organisation_text(name)
    if entity == E.SCHOOL:
        low = name.lower()
        if re.search(r"\b(?:pupil\s+referral\s+unit|pru)\b", low):
            return "the pupil referral unit"  # a unit for excluded pupils, not a school
        if club_name(name):
            return "the club"  # 'Fellside Rovers Juniors': a club's name, read by the school pattern for 'Juniors'
        if re.search(r"\b(primary|infant|junior|first)\b", low):
            return "the primary school"
        if re.search(r"\b(high|secondary|grammar|upper)\b", low):  # an academy alone may teach any age: "the school"
            return "the secondary school"
        if re.search(r"\bcollege$", low):
            return "the college"  # 'North Kent College', 'Oakfield Sixth Form College': further education, or a school's name
        if re.search(r"\bcollege\b", low):
            return "the secondary school"
        return "the school"
    if entity == E.NURSERY and re.search(r"\bchildren['’]?s\s+centre\b", name, re.I):
        return "the children's centre"
    if entity == E.HOSPITAL_WARD and re.search(r"\bUnit$", name):
        return "the unit"  # 'the Acorn Unit': a unit of a hospital, not a ward
    return INSTITUTION_TEXT.get(entity, "the setting")
