"""The phrase layer: what must be kept whole, found before a detection is accepted, and the lexicon veto.

A kept phrase is one of:
- an allowlisted phrase, or a place the profile keeps, as its longest match ('Bath and North East
  Somerset', not 'North East');
- an agency's name by its shape: a capitalised run of kept places, compass words, 'and'/'of'/'&' and
  agency words, ending in an agency head word ('East and Mid Devon Community Safety Partnership',
  'London Borough of Bromley'), from models/vocabulary/agency_words.txt and compass_words.txt;
- a statute by its shape, capitalised words ending in 'Act' and perhaps its year ('the Criminal
  Justice Act 1967'; decide/legislation.py);
- a medical eponym by its shape, a capitalised name before a medical head noun ('Diogenes
  syndrome'; decide/eponyms.py);
- an acronym the document defines by a kept expansion or one made of common words ('Discharge to
  Assess (DTA)', 'Bedford Borough Safeguarding Children Board (BBSCB)'), at every mention;
- a label and one letter or digit, already anonymous ('Child C', 'Subject A', 'Mr X');
- a section or paragraph number ('2.1' opening a line, 'Para 14.164, 14.168').

A detection inside a kept phrase is dropped; one straddling it is cut at its edge ('Trelawny Kent
County Council' leaves 'Trelawny'). Nothing inside one is spread elsewhere, and
what propagation finds inside one is dropped too.

The lexicon veto: a span the NER alone called a person or place, whose every word is a common
English word (config/english.py: 'Bruising', 'Rapid Reviews', 'Multi'-agency, 'Mum'), is dropped
unless a person cue stands by it: a title before it, a known first name in it, a person verb after it;
or the name lists know it as a person's ('Liberty Archer', 'Destiny'), or the UK places gazetteer as a
place ('Barking', 'Deal').
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from anonymiser.config import places, vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import PhraseIndex, overlapping, phrase_index, subtract
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.defined_acronyms import defined_acronym_spans
from anonymiser.decide.eponyms import eponym_names
from anonymiser.decide.initialled_bodies import initialled_body
from anonymiser.decide.keep import FUNCTION_WORDS, Keeper
from anonymiser.decide.known_names import known_first_names
from anonymiser.decide.legislation import legislation_names
from anonymiser.decide.nhs_trusts import nhs_trust_names
from anonymiser.decide.not_people import in_ethnicity
from anonymiser.decide.place_spans import whole_place
from anonymiser.decide.shapes import (
    common_words_only,
    heading_words_common,
    labels,
    plain,
    section_numbers,
)
from anonymiser.decide.surnames import is_kept_surname
from anonymiser.decide.systems import system_names, system_spans

_WORD = re.compile(r"[^\W_][\w'’]*")
_CONNECTORS = frozenset({"and", "of", "&", "the"})
_SPACY = ("SpacyRecognizer",)
_NER_VETOED = (E.PERSON, E.LOCATION)  # an organisation of common words is still one ("Legal Aid Board")
_NOT_A_NAME = {E.PERSON: frozenset(), E.ORGANISATION: frozenset(), E.LOCATION: vocabulary.words("compass_words")}


@lru_cache(maxsize=1)
def _agency_words() -> tuple[frozenset[str], frozenset[str]]:
    """(every agency word, the head words), lower-cased."""
    labelled = vocabulary.labelled("agency_words")
    return (frozenset(w.lower() for w in labelled),
            frozenset(w.lower() for w, labels in labelled.items() if "head" in labels))


_POLICE_SITE = re.compile(
    rf"[ \t]*(?i:{vocabulary.alternation(vocabulary.having('local_organisation_words', 'police-site'))})(?![\w'’-])")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_FAMILY_WORDS = vocabulary.lower(vocabulary.FAMILY_WORDS)


@lru_cache(maxsize=1)
def _not_named() -> PhraseIndex:
    """Languages, faiths, festivals and ethnicities: words that name no person and no place."""
    return phrase_index("gazetteer", ("faiths_languages_festivals", "ethnicities"))


@lru_cache(maxsize=1)
def _gazetteer() -> PhraseIndex:
    """Places by name, whatever the profile keeps: 'United Kingdom' is a place though its words are common."""
    return phrase_index("gazetteer", ("countries", "nationalities", "local_authorities"))


class PhraseLayer:
    """One document's kept phrases, and the detections they leave."""

    def __init__(self, text: str, keeper: Keeper, allow: PhraseIndex) -> None:
        self.text = text
        self.keeper = keeper
        self.allow = allow
        # allowlisted phrases the keep rules have already cut out (with their exceptions: 'Judge Clarke');
        # here they only vouch for an acronym's expansion
        known: list[tuple[int, int]] = list(keeper.allowed_spans)
        spans: list[tuple[int, int]] = []
        names = keeper.profile.keep_places
        # every place of a kind the profile keeps: an agency named after one is an agency
        self._places = phrase_index("gazetteer", names).find(text) if names else []
        places = [(s, e) for s, e in self._places if keeper.kept_place(text[s:e]) and not self._street_after(e)]
        self._place_spans = frozenset(places)
        spans += places
        spans += self._agency_names() + nhs_trust_names(text)
        spans += legislation_names(text)
        spans += eponym_names(text)
        spans += system_spans(text, system_names(text))  # 'a Merlin report': a record system, no one
        merged = _longest(known + spans)
        spans += defined_acronym_spans(self.text, lambda s, e: any(a <= s and e <= b for a, b in overlapping(merged, s, e)))
        if keeper.profile.keep_labels:
            spans += labels(text)
        self.sections = section_numbers(text)
        self.spans = _longest(spans + self.sections)

    @property
    def place_spans(self) -> frozenset[tuple[int, int]]:
        """Every kept place's span: 'Jordan', 'Devon', 'Bath and North East Somerset'."""
        return self._place_spans

    # --- kept phrases -------------------------------------------------------------------------
    def _agency_names(self) -> list[tuple[int, int]]:
        """Runs of kept places, compass words, connectors and agency words ending in an agency head word."""
        words, heads = _agency_words()
        place_at = {s: e for s, e in self._places}
        toks = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\W_][\w'’]*|&", self.text)]
        # each token's kind: place (a kept place starts here; skip to its end), compass, agency, connector
        kinds: list[tuple[int, int, str, str]] = []
        i = 0
        while i < len(toks):
            s, e, w = toks[i]
            if s in place_at:
                end = max(place_at[s], e)
                i += 1
                while i < len(toks) and toks[i][1] <= end:
                    i += 1
                kinds.append((s, end, "place", self.text[s:end]))
                continue
            if not w[0].isupper():  # most words: a lower-case one is a connector or nothing here
                lowered = w if "'" not in w and "’" not in w else plain(w)
                kinds.append((s, e, "connector" if lowered.lower() in _CONNECTORS else "other", w))
                i += 1
                continue
            low = plain(w).lower()
            if low in words or w.lower() in words:
                kind = "head" if (low in heads or w.lower() in heads) else "agency"
            elif low in _NOT_A_NAME[E.LOCATION]:
                kind = "compass"
            elif word_class(w) in (WordClass.PROPER, WordClass.UNKNOWN) and w.lower() not in known_first_names():
                kind = "proper"  # 'Dartmoor' in 'South Devon and Dartmoor CSP': a place only beside one
            else:
                kind = "other"
            kinds.append((s, e, kind, w))
            i += 1
        out: list[tuple[int, int]] = []
        n = len(kinds)
        i = 0
        while i < n:
            if kinds[i][2] not in ("place", "compass", "agency", "head", "proper"):
                i += 1
                continue
            j = i
            while j < n and kinds[j][2] != "other" and (j == i or not self._gap_breaks(kinds[j - 1][1], kinds[j][0])):
                j += 1
            run = kinds[i:j]
            # trim connectors at both ends, then find the last head word
            while run and run[-1][2] == "connector":
                run.pop()
            last_head = max((k for k, t in enumerate(run) if t[2] == "head"), default=-1)
            if last_head >= 0:
                body = run[:last_head + 1]
                # after the head, 'of' and a place still belong: 'London Borough of Bromley'
                tail = run[last_head + 1:]
                if len(tail) >= 2 and tail[0][3].lower() == "of" and tail[1][2] in ("place", "compass"):
                    k = 1
                    while k < len(tail) and tail[k][2] in ("place", "compass", "connector"):
                        k += 1
                    body += tail[:k]
                while body and body[0][2] == "connector":
                    body.pop(0)
                while body and body[-1][2] == "connector":
                    body.pop()
                if any(t[2] == "place" for t in body):
                    # a lone proper noun counts as a place only joined to a kept place by a connector
                    body = self._trim_propers(body)
                if body and (any(t[2] == "place" for t in body) or initialled_body([t[3] for t in body])) \
                        and not self._local_police_site(body):
                    out.append((body[0][0], body[-1][1]))
            i = j
        return out

    def _local_police_site(self, body: list[tuple[int, int, str, str]]) -> bool:
        """'Harwick Police| Station': a police site named after a place the profile does not keep is a
        place of the force, not an agency; it goes as its kind (decide/local_organisations.py)."""
        site = _POLICE_SITE.match(self.text, body[-1][0]) or _POLICE_SITE.match(self.text, body[-1][1])
        return site is not None and any(t[2] == "place" and not self.keeper.kept_place(t[3]) for t in body)

    def _street_after(self, end: int) -> bool:
        """'Harrow Lane', 'Devon House': a place's name that begins a street's or building's is not the place."""
        after = re.match(r"[ \t]+([A-Z][\w'’]*)", self.text[end:end + 30])
        return after is not None and (after.group(1) in vocabulary.STREET_TYPE_WORDS
                                      or after.group(1).lower() in vocabulary.words("building_words"))

    def _gap_breaks(self, end: int, start: int) -> bool:
        """A blank line, a line break or punctuation between two words ends a name."""
        return not re.fullmatch(r"[ \t]+", self.text[end:start])

    def _trim_propers(self, body: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """Drop leading proper nouns that no connector joins to a place, unless one opens the name before an
        agency word ('London Borough of Bromley'); after another capitalised word it is a surname ('Claire
        Hendry Avon and Wiltshire ...', 'John Pelling NHS England ...')."""
        while body and body[0][2] == "proper":
            # after another capitalised word ('Sarah Kowalczyk and Devon County Council') it is a surname
            alone = not re.search(r"[A-Z][\w'’-]*[ \t]+$", self.text[max(0, body[0][0] - 40):body[0][0]])
            if alone and len(body) > 2 and body[1][2] == "connector" and body[2][2] in ("place", "compass"):
                break
            if alone and len(body) > 1 and body[1][2] in ("agency", "head"):
                break
            body = body[1:]
            while body and body[0][2] == "connector":
                body = body[1:]
        return body

    # --- applying them ------------------------------------------------------------------------
    def filter(self, detections: list[Detection]) -> list[Detection]:
        """Drop what lies inside a kept phrase, cut what straddles one; then the lexicon veto."""
        out: list[Detection] = []
        for d in detections:
            if d.from_register or d.meta.reviewer:
                out.append(d)
                continue
            d = whole_place(self.text, d)  # 'Caister' of 'Caister-on-Sea', 'Flat' of 'Flat 6'
            if E.ENTITY_TYPES[d.entity].structured:
                # a code, address or link is never cut; only a section number read as one goes
                if not any(s <= d.start and d.end <= e for s, e in overlapping(self.sections, d.start, d.end)):
                    out.append(d)
                continue
            for piece in self._cut(d):
                for q in self._postnominals(piece):
                    out.extend(self._veto(q))
        return out

    def _cut(self, d: Detection) -> list[Detection]:
        hits = overlapping(self.spans, d.start, d.end)
        if d.entity in E.INSTITUTIONS or d.meta.local_kind:
            # 'St Anne's Church of England Primary School', 'Arriva Kent Thameside': a kept phrase inside a name,
            # with the name on both sides of it, is part of the name, not a place of its own; so is a
            # kept place that opens it ('Cumberland Surgery' is no 'Cumberland the GP practice').
            hits = [(s, e) for s, e in hits if not (d.start < s and e < d.end)
                    and not ((s, e) in self._place_spans and e < d.end)]
        if hits and d.entity == E.ORGANISATION and _named_kind_last(self.text[d.start:d.end]):
            # 'Carlisle City Hospital': a hospital, church or university named by a place is a
            # local body, and the place is its name, even when the place is the kept area
            hits = [h for h in hits if h not in self._place_spans]
        if hits and d.entity == E.PERSON:
            # 'Sarah Kent', 'Ms Nurse', 'Siân Powys': a kept word (a place, a role, a nationality) beside
            # a first name or a title in a person's span is their surname, and cutting it out would
            # publish it beside the label
            hits = [h for h in hits if not (len(self.text[h[0]:h[1]].split()) == 1
                                            and is_kept_surname(self.text, d.start, d.end, *h))]
        if not hits:
            return [d]
        pieces = subtract(d.start, d.end, hits)
        out = []
        for s, e in pieces:
            chunk = self.text[s:e]
            s += len(chunk) - len(chunk.lstrip(" ,.;:'’-–\n\t("))
            e -= len(chunk) - len(chunk.rstrip(" ,.;:'’-–\n\t("))
            words = [w for w in _WORD.findall(self.text[s:e]) if w.lower() not in FUNCTION_WORDS]
            if e <= s or not words:
                continue
            if d.entity in _NOT_A_NAME and not any(w[0].isupper() and w.lower() not in _NOT_A_NAME[d.entity] for w in words):
                continue  # no name left: lower-case words, or the 'West' of 'West Norfolk', no place itself
            out.append(replace(d, start=s, end=e))
        return out

    def _postnominals(self, d: Detection) -> list[Detection]:
        """'AASW', 'Dip': a span the NER alone read as a person, made only of post-nominals, names nobody.
        After a name ('Gladys Okoro-Bright OBE') they stay in its span: a replacement that takes them in
        hides nothing more, and cutting them would leave 'the QC' beside the pseudonym."""
        if d.entity != E.PERSON or d.detectors != _SPACY:
            return [d]
        post = frozenset(vocabulary.entries("postnominals"))  # as written: 'MA', never the surname 'Ma'
        words = re.findall(r"[^\W_][\w'’-]*", self.text[d.start:d.end])
        return [] if words and all(w in post for w in words) else [d]

    def _veto(self, d: Detection) -> list[Detection]:
        """A person or place the NER alone found, made only of common words and with no person cue, goes.
        A span across line breaks is judged line by line ('Kevin Ball' / 'Sentencing')."""
        if d.entity not in _NER_VETOED or d.detectors != _SPACY:
            return [d]
        other = self._other_reading(d)
        if other is not d:
            return [other] if other is not None else []
        out = []
        pos = d.start
        for line in self.text[d.start:d.end].split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            lead = len(line) - len(line.lstrip())
            s, e = s + lead, e - (len(line) - len(line.rstrip()))
            if e <= s:
                continue
            if (common_words_only(self.text[s:e]) or heading_words_common(self.text, s, e)) and not self._person_cue(s, e) and not self._street(s, e) \
                    and not _gazetteer().find(self.text[s:e]) \
                    and not (d.entity == E.PERSON and _named(self.text[s:e])) \
                    and not (d.entity == E.LOCATION and places.is_place(self.text[s:e])):
                continue
            out.append(d if (s, e) == (d.start, d.end) else replace(d, start=s, end=e))
        return out

    def _other_reading(self, d: Detection) -> Detection | None:
        """One word the gazetteers know as no person's name: a language, faith or ethnicity ('Urdu',
        'Traveller') names nobody, a family word ('Nan', 'Mam') is a role, and a UK town the name
        lists do not know ('Bridgwater') is a place. None drops it; `d` itself means no other reading."""
        word = _POSSESSIVE_END.sub("", self.text[d.start:d.end].strip())
        if d.entity == E.PERSON and in_ethnicity(self.text, d.start, d.end):
            return None  # 'Mixed White' of 'mixed White British': an ethnicity names nobody
        if not word or " " in word:
            return d
        if _not_named().find(word) == [(0, len(word))]:
            return None
        if d.entity == E.PERSON and word.lower() in _FAMILY_WORDS and not is_first_name(word) \
                and not self._titled(d.start):
            return None  # 'Mummy said': a child's word for a parent, whatever follows it
        if d.entity != E.PERSON or self._person_cue(d.start, d.end):
            return d
        if word.lower() in _FAMILY_WORDS:
            return None
        if places.named_in(self.text, word) and not is_first_name(word) and not is_surname(word):
            return replace(d, entity=E.LOCATION)
        return d

    def _titled(self, start: int) -> bool:
        before = re.findall(r"[\w'’]+", self.text[max(0, start - 20):start])
        return bool(before) and before[-1].lower().rstrip(".") in vocabulary.NAME_TITLES

    def _person_cue(self, start: int, end: int) -> bool:
        if self._titled(start):
            return True
        after = re.match(r"[\s,]*(?:(?:has|had|then|also|later)\s+)?([a-z]+)", self.text[end:end + 30])
        return after is not None and after.group(1) in vocabulary.words("person_verbs")

    def _street(self, start: int, end: int) -> bool:
        """'Station Road', 'Mill Lane': a street made of common words is still a street."""
        words = _WORD.findall(self.text[start:end])
        return bool(words) and (words[-1] in vocabulary.STREET_TYPE_WORDS
                                or words[-1].lower() in vocabulary.words("building_words"))

    def inside(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in overlapping(self.spans, start, end))


def _named_kind_last(span: str) -> bool:
    """The span ends in the kind of a private or local body (models/vocabulary/named_organisation_words.txt)."""
    words = _WORD.findall(span)
    return bool(words) and words[-1].lower() in vocabulary.words("named_organisation_words")


def _named(span: str) -> bool:
    """The name lists know the span as a person's: a first name then a surname ('Liberty Archer'), or
    one capitalised word that is a first name ('Destiny'). A word such as 'Comfort' is evidence of a
    name only so; a phrase such as 'Rapid Reviews' is neither."""
    words = [w for w in _WORD.findall(span) if w[0].isupper()]
    if len(words) == 1:
        return is_first_name(words[0])
    return len(words) >= 2 and is_first_name(words[0]) and is_surname(words[-1])


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted and merged where they overlap: kept phrases that meet are kept as one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
            continue
        out.append((s, e))
    return out


__all__ = ["PhraseLayer", "common_words_only"]
