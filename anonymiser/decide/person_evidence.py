"""People the detectors missed, found from evidence: a name list, the local context, the layout.

Three shapes, each one decision per distinct string in a document:

- a first name that is also a month or a word ('June', 'Hope', 'Will'): a person when some
  mention carries person evidence (a possessive, a verb that takes a person after it, a role
  word before it, an apposition such as ', a retired teacher'); then it is the person at every
  capitalised mention except where the local context says otherwise ('June 2021', '4 June',
  'in June', 'Will you');
- initials that stand for a person ('HD', 'S.A.'): two or three capitals, not an acronym the
  document defines ('(HD)'), not on an allowlist, gazetteer or title list and not an English
  word, with person evidence at some mention (a role word before: 'his mother SR', 'Child HD';
  'was born', 'died' after; a possessive before a family word: "KW's mother");
- people listed with their roles or agencies: a block of three or more lines that each open with
  a first name and a second capitalised word (a panel list), or a name after 'by:' / 'Author:'
  or under an 'Author' or 'Chair' line. The name is the person; the agency after it stays.

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
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.people import ORGANISATION_WORD
from anonymiser.decide.propagation import collision_hit
from anonymiser.detect.date_context import date_context

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
def _role_words() -> frozenset[str]:
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
    nouns = vocabulary.alternation(tuple(_role_words()) + _cue("noun"))
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
    return _merged([(d.start, _strip_possessive(text, d.start, d.end)) for d in detections
                    if d.entity not in (E.DATE, E.PERSON)])


def _free(s: int, e: int, taken: list[tuple[int, int]], kept: list[tuple[int, int]]) -> bool:
    """Not inside an allowlisted span, nor breaking another detection; one of exactly these words
    (the NER's 'KW' as a place) is a reading this decision overrides."""
    return all(t == (s, e) for t in overlapping(taken, s, e)) and not overlapping(kept, s, e)


def _person(s: int, e: int, rule: str) -> Detection:
    return Detection(s, e, E.PERSON, SCORE, (DETECTOR, rule))


def _strip_possessive(text: str, s: int, e: int) -> int:
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
        e = _strip_possessive(text, m.start(), m.end())
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
                  and not _the_place(text, s, e)]
        strong = {(s, e) for s, e in usable if _person_cue(text, s, e, wordlike)}
        if not strong:
            continue
        for s, e in usable:
            if overlapping(people, s, e):
                continue
            if wordlike and (s, e) not in strong and not (collision_hit(text, s, e) and not _after_capital(text, s)):
                continue  # 'Will you', 'Hope is' at a sentence start, 'Attorney General': the word
            out.append(_person(s, e, "name-word"))
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
_POSTNOMINALS_AFTER = re.compile(
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
            out.extend(_person(s, e, "initials") for s, e in spans)
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
                out.append(_person(s, e, "initials"))
    return out


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


# A cue that the name after it is the author, chair or a member: 'Report by:', 'Author:', 'Chair:'.
_CUE_BEFORE = re.compile(
    r"(?:\b(?:produced|written|prepared|compiled|authored|chaired|led|undertaken|conducted)\s+by\s*:?"
    r"|\b(?:by|author|chair|reviewer|writer|chairperson)\s*:)\s*$", re.I)
_CUE_LINE = re.compile(
    r"^\s*(?:(?:report|lead|independent|overview)\s+)*(?:author|chair|chairperson|reviewer|writer)s?\s*:?\s*$", re.I)
_PAIR = re.compile(r"([A-Z][\w'’-]+)[ \t]+([A-Z][\w'’-]+)")
_LEAD = re.compile(r"[ \t\u2022*•·\-–]*")




def _titled_name_at(line: str, at: int) -> bool:
    """The line opens with one or more titles and then a name ('Dr Amal Rahim', 'Det Sgt Karl Pettifer')."""
    words = re.findall(r"[\w.'’-]+", line[at:at + 60])
    i = 0
    while i < len(words) and words[i].lower().rstrip(".") in vocabulary.TITLE_WORDS:
        i += 1
    return 0 < i < len(words) and words[i][:1].isupper()


def _pair_ok(first: str, second: str, in_block: bool) -> bool:
    """'Maya Trelawny': a word that is a first name or no common word, then a surname-like word.
    In a list of such lines the first word may be a common word too ('Moss Pennick') when the
    second is a surname or unknown to the lexicon."""
    if first.lower().rstrip(".") in vocabulary.TITLE_WORDS or second.lower().rstrip(".") in vocabulary.TITLE_WORDS:
        return False  # 'Mr Martin Eaton', 'Det Sgt Karl Pettifer': the NER reads titled names whole
    if word_class(first) is WordClass.COMMON and not is_first_name(first):
        if not in_block or not (is_surname(second) or word_class(second) is WordClass.UNKNOWN):
            return False
    words = (first.lower(), second.lower())
    if any(w in _role_words() or w in vocabulary.lower(vocabulary.STREET_TYPES) for w in words):
        return False
    sc = word_class(second)
    return sc in (WordClass.UNKNOWN, WordClass.PROPER) or is_surname(second)


def listed_people(text: str, detections: list[Detection], kept: list[tuple[int, int]]) -> list[Detection]:
    """People listed with their roles or agencies, and named authors and chairs.

    A NER organisation or place over the name and its agency does not stop it: the person wins
    the overlap, the agency keeps the rest."""
    taken = _merged([(d.start, d.end) for d in detections
                     if d.entity not in (E.DATE, E.PERSON) and d.detectors != ("SpacyRecognizer",)])
    places = phrase_index("gazetteer", ("local_authorities", "countries")).find(text)
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]*", text) if m.group(0).strip()]
    found: list[tuple[int, int, str]] = []

    def pair_at(start: int, line: str, at: int, in_block: bool) -> tuple[int, int] | None:
        m = _PAIR.match(line, at)
        if not m or not _pair_ok(m.group(1), m.group(2), in_block):
            return None
        s = start + m.start()
        e = _strip_possessive(text, s, start + m.end())
        if overlapping(places, s, e) or overlapping(kept, s, e) or overlapping(taken, s, e):
            return None
        return s, e

    # a block of three or more lines that each open with a name: a panel or a list of contributors
    run: list[tuple[int, int]] = []
    named = titled = 0
    for start, line in lines + [(len(text), "")]:
        lead = _LEAD.match(line)
        at = lead.end() if lead else 0
        got = pair_at(start, line, at, in_block=True) if line else None
        if got is not None:
            run.append(got)
            named += is_first_name(text[got[0]:got[1]].split()[0])
            continue
        if line and _titled_name_at(line, at):
            titled += 1  # 'Det Sgt Karl Pettifer (Police)': a member of the list the NER reads whole
            continue
        if run and len(run) + titled >= 3 and named * 2 >= len(run):
            found.extend((s, e, "people-list") for s, e in run)
        run, named, titled = [], 0, 0
    # a name after a cue on its line or under a cue line
    previous = ""
    for start, line in lines:
        for m in _PAIR.finditer(line):
            cue = _CUE_BEFORE.search(line, 0, m.start())
            under = _CUE_LINE.match(previous) and not line[:m.start()].strip(" \t•*-–")
            if cue or under:
                got = pair_at(start, line, m.start(), in_block=False)
                if got is not None:
                    after = _POSTNOMINALS_AFTER.match(text, got[1])  # 'Jo Bell, MA, CQSW': hers, no one else's
                    found.append((got[0], after.end() if after else got[1], "named-author"))
                break
        previous = line
    return [_person(s, e, rule) for s, e, rule in found]


def drop_spilled_people(text: str, detections: list[Detection], found: list[Detection],
                        kept: list[tuple[int, int]]) -> list[Detection]:
    """A NER person that ran from a listed name into the agency after it ('Trelawny Kent', where Kent
    is a council's name), or across a line into the role before it, is dropped; the listed name
    stands for it. One that ran on into more of
    the name ('Oya Ersoy Ataman') stays, and keeps what the listed name does not cover."""
    spans = _merged([(d.start, d.end) for d in found])
    places = phrase_index("gazetteer", ("local_authorities", "countries")).find(text)
    out = []
    for d in detections:
        if d.entity == E.PERSON and not d.from_register:
            hits = overlapping(spans, d.start, d.end)
            spilled = [(e, d.end) for _, e in hits[-1:] if d.end > e] + [(d.start, s) for s, _ in hits[:1] if d.start < s]
            if any("\n" in text[a:b] or overlapping(places, a, b) or overlapping(kept, a, b)
                   or ORGANISATION_WORD.search(text, a, b) for a, b in spilled):
                continue
        out.append(d)
    return out

