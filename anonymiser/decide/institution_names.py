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
    if lead and lead[0].lower().rstrip(".") in _SAINT and len(words) > 2:
        # 'St Wilfrid's' of 'St Wilfrid's Catholic Primary School': a saint's name in the possessive,
        # which names a body and never a person ('the lead at St Wilfrid's')
        return " ".join(words[:2]) if re.fullmatch(r"[A-Z][\w-]*['’]s", words[1]) else None
    if not lead or len(lead) == len(words) or lead[0].lower().rstrip(".") in _SAINT:
        return None
    if words[len(lead)].lower() in _STREET_TYPES:
        return None  # 'Harlescott Lane Surgery': named after its street, whose first word is the district's
    if any(is_first_name(w) or is_surname(w) or len(w) < 4 or w.isupper() for w in lead):
        return None
    short = " ".join(lead)
    return None if is_place(short) else short


# 'in', 'near', 'outside' (place_prepositions.txt 'town'), 'moved to', 'lived in': where someone is.
_WHERE_SOMEONE_IS = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.having('place_prepositions', 'town'))}"
    r"|(?:moved|moving|moves|lived|living|lives|settled)\s+(?:to|in|into|at))\s+$", re.I)


def _written_as_a_place(text: str, short: str) -> bool:
    """'moved to Brackwell', 'lives in Brackwell': the short name stands where a place does."""
    return any(_WHERE_SOMEONE_IS.search(text, max(0, m.start() - 20), m.start())
               for m in re.finditer(rf"(?<![\w'’-]){re.escape(short)}(?![\w'’-])", text))


def _written_as(short: str) -> re.Pattern[str]:
    """'St Aidan's' as a message writes it too ('st aidans', 'ST AIDANS'): a short name is no English word,
    so in any case and without its apostrophe it is still the body."""
    loose = "".join(r"['’]?" if c in "'’" else r"[ \t]+" if c == " " else re.escape(c) for c in short)
    return re.compile(rf"(?<![\w'’-])(?i:{loose})(?![\w'’-])")


# An initialism that says a body's kind before its name ('HMP Lowdham Grange'): organisation_words.txt's
# kind-labelled words, in capitals.
_KIND_INITIALS = frozenset(w.upper() for w, kind in vocabulary.labelled("organisation_words").items()
                           if kind and len(w) > 2 and w.isalpha())
_KIND_WORDS = vocabulary.lower(vocabulary.entries("organisation_words"))


def _named_after_initials(text: str, detections: list[Detection]) -> tuple[dict[str, tuple[str, str]], list[tuple[int, int]]]:
    """'Lowdham Grange' of 'HMP Lowdham Grange' -> the body as its kind; a place's name ('Durham' of 'HMP
    Durham') -> a place, so the NER's person there ('phoned from Durham') is the place."""
    out: dict[str, tuple[str, str]] = {}
    sources: list[tuple[int, int]] = []  # the full names, each read for itself
    for d in detections:
        words = text[d.start:d.end].split()
        if d.entity != E.ORGANISATION or len(words) < 2 or words[0] not in _KIND_INITIALS or d.from_register:
            continue
        name = " ".join(words[1:])
        if not all(w[:1].isupper() for w in words[1:]) or all(w.lower() in _KIND_WORDS for w in words[1:]):
            continue  # 'HMP Prison Service', 'HMP and ...': no name of its own
        kind = institution_text(E.ORGANISATION, text[d.start:d.end])
        sources.append((d.start, d.end))
        out[name] = (E.LOCATION, "") if is_place(name) or len(words) == 2 and (is_first_name(name) or is_surname(name)) \
            else (E.ORGANISATION, kind)
    return out, sources


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
    prisons, named_in_full = _named_after_initials(text, out)
    # the full name goes as its kind too, so its own words are no short name of another body
    out = [replace(d, meta=replace(d.meta, local_kind=prisons[name][1])) if d.entity == E.ORGANISATION
           and (d.start, d.end) in named_in_full and (name := " ".join(text[d.start:d.end].split()[1:])) in prisons
           and prisons[name][1] else d for d in out]
    kinded = [(d.start, d.end) for d in out if d.meta.local_kind and (d.start, d.end) in named_in_full]
    out = [d for d in out if d.meta.local_kind or not (set(d.detectors) <= _GUESSES and any(
        s < d.end and d.start < e for s, e in kinded))]
    # A name that begins two institutions' names ('Ashby Grange School', 'Ashby Nursery') is the place
    # both are named after, not the short name of either.
    districts = [short for short in shorts if sum(n.startswith(short.lower() + " ") for n in names) > 1]
    # two bodies named after one saint ('St Anne's School', 'St Anne's Church'): no short name of either
    shorts = {short: kind for short, kind in shorts.items() if not (short in districts and short.split()[0].lower().rstrip(".") in _SAINT)}
    districts = [short for short in districts if short in shorts]
    shorts = {short: kind for short, kind in shorts.items() if short not in districts}
    # 'She moved to Brackwell' beside 'Brackwell Park Academy': a name the draft writes as where someone is
    # is the town the school is named after, a place at every mention
    towns = [short for short in shorts if _written_as_a_place(text, short)]
    shorts = {short: kind for short, kind in shorts.items() if short not in towns}
    shorts.update({short: (E.LOCATION, "") for short in districts})  # 'Staff at Quarnby said': the district
    shorts.update({short: kind for short, kind in prisons.items() if short not in shorts})
    shorts.update({short: (E.LOCATION, "town") for short in towns})
    if not shorts:
        return out
    surer = [(d.start, d.end) for d in out if not set(d.detectors) <= _GUESSES] + named_in_full
    found: list[Detection] = []
    for short, (entity, kind) in shorts.items():
        for m in _written_as(short).finditer(text):
            if any(s < m.end() and m.start() < e for s, e in surer) or _LONGER_NAME.match(text, m.end()):
                continue  # 'Hollybank Road', 'Hollybank Pupil Referral Unit': a longer name, read for itself
            if entity == E.LOCATION and kind != "town" and not any(
                    d.entity == E.PERSON and d.start < m.end() and m.start() < d.end for d in out):
                continue  # a place a body is named after is a person nowhere; elsewhere it is read as itself
            local_kind = kind if kind and entity != E.LOCATION else None
            found.append(Detection(m.start(), m.end(), entity, 0.6, (DETECTOR,), meta=DetectionMeta(local_kind=local_kind)))
    if not found:
        return out
    kept = [d for d in out if not (set(d.detectors) <= _GUESSES and any(
        f.start < d.end and d.start < f.end for f in found))]
    return sorted(kept + found, key=lambda d: (d.start, -d.end))
