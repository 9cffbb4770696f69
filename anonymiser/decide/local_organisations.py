"""Named local organisations that can locate a family: places of worship, clubs, care providers, employers.

A named church, mosque, temple, gurdwara, club or care provider (its head word in
models/vocabulary/local_organisation_words.txt), or an organisation written as someone's employer
('worked for Fairfield Logistics': models/vocabulary/employment_cues.txt; 'works as a driver for
Fairfield Logistics'), is replaced by its kind
('the church', 'the care provider', 'the employer') even where the profile only flags organisations.
A 'person' or 'place' the NER found that ends in such a head word ('St Mary's Church', 'at Riverside
Boxing Club') is that organisation, unless it is a first name and a surname ('Jane Church'). An
organisation or a saint's name the NER ended just before its head word ('St Aidan's' of 'St Aidan's
Church') takes the head word in, so the replacement leaves no 'Church' behind; one the NER ended
before a company's legal ending ('Ltd', 'LLP', models/vocabulary/company_suffixes.txt) takes that in,
with a place in brackets between ('Marlowe Print (Leeds) Ltd'), so 'Ltd' is never read as a name.
An 'organisation' opened by a courtesy title ('Ms Church', 'Dr Temple') is a person and a surname.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.config.data import lowered
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.config.places import is_place
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.firm_names import firm_possessives
from anonymiser.decide.institution_names import read_institution_names
from anonymiser.decide.known_names import known_first_name

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A named facility that is a body ('Riverview Learning Centre') is a business of its own kind (facility_words.txt).
_FACILITY_BODIES = vocabulary.having("facility_words", "body")
_KIND = {e.lower(): labels[0].replace("-", " ") for e, labels in vocabulary.labelled("local_organisation_words").items()}
_KIND |= {e.lower(): e.lower() for e in _FACILITY_BODIES}
_HEAD = re.compile(rf"\b(?:{vocabulary.alternation(_KIND)})\b", re.I)
# 'Assembly', 'Fellowship': a church only with a word of worship in its name ('Harbour Light Praise Assembly').
_NEEDS_WORSHIP = frozenset(e.lower() for e in vocabulary.having("local_organisation_words", "worship"))
# 'the Spice Garden takeaway', 'Ali's Barbers': a capitalised name before a business's head word, in any case.
_BUSINESS = vocabulary.having("local_organisation_words", "business") + _FACILITY_BODIES
_NAMED_BUSINESS = re.compile(
    rf"(?<![\w'’-])((?:[A-Z][\w'’&-]*[ \t]+(?:(?:and|&)[ \t]+)?){{1,4}})(?i:{vocabulary.alternation(_BUSINESS)})(?![\w'’-])")
# Labelled 'name-after': a head word written before the name ('Masjid an-Nur'), an Arabic article run on to it.
_NAME_WORD = r"(?:[a-z]{1,3}-)?[A-Z][\w'’-]*"
_HEAD_THEN_NAME = re.compile(
    rf"(?<![\w'’-])(?P<lead>[A-Z][\w'’-]*[ \t]+)?(?P<head>(?i:{vocabulary.alternation(vocabulary.having('local_organisation_words', 'name-after'))}))"
    rf"[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}")
DETECTOR = "LocalOrganisation"
_LONGER = re.compile(r"[ \t]+[A-Z]")
_GUESSES = frozenset({"SpacyRecognizer", "PlaceContextRecognizer"})  # a reading from the words round it
_SENTENCE_WORDS = vocabulary.lower(vocabulary.SENTENCE_STARTERS)
# A faith's, people's or nation's words ('Roman Catholic', 'Methodist', 'Polish'): a denomination, not a congregation's name.
_FAITHS = lowered("gazetteer", ("faiths_languages_festivals", "ethnicities", "nationalities"))
_FAITHS |= vocabulary.words("worship_words")
_WORSHIP = vocabulary.words("worship_words")

_EMPLOYMENT_BEFORE = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.entries('employment_cues'))})[\s,:]+(?:the\s+)?$", re.I)
# 'works shifts as a forklift driver for', 'worked part time as a cleaner at': a job, then whom it is for.
# 'is a porter at', 'her partner, a delivery driver for': a job (models/vocabulary/occupations.txt),
# lower-case words before it, then whom it is for.
_OCCUPATION = rf"\ban?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{vocabulary.alternation(vocabulary.entries('occupations'))})s?\s+(?:for|at|with)\s+"
_JOB = (r"(?:\b(?:works?|worked|working|employed)\b[^.;:\n]{0,30}?\bas\s+an?\s+[^.;:,\n]{1,40}?\b(?:for|at|with)\s+"
        rf"|{_OCCUPATION})")
_JOB_BEFORE = re.compile(rf"{_JOB}(?:the\s+)?$", re.I)
_EMPLOYMENT_CUE = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.entries('employment_cues'))})[\s,:]+|{_JOB}", re.I)
_OF_NAME = re.compile(r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})+")
_SAINT = frozenset({"st", "saint", "ss"})
_COMPASS = vocabulary.lower(vocabulary.entries("compass_words"))
# Words that open a time, never an employer's name: months, weekdays, named days ('Christmas', 'Easter').
_CALENDAR_WORDS = vocabulary.lower(vocabulary.MONTHS + vocabulary.WEEKDAYS) | frozenset(
    w.lower() for day in vocabulary.entries("named_days") for w in day.split()[:1])
_PERSON_TITLES = vocabulary.TITLE_WORDS - _SAINT
# 'Mr', 'Ms', 'Dr': a courtesy title right before one to three capitalised words opens a person's name,
# so 'Ms Church' the NER called an organisation is a person and a surname, never 'the church'.
_COURTESY_TITLED = re.compile(
    rf"(?:{vocabulary.alternation(vocabulary.COMMON_TITLES)})\.?[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){{0,2}}")
_HEAD_AFTER = re.compile(rf"(?:['’]s)?(?:[ \t]+[A-Z][\w'’-]*){{0,3}}?[ \t]+(?i:{_HEAD.pattern})")
# A company's legal ending after the NER's organisation, a place in brackets perhaps between them:
# 'Contact Print| (Leeds) Ltd'. It ends the employer's name.
COMPANY_SUFFIXES = frozenset(vocabulary.entries("company_suffixes"))
_COMPANY_ENDINGS = frozenset(w.rstrip(".").lower() for w in COMPANY_SUFFIXES)
_COMPANY_AFTER = re.compile(
    rf"(?:[ \t]+\([A-Z][\w'’ -]{{1,30}}\))?[ \t]+(?i:{vocabulary.alternation(COMPANY_SUFFIXES)})\b\.?")


def _heads(span: str, name: str | None = None) -> list[str]:
    """The head words in `span` that make `name` (the span itself by default) a local organisation:
    'Assembly' only with a word of worship in the name ('Praise', 'Gospel')."""
    worship = any(w.lower() in _WORSHIP for w in _WORD.findall(span if name is None else name))
    return [h for h in _HEAD.findall(span) if worship or " ".join(h.lower().split()) not in _NEEDS_WORSHIP]


def local_kind(text: str, d: Detection, institutions: tuple[tuple[int, int], ...] = ()) -> str | None:
    """What a named local organisation becomes ('the church'), or None for any other organisation.
    A name someone works at that is also a named school, nursery, practice or ward (`institutions`)
    keeps that kind: 'a teaching assistant at Fernlea Primary School' is at the primary school."""
    span = text[d.start:d.end]
    heads = _heads(span)
    if heads:
        return "the " + _KIND[" ".join(heads[-1].lower().split())]
    if _employed_before(text, d.start) and not any(s < d.end and d.start < e for s, e in institutions):
        return "the employer"
    return None


def _employed_before(text: str, start: int) -> bool:
    """'worked for ', 'works shifts as a forklift driver for ': whom someone works for follows."""
    return bool(_EMPLOYMENT_BEFORE.search(text, max(0, start - 40), start) or _JOB_BEFORE.search(text, max(0, start - 110), start))


# A name of one to four capitalised words, perhaps joined by '&' or 'and' ('Acme Freight', 'Hart & Sons').
_EMPLOYER_NAME = re.compile(r"[A-Z][\w'’&-]*(?:[ \t]+(?:(?:&|and)[ \t]+)?[A-Z][\w'’&-]*){0,3}(?![\w'’-])")
_LEADING_THE = re.compile(r"(?:the[ \t]+)?", re.I)


def named_employers(text: str, detections: list[Detection]) -> list[Detection]:
    """'worked at the Acme Freight depot', 'works shifts as a driver for Keystone Freight': capitalised words
    right after an employment cue that no detector but the NER took are the employer's name
    (the keep rules then drop an agency's). Not a person's name ('works for Mr Hale', 'for Jane Hale'),
    nor a sentence's own first word."""
    taken = sorted((d.start, d.end) for d in detections if not set(d.detectors) <= _GUESSES)
    found: list[Detection] = []
    for m in _EMPLOYMENT_CUE.finditer(text):
        the = _LEADING_THE.match(text, m.end())
        name = _EMPLOYER_NAME.match(text, the.end() if the else m.end())
        if name is None or any(s < name.end() and name.start() < e for s, e in taken):
            continue
        words = name.group(0).split()
        if _heads(name.group(0)):
            continue  # 'a cleaner at St Anne's Church': the church, read by its head word
        first = words[0].lower().rstrip(".")
        if first in _PERSON_TITLES or first in _SENTENCE_WORDS or first in _CALENDAR_WORDS or (
                len(words) == 1 and word_class(words[0]) in (WordClass.COMMON, WordClass.BOTH)) or (
                len(words) == 2 and is_first_name(words[0]) and is_surname(words[1])):
            continue  # 'as a waitress at Christmas', 'at Weekends', 'works for Jane Hale': no employer's name
        found.append(Detection(name.start(), name.end(), E.ORGANISATION, 0.6, (DETECTOR,),
                               meta=DetectionMeta(local_kind="the employer")))
    return found


def with_found(detections: list[Detection], found: list[Detection]) -> list[Detection]:
    """The detections with `found` in, and without the NER's guesses inside them ('Sons' of 'Pryce & Sons')."""
    return [d for d in detections if not (set(d.detectors) <= _GUESSES and any(
        e.start < d.end and d.start < e.end for e in found))] + found


def _employer_read_as_a_place(text: str, d: Detection) -> bool:
    """'worked for Pennant Haulage', which the NER took for a place: two capitalised words or more that
    someone works for, read from the words round them, are the employer."""
    return (d.entity == E.LOCATION and set(d.detectors) <= _GUESSES and len(_WORD.findall(text[d.start:d.end])) > 1
            and not _heads(text[d.start:d.end]) and _employed_before(text, d.start))


def _named_like_a_place_of_its_kind(text: str, d: Detection) -> bool:
    """'St Mary's Church', 'Al-Noor Mosque': a name ending in a head word, not 'Jane Church'."""
    words = _WORD.findall(text[d.start:d.end])
    if len(words) < 2 or not _heads(" ".join(words[-2:]), " ".join(words)):
        return False
    first = words[0]
    if first.lower().rstrip(".") in _PERSON_TITLES:
        return False  # 'Dr Jane Hospital': a title opens a person's name
    person_like = known_first_name(first) or word_class(first) == WordClass.PROPER
    return not (len(words) == 2 and person_like and first.lower() not in _SAINT)


def head_after(text: str, d: Detection) -> int | None:
    """Where a head word just after the span ends: the NER's 'St Aidan's' of 'St Aidan's Church'. Only
    an organisation, or a saint's name, takes it in: 'Jane' before 'Church' is a person and a surname."""
    # 'St Joseph's Catholic Church', 'St John's Methodist Church': a few capitalised words may stand between.
    m = _HEAD_AFTER.match(text, d.end)
    if m is None or not _heads(text[d.start:m.end()]):
        return None
    words = _WORD.findall(text[d.start:d.end])
    if d.entity == E.ORGANISATION or (words and words[0].lower() in _SAINT):
        return m.end()
    return None


def _has_a_name(span: str) -> bool:
    """Something names the body beyond its kind: 'Carewell Homecare', not 'Care Services' or 'the Club'."""
    rest = _HEAD.sub(" ", span)
    return any(w[0].isupper() and w.lower() not in ("the", "of", "and") for w in _WORD.findall(rest))


def read_local_organisations(text: str, detections: list[Detection]) -> list[Detection]:
    """Mark each named local organisation with its kind; a 'person' that is one becomes it."""
    out = []
    institutions = tuple((d.start, d.end) for d in detections if d.entity in E.INSTITUTIONS)
    for d in detections:
        if (not d.from_register and not d.meta.reviewer and d.entity == E.ORGANISATION
                and _COURTESY_TITLED.fullmatch(text, d.start, d.end)):
            d = replace(d, entity=E.PERSON)
        if not d.from_register and not d.meta.reviewer and d.entity == E.ORGANISATION:
            company = _COMPANY_AFTER.match(text, d.end)
            if company is not None:
                d = replace(d, end=company.end() - (1 if company.group(0).endswith(".") else 0))
        if not d.from_register and not d.meta.reviewer and d.entity in (E.PERSON, E.LOCATION, E.ORGANISATION):
            end = head_after(text, d)
            if end is not None:
                d = replace(d, end=end, entity=E.ORGANISATION)
        if not d.from_register and not d.meta.reviewer:
            if _employer_read_as_a_place(text, d):
                d = replace(d, entity=E.ORGANISATION, meta=replace(d.meta, local_kind="the employer"))
            elif d.entity in (E.PERSON, E.LOCATION) and _named_like_a_place_of_its_kind(text, d):
                kind = local_kind(text, d, institutions)
                d = replace(d, entity=E.ORGANISATION, meta=replace(d.meta, local_kind=kind))
            elif d.entity == E.ORGANISATION and _has_a_name(text[d.start:d.end]):
                kind = local_kind(text, d, institutions)
                if kind:
                    d = replace(d, meta=replace(d.meta, local_kind=kind))
            if d.meta.local_kind and _HEAD.fullmatch(_WORD.findall(text[d.start:d.end])[-1] if _WORD.search(
                    text, d.start, d.end) else "") and (more := _OF_NAME.match(text, d.end)):
                d = replace(d, end=more.end())  # 'New Testament Church| of God': the rest of its name
        out.append(d)
    # a club the school pattern took, and a school's short name alone (decide/institution_names.py)
    out = _named_again(text, read_institution_names(text, _named_businesses(text, out)))
    found = firm_possessives(text, out)  # 'Fenwick's told the review' (decide/firm_names.py)
    return sorted(with_found(out, found), key=lambda d: (d.start, -d.end)) if found else out


def short_names(name: str) -> list[str]:
    """The names a local organisation goes by without its head word: 'Spice Lounge' of 'the Spice Lounge
    takeaway', and 'Castleton Rovers' of 'Castleton Rovers Junior Football Club' (less the everyday words
    at its end). Two words at least: one word alone ('Ali's') is too often someone's."""
    words = [w for w in _HEAD.sub(" ", name).split() if w.lower() not in ("the", "of")]
    while words and words[-1].rstrip(".").lower() in _COMPANY_ENDINGS:
        words = words[:-1]  # 'Corrigan Haulage' of 'Corrigan Haulage Ltd': the legal ending is seldom written twice
    out = []
    if len(words) == 1 and name.startswith("The ") and words[0][:1].isupper() and not (
            is_first_name(words[0]) or is_surname(words[0]) or is_place(words[0])):
        out.append("The " + words[0])  # 'The Hideout' of 'The Hideout Youth Club': its capital 'The' marks the name
    while len(words) >= 2 and all(w[:1].isupper() for w in words):
        if words[0].lower().rstrip(".") in _SAINT | _COMPASS or is_place(" ".join(words)):
            break  # 'St Mary's', 'North Leeds': a saint's or a place's name, written for itself elsewhere
        out.append(" ".join(words))
        if word_class(words[-1]) not in (WordClass.COMMON, WordClass.BOTH):
            break
        words = words[:-1]
    return out


def _named_again(text: str, detections: list[Detection]) -> list[Detection]:
    """'arrested at the Spice Lounge', after 'the Spice Lounge takeaway': a local organisation's name met
    again without its head word is that organisation, one decision for the string. Where the NER or a
    place's context alone saw something there, the organisation wins."""
    kinds = {short: d.meta.local_kind for d in detections if d.meta.local_kind and not d.from_register
             for short in short_names(("The " if text[max(0, d.start - 4):d.start] == "The " else "") + text[d.start:d.end])}
    if not kinds:
        return detections
    surer = sorted((d.start, d.end) for d in detections if d.meta.local_kind or not set(d.detectors) <= _GUESSES)
    found: list[Detection] = []
    for short, kind in sorted(kinds.items(), key=lambda k: -len(k[0])):
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(short)}(?:(?![\w'’-])|(?=['’]s\b))", text):  # "X's yard" too
            if _LONGER.match(text, m.end()):
                continue  # 'Queen Elizabeth Hospital King's Lynn NHS Foundation Trust': a longer name, read for itself
            if not any(s < m.end() and m.start() < e for s, e in surer + [(f.start, f.end) for f in found]):
                found.append(Detection(m.start(), m.end(), E.ORGANISATION, 0.6, (DETECTOR,),
                                       meta=DetectionMeta(local_kind=kind)))
    return sorted(with_found(detections, found), key=lambda d: (d.start, -d.end))


def _named_businesses(text: str, detections: list[Detection]) -> list[Detection]:
    """A business named before its head word ('the Spice Garden takeaway', 'Ali's Barbers'): the name
    and the head word become one organisation of that kind. What the NER or a place's context alone
    saw inside the name (a 'place' or a 'person') is taken in; any other detection leaves it alone."""
    out = list(detections)
    names: dict[str, str] = {}  # each club's name, without its ending, and its kind
    for m in _NAMED_BUSINESS.finditer(text):
        s, e = m.start(), m.end()
        inside = [d for d in out if d.start < e and s < d.end]
        if any(not (set(d.detectors) <= _GUESSES or _school_of_a_club(d, m)) or d.start < s - 4 or d.end > e
               for d in inside):
            continue
        if text[s:m.end(1)].split()[0].lower() in _SENTENCE_WORDS:
            s = m.start(1) + len(text[s:m.end(1)].split()[0]) + 1  # 'The Spice Garden takeaway' opens a sentence
            if s >= m.end(1):
                continue
        head = " ".join(text[m.end(1):e].lower().split())
        words = text[s:m.end(1)].split()
        if len(words) == 1 and text[m.end(1):e].islower() and word_class(words[0]) is WordClass.COMMON \
                and re.search(r"(?:^|[.!?:]\s|\n)\s*$", text[max(0, s - 3):s]):
            continue  # 'Sometimes gym staff saw him': a sentence's first word before a kind in lower case
        if (len(words) >= 2 and is_first_name(words[-1]) and not re.search(r"['’]s?$", words[-1])
                and words[-2].lower().rstrip(".") not in _SAINT):
            continue  # 'Paramedics Tom Okonjo and Sam Church': a first name before the head word is a person's
        if len(words) == 1 and is_first_name(words[0]) and not re.search(r"['’]s?$", words[0]) \
                or words[0].lower().rstrip(".") in _PERSON_TITLES \
                or " ".join(words).lower() in _FAITHS or all(w.lower() in _FAITHS | {"and", "&"} for w in words):
            continue  # 'Jane Chapel': a first name and a surname ('Ali's Barbers' is a shop); 'the Methodist Church'
        out = [d for d in out if d not in inside]
        out.append(Detection(s, e, E.ORGANISATION, 0.6, (DETECTOR,), meta=DetectionMeta(local_kind="the " + _KIND[head])))
        names["".join(text[s:m.end(1)].split()).lower()] = "the " + _KIND[head]
    for m in _HEAD_THEN_NAME.finditer(text):  # 'Masjid an-Nur', 'Jamia Masjid Ghausia': the head word first
        s, e = m.start(), m.end()
        if m.group("lead") and m.group("lead").split()[0].lower() in _SENTENCE_WORDS:
            s = m.start("head")
        inside = [d for d in out if d.start < e and s < d.end]
        if any(not set(d.detectors) <= _GUESSES for d in inside):
            continue
        out = [d for d in out if d not in inside]
        kind = "the " + _KIND[m.group("head").lower()]
        out.append(Detection(s, e, E.ORGANISATION, 0.6, (DETECTOR,), meta=DetectionMeta(local_kind=kind)))
        names["".join(text[s:e].split()).lower()] = kind
    # 'his coach at Fellside Juniors' after 'Fellside Juniors ARLFC': the club's name alone is the club
    out = [replace(d, entity=E.ORGANISATION, meta=replace(d.meta, local_kind=names[key]))
           if d.entity == E.SCHOOL and (key := "".join(text[d.start:d.end].split()).lower()) in names else d
           for d in out]
    return sorted(out, key=lambda d: (d.start, -d.end))


def _school_of_a_club(d: Detection, m: re.Match[str]) -> bool:
    """'Fellside Juniors' of 'Fellside Juniors ARLFC': a school's word the club's name holds ('Juniors')."""
    return d.entity == E.SCHOOL and d.end <= m.end(1) and _KIND[" ".join(m.group(0)[m.end(1) - m.start():].lower().split())].endswith("club")
