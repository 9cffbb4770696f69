"""A named school read again: a club the school pattern took ('Fellside Rovers Juniors'), and a school's
short name met again without its kind ('At Larkmoor he settled' after 'Larkmoor Pupil Referral Unit').

A school the recognizer found whose name holds a club's word (models/vocabulary/club_words.txt:
'Rovers', 'Athletic', 'FC'), or that someone plays for ('played for Fellside Juniors'), is a sports
club: 'the club', never a school. A school's, nursery's or practice's own name before its kind
('Larkmoor' of 'Larkmoor Pupil Referral Unit') written alone elsewhere is that institution, as its
kind, where the name is no English word, no first name or surname and no known place: those are
as often said for themselves ('Harris' of 'Harris Academy' may be Mr Harris).
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.config.places import is_place
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.institutions import club_name, institution_text

CLUB = "the club"
DETECTOR = "InstitutionShortName"
_PLAYS_FOR = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.having('club_words', 'cue'))})[ \t]+(?:the[ \t]+)?$",
                        re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_GUESSES = frozenset({"SpacyRecognizer", "PlaceContextRecognizer", "propagation"})
_SHORT_NAMED = (E.SCHOOL, E.NURSERY, E.GP_PRACTICE)
_LONGER_NAME = re.compile(r"[ \t]+[A-Z]")
_SAINT = frozenset({"st", "saint", "ss"})
_STREET_TYPES = vocabulary.lower(vocabulary.STREET_TYPES)


def a_club(text: str, d: Detection) -> bool:
    """A 'school' that is a sports club: a club's word in its name, or someone plays for it."""
    return d.entity == E.SCHOOL and (club_name(text[d.start:d.end])
                                     or _PLAYS_FOR.search(text, max(0, d.start - 40), d.start) is not None)


def _short_name(name: str) -> str | None:
    """'Larkmoor' of 'Larkmoor Pupil Referral Unit': the leading words no lexicon knows as English."""
    words = _WORD.findall(name)
    lead = []
    for w in words:
        if word_class(w) in (WordClass.COMMON, WordClass.BOTH) or not w[0].isupper():
            break
        lead.append(w)
    if not lead or len(lead) == len(words) or lead[0].lower().rstrip(".") in _SAINT:
        return None
    if words[len(lead)].lower() in _STREET_TYPES:
        return None  # 'Harlescott Lane Surgery': named after its street, whose first word is the district's
    if any(is_first_name(w) or is_surname(w) or len(w) < 4 or w.isupper() for w in lead):
        return None
    short = " ".join(lead)
    return None if is_place(short) else short


def read_institution_names(text: str, detections: list[Detection]) -> list[Detection]:
    """Clubs taken for schools made clubs; each institution's short name found again as it."""
    out = [replace(d, entity=E.ORGANISATION, meta=replace(d.meta, local_kind=CLUB))
           if not d.from_register and not d.meta.reviewer and a_club(text, d) else d for d in detections]
    shorts: dict[str, tuple[str, str]] = {}
    names: set[str] = set()  # every named institution's name, to see which a short name begins
    for d in out:
        if d.entity in _SHORT_NAMED and not d.from_register and not d.meta.reviewer:
            names.add(" ".join(text[d.start:d.end].lower().split()))
            short = _short_name(text[d.start:d.end])
            if short is not None:
                shorts.setdefault(short, (d.entity, d.meta.local_kind or institution_text(d.entity, text[d.start:d.end])))
    # A name that begins two institutions' names ('Ashby Grange School', 'Ashby Nursery') is the place
    # both are named after, not the short name of either.
    districts = [short for short in shorts if sum(n.startswith(short.lower() + " ") for n in names) > 1]
    shorts = {short: kind for short, kind in shorts.items() if short not in districts}
    shorts.update({short: (E.LOCATION, "") for short in districts})  # 'Staff at Quarnby said': the district
    if not shorts:
        return out
    surer = [(d.start, d.end) for d in out if not set(d.detectors) <= _GUESSES]
    found: list[Detection] = []
    for short, (entity, kind) in shorts.items():
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(short)}(?![\w'’-])", text):
            if any(s < m.end() and m.start() < e for s, e in surer) or _LONGER_NAME.match(text, m.end()):
                continue  # 'Hollybank Road', 'Hollybank Pupil Referral Unit': a longer name, read for itself
            found.append(Detection(m.start(), m.end(), entity, 0.6, (DETECTOR,), meta=DetectionMeta(local_kind=kind or None)))
    if not found:
        return out
    kept = [d for d in out if not (set(d.detectors) <= _GUESSES and any(
        f.start < d.end and d.start < f.end for f in found))]
    return sorted(kept + found, key=lambda d: (d.start, -d.end))
