"""'Mr and Mrs Hetherington': two people, the first named only by the title the surname shares; and
'Mr Qureshi' and 'Mrs Qureshi', where no full name says who they are, are two people too."""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.core.register import Person, Register

_TITLE = vocabulary.alternation(vocabulary.titles("female", "male", "neutral"))
# 'Mr and Mrs Hetherington', 'Mrs & Mr Qureshi': a title, 'and', and a titled surname.
_COUPLE = re.compile(rf"\b(?P<first>{_TITLE})\.?(?P<joint>[ \t]+(?:and|&)[ \t]+)(?:{_TITLE})\.?[ \t]+(?P<surname>[A-Z][\w'’-]+)")
# 'Mrs Qureshi': a courtesy title that says a gender, and the surname after it.
_WORDS = re.compile(r"[A-Z][\w'’-]*")
_TITLED = re.compile(rf"\b(?P<title>{_TITLE})\.?[ \t]+(?P<surname>[A-Z][\w'’-]+)")


def _gender(title: str) -> str | None:
    low = title.lower().rstrip(".")
    return "female" if low in vocabulary.FEMALE_TITLES else "male" if low in vocabulary.MALE_TITLES else None


def both_genders(text: str) -> frozenset[str]:
    """The surnames (lower case) the text writes after a man's title and after a woman's ('Mr Qureshi'
    and 'Mrs Qureshi', or 'Mr and Mrs Qureshi'): a man and a woman, whom one key would make one person."""
    seen: dict[str, set[str | None]] = {}
    for m in _TITLED.finditer(text):
        seen.setdefault(m.group("surname").lower(), set()).add(_gender(m.group("title")))
    for m in _COUPLE.finditer(text):
        seen.setdefault(m.group("surname").lower(), set()).add(_gender(m.group("first")))
    return frozenset(s for s, genders in seen.items() if {"female", "male"} <= genders)


def full_name_words(text: str, detections: list[Detection]) -> frozenset[str]:
    """The words (lower case) of the people's full names in the text ('Sadia Qureshi'): a surname
    among them has a first name that says whom 'Mrs Qureshi' is, so it is left to the grouping."""
    out: set[str] = set()
    for d in detections:
        words = [w.lower() for w in _WORDS.findall(text, d.start, d.end) if w.lower() not in vocabulary.NAME_TITLES]
        if d.entity == E.PERSON and len(words) > 1:
            out.update(words)
    return frozenset(out)


def _key(surname: str, gender: str) -> str:
    return f"other:{surname.lower()} ({gender})"


def gendered_key(text: str, start: int, end: int, two: frozenset[str]) -> str | None:
    """The key of 'Mrs Qureshi' (a courtesy title and a surname of `two`, nothing more): the surname
    and the title's gender, so that 'Mr Qureshi' is someone else."""
    m = _TITLED.fullmatch(text, start, end)
    gender = _gender(m.group("title")) if m else None
    return _key(m.group("surname"), gender) if m and gender and m.group("surname").lower() in two else None


_PARTNERS = {w: p for w, (p, *_) in vocabulary.labelled("partner_roles").items()}


def _the_couple(register: Register, surname: str) -> tuple[Person, Person] | None:
    """The one man and one woman of `surname` whose roles make a couple ('maternal grandfather',
    'maternal grandmother'), or None where no pair, or more than one, does."""
    people = [p for p in register.people if p.surname == surname and not vocabulary.is_child_role(p.role)]
    pairs = []
    for man in people:
        *lead, last = man.role.lower().split() or [""]
        for woman in people:
            if woman is not man and woman.role.lower().split() == [*lead, _PARTNERS.get(last, "")]:
                pairs.append((man, woman))
    return pairs[0] if len(pairs) == 1 else None


def couples(text: str, detections: list[Detection], register: Register) -> list[Detection]:
    """The first title of 'Mr and Mrs Hetherington', where 'Mrs Hetherington' is found as a person,
    is the register's one person of that surname and that title's gender ('Foster Carer 2 and Foster
    Carer 1', never 'Mr and Foster Carer 1'); where no register holds the surname, nor a full name
    in the text has it, it is the man or woman the titled mentions of that gender are."""
    people = {(d.start, d.end) for d in detections if d.entity == E.PERSON}
    starts = {s for s, _ in people}
    taken = [(d.start, d.end) for d in detections]
    out = list(detections)
    named = full_name_words(text, detections)
    for m in _COUPLE.finditer(text):
        second = m.start("joint") + len(m.group("joint"))
        if second not in starts or any(s < m.end("first") and m.start("first") < e for s, e in taken):
            continue
        surname, gender = m.group("surname"), _gender(m.group("first"))
        same = [p for p in register.people if p.surname == surname and (gender is None or p.gender == gender)]
        adults = [p for p in same if not vocabulary.is_child_role(p.role)]
        if len(same) > 1 and len(adults) == 1:
            same = adults  # 'Mr and Mrs Thwaite' with a boy of that surname: the titles are the adults'
        if len(same) > 1 and (pair := _the_couple(register, surname)) is not None:
            same = [p for p in pair if gender is None or p.gender == gender]  # the other title's is the partner
            partner = next((p for p in pair if p is not same[0]), None) if len(same) == 1 else None
            if partner is not None:
                out = [replace(d, person=partner.key, meta=replace(d.meta, register_person=partner.key, match="exact",
                                                                  register_family=False, surname_alone=False))
                       if d.entity == E.PERSON and d.start == second else d for d in out]
        if len(same) == 1:
            key = same[0].key
            out.append(Detection(m.start("first"), m.end("first"), E.PERSON, 0.85, ("couple",), key,
                                 DetectionMeta(register_person=key, match="exact")))
        elif not same and gender and surname.lower() not in named:
            # no register holds them: 'Adult A and Adult B', and 'Mr Qureshi' later is Adult A
            out.append(Detection(m.start("first"), m.end("first"), E.PERSON, 0.85, ("couple",), _key(surname, gender)))
    # in the text's order, so the first of the couple is the first one labelled ('Adult A and Adult B')
    return out if len(out) == len(detections) else sorted(out, key=lambda d: d.start)
