"""Consistency: once something is detected anywhere in a document, find every other mention of it."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from anonymiser.config import places, vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import PhraseIndex, WordIndex, after_space
from anonymiser.config.names import only_a_word
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.not_people import in_ethnicity
from anonymiser.decide.residue_scan import acronyms
from anonymiser.detect.recognizers.case_register import word_collisions

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
_FAMILY = vocabulary.lower(vocabulary.FAMILY_WORDS)
MIN_TOKEN = 3
_POSSESSIVE_S = re.compile(r"['’]s?$")
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")


def person_tokens(name: str, allow: PhraseIndex, collisions: bool = False) -> list[str]:
    """The words of a name worth finding on their own: capitalised, not titles, roles or common words.

    With `collisions`, names that are also words ('Will', 'Hope') are included too; the caller
    must then look harder at each hit."""
    out = []
    for i, t in enumerate(_TOKEN.findall(name)):
        t = re.sub(r"['’]s?$", "", t)
        if (len(t) >= MIN_TOKEN and t[0].isupper() and t.lower() not in vocabulary.NAME_TITLES
                and (collisions or t.lower() not in word_collisions()) and t not in allow
                and not only_a_word(t)  # 'TEL' read into 'LINDA WHITFIELD TEL' would spread everywhere
                and not (i == 0 and t in acronyms())  # so would 'CSPR' read into 'CSPR Denisa H.' (a 'QC' after stays)
                and t.lower() not in _FAMILY):  # and 'Aunty' of 'Aunty Monika'
            out.append(t)
    return out


_SENTENCE_START = vocabulary.SENTENCE_START_FOR_NAMES
_LETTER_NAME = re.compile(r"[B-HJ-Z]\.?")  # "K", "M.": a person known by an initial (never "A" or "I")
# Town of an address: the comma part before the postcode or at the end ("…, March, PE15 9RZ").
_ADDRESS_TOWN = re.compile(r",\s*([A-Z][\w'’]+(?:[ -][A-Z][\w'’]+){0,2})\s*(?:,?\s*[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})?\s*$")


# Words that follow the modal or common-noun reading of a name-word, not the name ('Will you', 'May the').
_NOT_AFTER_NAME = frozenset("""i you we they he she it there this that these those the a an be be have not
also only then now this your our their his her its my be been being""".split())


def collision_hit(text: str, s: int, e: int) -> bool:
    """'Will' of 'Will Tanner' is the name when capitalised mid-sentence; 'WILL' when its neighbours are not
    in capitals too (a capitals block says 'MOTHER WILL ATTEND')."""
    got = text[s:e]
    if got.isupper() and len(got) > 1:
        before = re.findall(r"[^\W\d_]+", text[max(0, s - 30):s])
        near = before[-1:] or re.findall(r"[^\W\d_]+", text[e:e + 30])[:1]
        return bool(near) and not near[0].isupper()
    if not got[0].isupper() or got[1:].isupper():
        return False
    if re.match(r"\s*\d", text[e:e + 3]) or re.search(r"\d(st|nd|rd|th)?\s*$", text[max(0, s - 6):s]):
        return False  # 'May 2023', '14 March': a month, not the name
    if not _SENTENCE_START.search(text[max(0, s - 12):s]):
        return True
    # At a sentence start 'Will shouted' and "Will's school" are the name, 'Will you…' / 'Will the plan…' the word.
    if re.match(r"['’]s\b", text[e:e + 3]):
        return True
    following = re.match(r"\s+([^\W\d_]+)", text[e:e + 30])
    return following is not None and following.group(1).lower() not in _NOT_AFTER_NAME


def letter_hits(text: str, letter: str) -> list[tuple[int, int]]:
    """Stand-alone mentions of a one-letter name: not part of initials ('A.K.'), codes or headings."""
    pattern = re.compile(r"(?<![\w.’'\-/])" + re.escape(letter) + r"(?:\.(?![\w]))?(?![\w’'\-/]|\.\w)")
    out = []
    for m in pattern.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start:m.start()].strip():
            continue  # a list marker or heading letter at the start of a line
        out.append((m.start(), m.start() + 1))
    return out


# A capitalised word right before: the word after it belongs to a longer name ('Harrow Lane').
PRECEDED_BY_NAME_WORD = re.compile(
    rf"(?<![.!?:]\s)\b(?!(?:{vocabulary.alternation(vocabulary.COMMON_TITLES)})\b)[A-Z][\w'’-]*[ \t]+$")
_CODE_GOES_ON = re.compile(r"(?:[./-][A-Za-z0-9]+)+")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _occurrences(index: WordIndex, phrase: str, case_sensitive: bool, code: bool = False) -> list[tuple[int, int]]:
    """Whole-word occurrences of `phrase`, its words separated by any whitespace; for a `code`, not
    the start of a longer code ("AB/12.3" is not found inside "AB/12.3.E" or "AB/12.3-2").

    Compared word by word rather than with a regex made for the phrase: a draft has hundreds of
    names, and compiling a pattern for each cost more than all the searching.
    """
    text = index.text
    words = phrase.split()
    fold = str if case_sensitive else str.lower
    wanted = [fold(w) for w in words]
    out = []
    for start in index.phrase_candidates(phrase):
        pos = start
        for i, (word, want) in enumerate(zip(words, wanted)):
            if i:
                gap, pos = pos, after_space(text, pos)
                if pos == gap:
                    break
            if fold(text[pos:pos + len(word)]) != want:
                break
            pos += len(word)
        else:
            before = text[start - 1] if start else " "
            after = text[pos:pos + 3]
            if _is_word_char(before) or before in "@/":
                continue
            # Not inside a longer word, an address or a path; "Kayla's" counts, "Kayla'sx" not.
            if after and (_is_word_char(after[0]) or after[0] in "@/"):
                continue
            if len(after) == 3 and after[0] in "'’" and _is_word_char(after[1]) and _is_word_char(after[2]):
                continue
            if code:
                # 'AB/12.3' found again as the start of 'AB/12.3-2' or 'AB/12.3.E': the longer
                # code is taken whole, so no part of it is left showing.
                longer = _CODE_GOES_ON.match(text, pos)
                pos = longer.end() if longer else pos
            out.append((start, pos))
    return out


def _propagate_town(text: str, index: WordIndex, d: Detection, span: str, covered: set, found: list,
                    seen: set) -> None:
    """The town of a detected address locates the family wherever it is named: 'lives in March'."""
    town = _ADDRESS_TOWN.search(span)
    if not town or ("town", town.group(1)) in seen:
        return
    place = town.group(1)
    seen.add(("town", place))
    for s, e in _occurrences(index, place, case_sensitive=not no_word_in_lower_case(place)):
        # Even where a LOCATION is already found: the town's own mark is what lets it outrank a
        # NER that reads the same words as a person elsewhere in the draft.
        if d.start <= s < d.end or (s, e, "town") in covered:
            continue
        # A town called 'March' or 'May' is still a month in '14 March 2023' and 'March 2023'.
        if re.match(r"\s*\d", text[e:e + 3]) or re.search(r"\d(?:st|nd|rd|th)?\s*(?:of\s+)?$", text[max(0, s - 8):s]):
            continue
        covered.update({(s, e, E.LOCATION), (s, e, "town")})
        found.append(Detection(s, e, E.LOCATION, max(d.score, 0.7), ("propagation",),
                               meta=DetectionMeta(propagated_from=place, address_town=True)))


def no_word_in_lower_case(phrase: str) -> bool:
    """'Kiz', 'Westover', 'Kingsley Court': a name whose first word English never writes in lower case,
    so a message that does ('kiz got bagged', 'im in westover') still means the name."""
    first = phrase.split()[0] if phrase.split() else ""
    return len(first) >= MIN_TOKEN and first[0].isupper() and word_class(first) in (WordClass.PROPER, WordClass.UNKNOWN)


def _containment(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether a span lies inside one of `spans`: one binary search, however many spans a long draft has."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))  # the furthest end so far

    def inside(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start)
        return i > 0 and reach[i - 1] >= end

    return inside


def propagate(text: str, detections: list[Detection], allow: PhraseIndex,
              structure: frozenset[str] = frozenset()) -> list[Detection]:
    """New detections for other mentions of detected names, places, institutions and codes.

    A number in `structure` (the text's section numbers, '2.1') is never spread: read once as a
    reference, its other uses are the section and the cross-references to it ('see 2.1')."""
    index = WordIndex(text)
    # Keyed by type too: a name the NER also called a nationality must still be found as a name.
    covered = {(d.start, d.end, d.entity) for d in detections}
    found: list[Detection] = []
    seen_phrases: set[tuple[str, str]] = set()
    # The register's or an address pattern's word on an address beats a NER that read part of it as a
    # person ('Withy Lane Traveller Site', 'Magdalen House, 30 Trinity Road'): such a 'person' is never
    # spread, or every 'Traveller' would become one.
    inside_register_address = _containment([(d.start, d.end) for d in detections
                                            if d.entity == E.ADDRESS and d.detectors != ("SpacyRecognizer",)])
    for d in detections:
        span = text[d.start:d.end]
        if d.entity == E.ADDRESS:
            _propagate_town(text, index, d, span, covered, found, seen_phrases)
        if d.from_register:
            continue  # the register recognizer already scans the whole text for these
        if d.entity == E.PERSON and inside_register_address(d.start, d.end):
            continue
        phrases: list[str] = []
        collision_words: set[str] = set()
        if d.entity == E.PERSON:
            name = " ".join(w for w in span.split() if w.lower().rstrip(".") not in vocabulary.NAME_TITLES)
            tokens = person_tokens(name, allow)
            written = name.split()
            if len(written) > len(tokens) > 0 and all(w[:1].isupper() for w in written):
                phrases.append(" ".join(written))  # 'Sorrel Pike' whole, though 'Sorrel' alone is a word
            if len(tokens) > 1:
                phrases.append(" ".join(tokens))
            phrases += tokens
            collision_words = {t for t in person_tokens(name, allow, collisions=True) if t not in tokens}
            phrases += sorted(collision_words)
            words = span.split()
            if len(words) >= 2 and words[0].lower().rstrip(".") in vocabulary.NAME_TITLES and words[-1][:1].isupper():
                # 'Mrs Pilling' again in any case ('MRS PILLING'), though 'pilling' alone is a word
                phrases.append(words[0] + " " + _POSSESSIVE_S.sub("", words[-1]))
            if _LETTER_NAME.fullmatch(span.strip()) and ("letter", span[0]) not in seen_phrases:
                seen_phrases.add(("letter", span[0]))
                for s, e in letter_hits(text, span[0]):
                    if (s, e, d.entity) not in covered:
                        covered.add((s, e, d.entity))
                        found.append(replace(d, start=s, end=e, detectors=("propagation",),
                                             meta=DetectionMeta(propagated_from=span[0]), score=max(d.score, 0.7)))
        elif len(span.strip()) >= MIN_TOKEN and span.strip().rstrip(".") not in structure:
            phrases.append(" ".join(span.split()))
            short = places.short_name(span) if d.entity == E.LOCATION else None
            if short:
                phrases.append(short)  # 'Barrow' wherever the draft has written 'Barrow-in-Furness'
        for phrase in phrases:
            if (d.entity, phrase) in seen_phrases:
                continue
            seen_phrases.add((d.entity, phrase))
            # Codes and addresses are found in any case; names only capitalised.
            structured = E.ENTITY_TYPES[d.entity].structured or d.entity == E.ADDRESS
            hits = _occurrences(index, phrase, case_sensitive=False, code=d.entity == E.REFERENCE_NUMBER)
            lower_too = structured or no_word_in_lower_case(phrase)
            for s, e in hits:
                got = text[s:e]
                # Names are found capitalised or in capitals; 'hope' in a sentence is not 'Hope'.
                if not lower_too and not (got[0].isupper() or got.isupper()):
                    continue
                if phrase in collision_words and not collision_hit(text, s, e):
                    continue
                if d.entity == E.PERSON and in_ethnicity(text, s, e):
                    continue  # Mr White's 'White' is not the 'White' of 'White British'
                if (d.entity in E.INSTITUTIONS or d.entity == E.ORGANISATION) and _NAME_GOES_ON.match(text, e):
                    continue  # the unit's 'Hollybank' is not the 'Hollybank' of 'Hollybank Road'

                if d.entity == E.PERSON and phrase in vocabulary.STREET_TYPE_WORDS and PRECEDED_BY_NAME_WORD.search(text, max(0, s - 30), s):
                    continue  # the 'Lane' of Kerry Lane is not the 'Lane' of 'Harrow Lane'

                if (s, e, d.entity) in covered:
                    continue
                covered.add((s, e, d.entity))
                meta = DetectionMeta(professional=d.meta.professional, propagated_from=phrase)
                found.append(replace(d, start=s, end=e, detectors=("propagation",), meta=meta,
                                     score=max(d.score, 0.7)))
    return found
