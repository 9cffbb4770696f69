"""Group mentions of people who are not on the register, and tell professionals from others."""

from __future__ import annotations

import re
from dataclasses import replace

from . import entities as E
from .detection import Detection
from .filters import TITLES
from .lexicon import PhraseIndex
from .propagation import person_tokens

PROFESSIONAL_TITLES = {"dr", "dc", "ds", "di", "dci", "dsi", "pc", "pcso", "sgt", "insp", "prof", "professor",
                       "cllr", "nurse", "sister", "rev"}
# Words near a name that say the person is there in a professional capacity.
PROFESSIONAL_CONTEXT = re.compile(
    r"\b(social\s+worker|health\s+visitor|midwife|midwives|gp|doctor|paediatrician|registrar|consultant|nurse|"
    r"teacher|head\s*teacher|headteacher|dsl|safeguarding\s+lead|officer|detective|constable|sergeant|inspector|"
    r"manager|practitioner|worker|therapist|psychologist|psychiatrist|clinician|surgeon|sonographer|"
    r"reviewer|author|chair|lawyer|solicitor|barrister|judge|magistrate|guardian|advocate|coordinator|"
    r"co-ordinator|lead|senco|clinical|paramedic|call\s+handler|housing|probation|iro|staff)\b", re.I)


def _title(text: str, d: Detection) -> str | None:
    first = text[d.start:d.end].split()[0].lower().rstrip(".") if text[d.start:d.end].split() else ""
    return first if first in TITLES else None


def is_professional(text: str, d: Detection) -> bool:
    if d.meta.get("professional"):
        return True
    title = _title(text, d)
    if title in PROFESSIONAL_TITLES:
        return True
    sentence_start = max(text.rfind(".", 0, d.start), text.rfind("\n", 0, d.start), d.start - 60)
    before = text[sentence_start + 1:d.start]
    after = text[d.end:d.end + 45].split(".")[0]
    return bool(PROFESSIONAL_CONTEXT.search(before[-45:]) or PROFESSIONAL_CONTEXT.search(after))


def cluster_others(text: str, detections: list[Detection], allow: PhraseIndex) -> list[Detection]:
    """Give each non-register PERSON detection a person key shared by all mentions of one person.

    Full names found anywhere define the people; a lone first name or 'Ms Price' joins the
    first full name that contains it.
    """
    others = [d for d in detections if d.entity == E.PERSON and not d.person]
    names: list[tuple[frozenset[str], str]] = []  # (tokens, key), in order of first mention
    token_lists = {id(d): person_tokens(text[d.start:d.end], allow) for d in others}
    for d in others:
        toks = token_lists[id(d)]
        if len(toks) > 1:
            key = "other:" + " ".join(t.lower() for t in toks)
            if all(k != key for _, k in names):
                names.append((frozenset(t.lower() for t in toks), key))
    assigned: dict[int, str] = {}
    for d in others:
        toks = {t.lower() for t in token_lists[id(d)]}
        if not toks:
            toks = {w.lower() for w in re.findall(r"\w+", text[d.start:d.end]) if w.lower() not in TITLES}
        key = next((k for tokset, k in names if toks and toks <= tokset), None)
        if key is None:
            key = "other:" + " ".join(sorted(toks))
            names.append((frozenset(toks), key))
        assigned[id(d)] = key
    return [replace(d, person=assigned[id(d)]) if id(d) in assigned else d for d in detections]


def professional_people(text: str, detections: list[Detection]) -> set[str]:
    """Keys of other people who are ever mentioned in a professional capacity."""
    return {d.person for d in detections
            if d.entity == E.PERSON and d.person and d.person.startswith("other:") and is_professional(text, d)}
