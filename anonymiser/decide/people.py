"""Group mentions of people who are not on the register, and tell professionals from others."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from rapidfuzz.distance import OSA

from anonymiser.config import vocabulary
from anonymiser.config.lexicon import PhraseIndex
from anonymiser.config.names import is_first_name, is_surname, only_a_word
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.aliases import is_alias_joint
from anonymiser.decide.couples import both_genders, full_name_words, gendered_key
from anonymiser.decide.propagation import person_tokens
from anonymiser.decide.role_evidence import predicate_role, service_role

# Titles that say someone is there in a professional capacity: the titles a name loses other than
# courtesy titles and honours ('Mrs', 'Sir'), with every one-word title of a post or rank ('WPC', 'Det').
PROFESSIONAL_TITLES = (vocabulary.NAME_TITLES - vocabulary.lower(vocabulary.titles("female", "male", "neutral", "honour"))
                       | {t.lower() for t in vocabulary.titles("professional", "rank") if " " not in t})
# Words that, written as a person's role beside their name, say they are there in a professional capacity.
_PROFESSIONAL_ROLE = rf"(?:{vocabulary.alternation(vocabulary.entries('professional_roles'))})s?"
# The role right before the name ("the health visitor, Amina Begum"), or in an apposition or
# brackets right after it ("Amina Begum, the allocated health visitor,", "Amina Begum (IRO)").
# A role word elsewhere in the sentence ("Mrs Robinson told the reviewer") is someone else's.
_ROLE_BEFORE = re.compile(rf"\b{_PROFESSIONAL_ROLE}\b(?:[\s,:(–-]*|\s+(?:is|was)\s+)$", re.I)  # "her teacher is Mr Hale" too
_ROLE_AFTER = re.compile(
    rf"^\s*(?:,|\(|–|-)\s*(?:who\s+(?:is|was)\s+)?(?:the|a|an|her|his|their|our)?\s*"
    rf"(?:[\w'’-]+\s+){{0,3}}?{_PROFESSIONAL_ROLE}\b", re.I)


def _title(text: str, d: Detection) -> str | None:
    first = text[d.start:d.end].split()[0].lower().rstrip(".") if text[d.start:d.end].split() else ""
    return first if first in vocabulary.PERSON_TITLE_WORDS else None


def is_professional(text: str, d: Detection) -> bool:
    if d.meta.professional:
        return True
    title = _title(text, d)
    if title in PROFESSIONAL_TITLES:
        return True
    before = text[max(0, d.start - 45):d.start]
    after = text[d.end:d.end + 60].split(".")[0]
    return bool(_ROLE_BEFORE.search(before) or _ROLE_AFTER.match(after)
                or predicate_role(text, d.start, d.end) or service_role(text, d.end) is not None)


_INITIALS = re.compile(r"[A-Z]{2,3}")


def _name_words(span: str) -> frozenset[str]:
    """The capitalised words of a name, less its titles."""
    return frozenset(w.lower() for w in re.findall(r"[A-Z][\w'’-]*", span)
                     if w.lower().rstrip(".") not in vocabulary.NAME_TITLES and not re.search(r"['’]s?$", w))


def cluster_others(text: str, detections: list[Detection], allow: PhraseIndex) -> list[Detection]:
    """Give each non-register PERSON detection a person key shared by all mentions of one person.

    Full names found anywhere define the people; a lone first name or 'Ms Price' joins the
    first full name that contains it.
    """
    others = [d for d in detections if d.entity == E.PERSON and not d.person]
    names: list[tuple[frozenset[str], str]] = []  # (tokens, key), in order of first mention
    # Names that are also words count too: "Will" alone is the "Will Okafor" met earlier.
    token_lists = {id(d): person_tokens(text[d.start:d.end], allow, collisions=True) for d in others}
    by_initials: dict[str, set[str]] = {}  # 'KM' -> the keys of full names with those initials
    keys: set[str] = set()  # the keys in `names`, looked up once a mention: a long draft has thousands
    for d in others:
        toks = token_lists[id(d)]
        if len(toks) > 1 or (toks and len(_name_words(text[d.start:d.end])) > 1):
            key = "other:" + " ".join(t.lower() for t in toks)
            if key not in keys:
                keys.add(key)
                # every word of the name is met alone: 'Jo' of 'Jo Bell', though too short to spread
                names.append((frozenset(t.lower() for t in toks) | _name_words(text[d.start:d.end]), key))
            by_initials.setdefault("".join(t[0] for t in toks).upper(), set()).add(key)
    assigned: dict[int, str] = {}
    # 'Mr Qureshi' and 'Mrs Qureshi', where no full name has the surname, are a man and a woman
    two = both_genders(text) - full_name_words(text, detections)
    for d in others:
        if (gendered := gendered_key(text, d.start, d.end, two)) is not None:
            assigned[id(d)] = gendered
            continue
        words = {t.lower() for t in token_lists[id(d)]}
        if not words:
            words = {w.lower() for w in re.findall(r"\w+", text[d.start:d.end]) if w.lower() not in vocabulary.NAME_TITLES}
        plain = {w.replace("-", "") for w in words}  # 'Jo-Jo' and 'JoJo' are one nickname, written two ways
        name = next((k for tokset, k in names if words and (words <= tokset or plain <= tokset)), None)
        letters = text[d.start:d.end].replace(".", "").strip()
        if name is None and _INITIALS.fullmatch(letters) and len(by_initials.get(letters, ())) == 1:
            name = next(iter(by_initials[letters]))  # 'KM' is the Kyle Mazur the text names in full
        if name is None and len(plain) == 1:
            name = misspelt_of(next(iter(plain)), names)  # 'Ms O'Driscol' after 'Ms O'Driscoll'
        if name is None:
            name = "other:" + " ".join(sorted(plain))
            names.append((frozenset(plain), name))
        assigned[id(d)] = name
    return [replace(d, person=assigned[id(d)]) if id(d) in assigned else d for d in detections]


def misspelt_of(word: str, names: list[tuple[frozenset[str], str]]) -> str | None:
    """The one person whose name holds a word one letter from `word` (six letters at least), where the
    name lists do not know both as names of their own ('Dixon', 'Nixon' are two people)."""
    if len(word) < 6:
        return None
    listed = is_surname(word) or is_first_name(word)
    found = {key for tokens, key in names for t in tokens
             if len(t) >= 6 and OSA.distance(word, t) == 1 and not (listed and (is_surname(t) or is_first_name(t)))}
    return found.pop() if len(found) == 1 else None


def professional_people(text: str, detections: list[Detection]) -> set[str]:
    """Keys of other people who are ever mentioned in a professional capacity."""
    return {d.person for d in detections
            if d.entity == E.PERSON and d.person and d.person.startswith("other:") and is_professional(text, d)}


# Words that make a name an organisation's, whatever else is in it; the last one names its kind ('the church').
ORGANISATION_WORD = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.entries('organisation_words'))})\b", re.I)
_NAME_WORDS = re.compile(r"^[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){1,2}$")


def people_read_as_organisations(text: str, detections: list[Detection]) -> list[Detection]:
    """'Kia Jones' that the NER called an organisation, where 'Jones' is found as a person: the
    whole name is the person's, so no first name is left showing beside the label. A place or an
    organisation the NER found that opens with a title no place's name opens with ('Mrs Alison',
    'Dr Okoro') is a person too."""
    people = sorted((d.start, d.end) for d in detections if d.entity == E.PERSON)
    starts = [s for s, _ in people]
    # The surnames the draft gives a title elsewhere ('Mr Harries'): 'Aled Harries' is that man.
    titled = {m.group(1).lower() for d in detections if d.entity == E.PERSON
              for m in [_TITLED.fullmatch(text, d.start, d.end)] if m}
    out = []
    for d in detections:
        if d.entity in (E.ORGANISATION, E.LOCATION) and d.detectors == ("SpacyRecognizer",) \
                and _TITLED_NAME.fullmatch(text, d.start, d.end) and not ORGANISATION_WORD.search(text, d.start, d.end) \
                and text[d.start:d.end].split()[-1] not in _PLACE_ENDS:
            d = replace(d, entity=E.PERSON)
        elif d.entity == E.ORGANISATION and d.detectors == ("SpacyRecognizer",):
            lead = _ROLE_ACRONYM.match(text, d.start, d.end)  # 'HV June Ellis': the role's letters stay
            start = lead.end() if lead else d.start
            opener = _opening_word(text, start, d.end)  # 'Later Mrs Bibi', 'Later Mr Harries': the sentence's first word stays
            if opener:
                start = opener.end()
            span = text[start:d.end]
            words = span.split()
            if _NAME_WORDS.match(span) and not ORGANISATION_WORD.search(span) and words[-1] not in _PLACE_ENDS and (
                    any(e <= d.end for _, e in people[bisect.bisect_left(starts, start):bisect.bisect_left(starts, d.end)])
                    or (len(words) == 2 and is_first_name(words[0]) and is_surname(words[1]))
                    or (len(words) == 2 and words[1].lower() in titled)):  # not 'Magdalen House', a building
                d = replace(d, start=start, entity=E.PERSON)
        out.append(d)
    return out


# A title that opens no place's name, then one or two name words: what the NER took for a place is a person.
_TITLED_NAME = re.compile(rf"(?:{vocabulary.alternation(vocabulary.titles('not-place'))})\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?")
_PLACE_ENDS = vocabulary.STREET_TYPE_WORDS | frozenset(vocabulary.entries("building_words"))  # 'Lord Nelson Court'
_TITLED = re.compile(rf"(?i:{vocabulary.alternation(sorted(vocabulary.NAME_TITLES))})\.?\s+([A-Z][\w'’-]+)")
def _opening_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """A sentence's opening word the NER ran into the name after it ('Later Mrs Bibi', 'Later, Mr
    Harries'): a sentence starter, or a word the lexicon lists only in lower case, which no name list knows."""
    m = _OPENER.match(text, start, end)
    return m if m and (m.group(1).lower() in vocabulary.SENTENCE_STARTERS or only_a_word(m.group(1))) else None


_ROLE_ACRONYM = re.compile(r"[A-Z]{2,4}\s+(?=[A-Z][a-z])")
_OPENER = re.compile(r"([A-Z][a-z]+),?\s+(?=[A-Z])")


def link_aliases(text: str, detections: list[Detection]) -> list[Detection]:
    """A name the draft gives as another's alias ('William Tanner, known as Will'; 'Mr Whitfield, whom
    Ms Adebayo calls Dan') takes that person's key at every mention, so one label holds for both."""
    people = sorted((d for d in detections if d.entity == E.PERSON and d.person), key=lambda d: d.start)
    remap: dict[str, str] = {}

    def root(key: str) -> str:
        while key in remap:
            key = remap[key]
        return key

    for i, alias in enumerate(people):
        if not alias.person or not alias.person.startswith("other:"):
            continue  # a register name is already the register person's
        for before in reversed(people[max(0, i - 3):i]):
            if before.end <= alias.start <= before.end + 80 and before.person \
                    and is_alias_joint(text[before.end:alias.start]):
                named = root(before.person)
                if named != root(alias.person):
                    remap[root(alias.person)] = named
                break
    if not remap:
        return detections
    return [replace(d, person=root(d.person)) if d.person in remap else d for d in detections]


_AGE_WORD = rf"(?:{vocabulary.alternation(vocabulary.having('child_roles', 'age'))})"
_CHILD_BEFORE = re.compile(rf"\b{_AGE_WORD}(?:\s+[a-z-]+)?[\s,:(]*$", re.I)  # 'her baby brother Kofi' too
_AGE_AFTER = re.compile(
    r"^\s*[,(]\s*(?:(?:then|now|who\s+(?:is|was))\s+)?(?:aged?\s+)?(\d{1,2})(?:\s*(months?|weeks?|days?)\b|(?=\s*[),]))",
    re.I)
_SCHOOL_YEAR_AFTER = re.compile(r"^\s*[,(]\s*(?:(?:then|now)\s+)?(?:in\s+)?(?:Year\s+\d{1,2}|Reception)\b")
ADULT_AGE = 18
# 'a 17-year-old, Reece Talbot,': the age before the name, as a noun or before one ('a 15-year-old boy').
_AGE_BEFORE = re.compile(r"\b(\d{1,2})[- ]year[- ]old(?:\s+[a-z-]+){0,2}[\s,:(]*$", re.I)


def child_people(text: str, detections: list[Detection]) -> set[str]:
    """Keys of other people the draft says are children at some mention: an age word before the
    name ('baby Kai', 'the toddler, Kai', 'a 17-year-old, Kai'), an age under 18 or in months after it
    ('Kai (2)', 'Kai, aged 18 months'), or a school year ('Kai, in Year 3'). 'Will, aged 28' is an adult."""
    out: set[str] = set()
    for d in detections:
        if d.entity != E.PERSON or not d.person or not d.person.startswith("other:") or d.person in out:
            continue
        before = text[max(0, d.start - 30):d.start]
        after = text[d.end:d.end + 30]
        age = _AGE_AFTER.match(after)
        told = _AGE_BEFORE.search(before)
        if (_CHILD_BEFORE.search(before) or _SCHOOL_YEAR_AFTER.match(after)
                or (age and (age.group(2) or int(age.group(1)) < ADULT_AGE))
                or (told and int(told.group(1)) < ADULT_AGE)):
            out.add(d.person)
    return out


_LAST_WORD = re.compile(r"\s+([A-Z]{2,5})\.?$")
_NUMBER_AFTER = re.compile(r"\s*[:.]?\s*[+(\d]")


def trim_field_labels(text: str, detections: list[Detection]) -> list[Detection]:
    """'Mrs Dawn Pike TEL 01632 960777': a word in capitals that ends a person's span before a number,
    and is no name ('TEL', 'MOB'), is the label of the field after the name, not part of it."""
    out = []
    for d in detections:
        if d.entity == E.PERSON and not d.from_register:
            last = _LAST_WORD.search(text, d.start, d.end)
            if last and only_a_word(last.group(1)) and _NUMBER_AFTER.match(text, d.end):
                d = replace(d, end=last.start())
        out.append(d)
    return out


# A line that opens with a field's label: a capitalised word, up to four lower-case ones, a colon.
_FIELD_LINE = re.compile(r"[ \t]*[A-Z][a-z]+(?:[ \t]+[a-z]+){0,4}[ \t]*:")


def before_next_field(text: str, d: Detection) -> Detection:
    """A name ending a line stops there when the next line opens with its own field label ('Dr Sarah
    Lowther' / 'Date of draft: 14th November'): that line's first word is not the name's."""
    span = text[d.start:d.end]
    cut = span.rfind("\n")
    if cut > 0 and span[:cut].strip() and _FIELD_LINE.match(text, d.start + cut + 1):
        return replace(d, end=d.start + len(span[:cut].rstrip()))
    return d
