"""People the detectors missed, found from evidence: a name list, the local context, the layout.

Two shapes here, each one decision per distinct string in a document:

- a first name that is also a month or a word ('June', 'Hope', 'Will'): a person when some
  mention carries person evidence (a possessive, a verb that takes a person after it, a role
  word before it, an apposition such as ', a retired teacher'); then it is the person at every
  capitalised mention except where the local context says otherwise ('June 2021', '4 June',
  'in June', 'Will you');
- initials that stand for a person ('HD', 'S.A.'): two or three capitals, not an acronym the
  document defines ('(HD)'), not on an allowlist, gazetteer or title list and not an English
  word, with person evidence at some mention (a role word before: 'his mother SR', 'Child HD';
  'was born', 'died' after; a possessive before a family word: "KW's mother");
- people listed with their roles or agencies: decide/listed_people.py.

The cue words are data (models/vocabulary/person_cues.txt, family_words, child_roles,
professional_roles, allowlist/roles); the name lists come from config.names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymiser.config import places, vocabulary
from anonymiser.config.data import load_list
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import PhraseIndex, overlapping, phrase_index
from anonymiser.config.lexicon import merged as _merged
from anonymiser.config.names import is_first_name
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.propagation import collision_hit
from anonymiser.decide.wording import line_in_capitals
from anonymiser.detect.date_context import date_context
from anonymiser.detect.recognizers.register_words import office_at

DETECTOR = "PersonEvidence"
SCORE = 0.9

_NAME_WORD = re.compile(r"(?<![\w'’.@/-])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?![\w@/-])")
# Two or three capitals, as 'HD' or 'H.D.' / 'S.A' (not mixed), standing alone.
_INITIALS = re.compile(r"(?<![\w.'’@/&-])(?:[A-Z]{2,3}|[A-Z]\.[A-Z](?:\.[A-Z])?\.?)(?![\w@/&-]|\.\w|['’]\w\w)")
_POSSESSIVE = re.compile(r"['’]s?\b")
_ARTICLE = r"(?:a|an|the|his|her|their|its|our|my)"


def _cue(label: str) -> tuple[str, ...]:
    return vocabulary.having("person_cues", label)


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Words that name a person's role or relation ('mother', 'partner', 'child', 'nurse'): the
    one-word roles of the lists, and the last word of a longer role when it is one of them
    ('social worker' gives 'worker'), never 'service' of 'Probation Service'."""
    phrases = load_list("allowlist", "roles") + vocabulary.entries("family_words", "child_roles", "professional_roles")
    single = {p.lower() for p in phrases if " " not in p}
    single |= {p.split()[-1].lower() for p in phrases if " " in p and p.split()[-1].lower() in single}
    single |= {"worker", "visitor"}
    return frozenset(w for w in single if w not in _NOT_ROLES)


# One-word entries of the role lists that name a group or a service, not the person beside them.
_NOT_ROLES = frozenset({"people", "staff", "services", "service", "professionals", "practitioners", "parents",
                        "siblings", "grandparents", "children", "year", "case", "health", "housing", "lead",
                        "clinical", "probation"})


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    verbs = vocabulary.alternation(_cue("verb"))
    strong_verbs = vocabulary.alternation(tuple(v for v in _cue("verb") if v not in _cue("weak")))
    initial_verbs = vocabulary.alternation(_cue("initials"))
    nouns = vocabulary.alternation(tuple(role_words()) + _cue("noun"))
    return {
        "verb": re.compile(rf"(?:['’]s?)?\s+(?:(?:also|then|later|had|has|was|would|could|never|not)\s+)?(?:{verbs})\b"),
        "strong_verb": re.compile(rf"(?:['’]s?)?\s+(?:(?:also|then|later|had|has|was|would|could|never|not)\s+)?(?:{strong_verbs})\b"),
        "initials_verb": re.compile(rf"\s+(?:(?:also|then|later|had|has|was|never)\s+)?(?:{initial_verbs})\b"),
        "role_before": re.compile(rf"\b(?:{nouns})s?\s*,?\s*$", re.I),
        "apposition": re.compile(rf"\s*,\s*{_ARTICLE}\s+(?:[\w'’-]+\s+){{0,4}}?(?:{nouns})\b", re.I),
        "possessive_person": re.compile(rf"['’]s?\s+(?:[\w-]+\s+)?(?:{nouns}|life|birth|death)\b", re.I),
    }


_CAPITAL_BEFORE = re.compile(r"(?<![.!?:;]\s)(?<![.!?:;])\b[A-Z][\w'’-]*[ \t]+$")


def _after_capital(text: str, s: int) -> bool:
    """Right after another capitalised word mid-sentence: part of a longer name or title ('Attorney General')."""
    m = _CAPITAL_BEFORE.search(text, max(0, s - 30), s)
    return m is not None and m.group(0).split()[0].lower().rstrip(".") not in vocabulary.NAME_TITLES


def _spans_taken(text: str, detections: list[Detection]) -> list[tuple[int, int]]:
    """Spans of detections a person found here must not break: anything but a date or a person.
    A possessive ending is not part of one ("Liberty's" the NER called an organisation is 'Liberty')."""
    return _merged([(d.start, strip_possessive(text, d.start, d.end)) for d in detections
                    if d.entity not in (E.DATE, E.PERSON)])


def _free(s: int, e: int, taken: list[tuple[int, int]], kept: list[tuple[int, int]]) -> bool:
    """Not inside an allowlisted span, nor breaking another detection; one of exactly these words
    (the NER's 'KW' as a place) is a reading this decision overrides."""
    return all(t == (s, e) for t in overlapping(taken, s, e)) and not overlapping(kept, s, e)


def evidence_person(s: int, e: int, rule: str) -> Detection:
    return Detection(s, e, E.PERSON, SCORE, (DETECTOR, rule))


def strip_possessive(text: str, s: int, e: int) -> int:
    m = _POSSESSIVE.search(text, s, e)
    return m.start() if m and m.end() == e else e


def _person_cue(text: str, s: int, e: int, wordlike: bool) -> bool:
    """A possessive before a person word, an apposition, a role word before, or a person verb after."""
    p = _patterns()
    before, after = text[max(0, s - 40, text.rfind("\n", 0, s) + 1):s], text[e:e + 60]
    if p["apposition"].match(after) or p["possessive_person"].match(text, e):
        return True
    if p["role_before"].search(before) and not before.rstrip().endswith("."):
        return True
    if not wordlike:
        return bool(p["verb"].match(text, e))
    # 'Will said', but not 'Hope is', 'Will you' or 'Attorney General stated'
    return bool(p["strong_verb"].match(text, e)) and collision_hit(text, s, e) and not _after_capital(text, s)


# Words after which a town is where something is ('lived in Chester'); 'to' and 'from' are not among
# them, since people are spoken to and heard from ('spoke to Hope').
_IN_PLACE = vocabulary.place_before("town")


def _the_place(text: str, s: int, e: int) -> bool:
    """'lived in Chester', where Liam Chester is someone: a town the gazetteer knows after a word of
    where is the town."""
    return places.named_in(text, text[s:e]) and _IN_PLACE.search(text, max(0, s - 12), s) is not None


def name_words(text: str, detections: list[Detection], kept: list[tuple[int, int]]) -> list[Detection]:
    """First names that are also months or words, where the document's evidence says person."""
    months = vocabulary.lower(vocabulary.MONTHS)
    people = _merged([(d.start, d.end) for d in detections if d.entity == E.PERSON])
    taken = _spans_taken(text, detections)
    mentions: dict[str, list[tuple[int, int]]] = {}
    for m in _NAME_WORD.finditer(text):
        word = m.group(0)
        e = strip_possessive(text, m.start(), m.end())
        word = text[m.start():e]
        if len(word) > 2 and is_first_name(word):
            mentions.setdefault(word, []).append((m.start(), e))
    out: list[Detection] = []
    for word, spans in mentions.items():
        month = word.lower() in months
        kind = word_class(word)
        wordlike = kind in (WordClass.COMMON, WordClass.BOTH)
        # only what the NER did not already take as a person at every mention
        if all(overlapping(people, s, e) for s, e in spans):
            continue
        usable = [(s, e) for s, e in spans if not date_context(text, s, e, month) and _free(s, e, taken, kept)
                  and not _the_place(text, s, e) and not (wordlike and office_at(text, s, e))]
        strong = {(s, e) for s, e in usable if _person_cue(text, s, e, wordlike)}
        if not strong:
            continue
        for s, e in usable:
            if overlapping(people, s, e):
                continue
            if wordlike and (s, e) not in strong and not (collision_hit(text, s, e) and not _after_capital(text, s)):
                continue  # 'Will you', 'Hope is' at a sentence start, 'Attorney General': the word
            out.append(evidence_person(s, e, "name-word"))
    return out


def _defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms the document spells out: '(SAR)', 'SAR (Safeguarding Adults Review)', 'SAR: ...' in a glossary."""
    found = set(re.findall(r"\(\s*([A-Z](?:\.?[A-Z]){1,5}\.?)s?\s*\)", text))
    found |= set(re.findall(r"(?<![\w.])([A-Z]{2,6})\s*\(\s*(?:[A-Z][a-z]+\s+){1,}", text))
    found |= set(re.findall(r"(?m)^\s*([A-Z]{2,6})\s*[:=–-]\s+[A-Z][a-z]+\s+[A-Z]?[a-z]+", text))
    return frozenset(a.replace(".", "") for a in found)


# A glossary's entry, bold or not: '**CT**: computed tomography', 'ED - Emergency Department'.
_GLOSSARY_ENTRY = re.compile(r"(?<![\w.])\**([A-Z]{2,6})\**\s*[:=–-]\s+([^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,7})")


def _glossed_acronyms(text: str) -> frozenset[str]:
    """Acronyms a glossary spells out in words that are not a person's name: '**CT**: computed
    tomography' ('c', 't' open its words; 'Kyle' of 'KM: Kyle Matthews' is a first name)."""
    out = set()
    for m in _GLOSSARY_ENTRY.finditer(text):
        letters, words = m.group(1), re.split(r"[\s-]+", m.group(2))
        initial = "".join(w[0] for w in words[:len(letters)]).upper()
        if initial == letters and not any(is_first_name(w) for w in words[:len(letters)]):
            out.add(letters)
    return frozenset(out)


def _known_acronym(letters: str, allow: PhraseIndex) -> bool:
    if letters in allow or letters.lower() in vocabulary.NAME_TITLES:
        return True
    if word_class(letters) in (WordClass.COMMON, WordClass.BOTH):
        return True  # 'IT', 'US', 'AM': words the lexicon lists
    places = phrase_index("gazetteer", ("countries", "nationalities", "local_authorities"))
    return letters in places


_POSTNOMINAL_SET = frozenset(vocabulary.entries("postnominals"))  # as written: 'MA', never 'Ma'
POSTNOMINALS_AFTER = re.compile(
    rf"(?:[ \t]*,[ \t]*(?:{vocabulary.alternation(_POSTNOMINAL_SET)})(?![\w'’-]))+")
# A post-nominal after a name and its comma, or after another: 'Jo Bell, MA', 'Jo Bell, BA, MA'.
_AFTER_NAME_COMMA = re.compile(r"[A-Z][\w'’-]*\.?,[ \t]*$")


def _postnominal_at(text: str, s: int, e: int) -> bool:
    """'MA' of 'Jo Bell, MA, CQSW': a degree or qualification after a name is no one's initials."""
    return text[s:e] in _POSTNOMINAL_SET and bool(_AFTER_NAME_COMMA.search(text, max(0, s - 40), s))


def initials(text: str, detections: list[Detection], kept: list[tuple[int, int]], allow: PhraseIndex) -> list[Detection]:
    """Two or three capitals that stand for a person, wherever the document shows it."""
    p = _patterns()
    # The NER's guess that bare initials are an organisation or a place ('J.P.', 'H.O.') takes nothing.
    taken = _spans_taken(text, [d for d in detections if not (
        d.detectors == ("SpacyRecognizer",) and d.entity in (E.ORGANISATION, E.LOCATION)
        and _INITIALS.fullmatch(text, d.start, d.end))])
    defined = _defined_acronyms(text)
    glossed = _glossed_acronyms(text)
    mentions: dict[str, list[tuple[int, int]]] = {}
    for m in _INITIALS.finditer(text):
        s, e = m.span()
        if not _postnominal_at(text, s, e):
            mentions.setdefault(m.group(0).replace(".", ""), []).append((s, e))
    named = _name_initials(text, detections)
    out: list[Detection] = []
    for letters, spans in mentions.items():
        if letters in allow or letters.lower() in vocabulary.NAME_TITLES or letters in glossed:
            continue  # 'CT: computed tomography' stands for no one, though Callum Thwaite is named
        if letters.upper() in named and all(_free(s, e, taken, kept) for s, e in spans):
            # 'Kyle Matthews ("KM")', 'KW (Kirsty Walsh)': a person's own initials, even where the
            # lexicon knows the letters as a word or unit ('km'), or the name reads as their expansion
            out.extend(evidence_person(s, e, "initials") for s, e in spans if not _word_in_capitals(text, s, e))
            continue
        if letters in defined:
            continue
        if _known_acronym(letters, allow):
            continue
        if any(text[s:e].replace(".", "").lower() != letters.lower() for s, e in spans):
            continue
        evidence = False
        for s, e in spans:
            if not _free(s, e, taken, kept):
                continue
            line_start = text.rfind("\n", 0, s) + 1
            if text[line_start:s].strip() == "" and text[e:e + 1] in (".", ")"):
                continue  # a list marker
            before = text[max(line_start, s - 40):s]
            if (p["initials_verb"].match(text, e) or p["possessive_person"].match(text, e)
                    or _KNOWN_AS.search(before)
                    or (p["role_before"].search(before) and not before.rstrip().endswith("."))):
                evidence = True
                break
        if not evidence:
            continue
        for s, e in spans:
            if _free(s, e, taken, kept):
                out.append(evidence_person(s, e, "initials"))
    return out


_CAPITALS_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]+$")
_CAPITALS_AFTER = re.compile(r"[ \t]+[A-Z]{2,}\b")


def _word_in_capitals(text: str, s: int, e: int) -> bool:
    """'VEH ON DRIVE', 'BY PHONE 07700 900538 AT 02:20': a common word between two words in capitals, or on
    a line typed in capitals, is that word, though Oskar Nowak's initials are 'ON' and Anwen Treharne's
    'AT'. Beside a title or in a sentence ('HV AT visited', 'DC ON attended') they are the person's."""
    if word_class(text[s:e]) not in (WordClass.COMMON, WordClass.BOTH):
        return False
    if line_in_capitals(text, s, least=12):
        return True
    before = _CAPITALS_BEFORE.search(text, max(0, s - 30), s)
    after = _CAPITALS_AFTER.match(text, e)
    return before is not None and after is not None and not any(
        m.group(0).strip().lower() in vocabulary.NAME_TITLES for m in (before, after))


# 'identified as J.P.', 'known only as "DW"': what a person is called, written just before.
_KNOWN_AS = re.compile(r"\b(?:known|identified|referred\s+to|recorded|named|signed|called)(?:\s+only)?\s+as\s*[\"“‘']?$",
                       re.I)


def _name_initials(text: str, detections: list[Detection]) -> frozenset[str]:
    """The initials of every person the document names in full ('Kyle Matthews' -> 'KM')."""
    out = set()
    for d in detections:
        if d.entity != E.PERSON:
            continue
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[d.start:d.end])
                 if w[0].isupper() and w.lower().rstrip(".") not in vocabulary.TITLE_WORDS]
        if 2 <= len(words) <= 3:
            out.add("".join(w[0] for w in words).upper())
    return frozenset(out)
