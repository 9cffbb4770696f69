"""The names a draft defines for a person, found at every mention, and the phrases that only say them.

'Liam Voss (known as "Spud")': "Spud" is that man's name wherever it stands ('scared of "Spud"'),
though no name list knows it, so every mention takes his label. 'Rhys has asked to be known in this
review as "R"': the quoted letter is the review's name for him, and 'R says' is him too. An alias
after 'known as' or 'called him' that the sentence is about ('the boys called him "RJ"') would read
as the person's own label ('called him "Kacper"'): it reads 'by another name' (decide.actions).
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection, DetectionMeta
from anonymiser.decide.aliases import TO_BE, WHERE_KNOWN, alias_words_after
from anonymiser.decide.propagation import PRECEDED_BY_NAME_WORD, collision_hit, letter_hits, no_word_in_lower_case
from anonymiser.decide.shapes import labels
from anonymiser.decide.state import DecideState
from anonymiser.decide.unnamed_aliases import unnamed_aliases, without_other_readings

ALIAS_PHRASE = "alias-phrase"  # the detector name of a name found through an alias phrase
_OPEN, _SHUT = "\"'‘“", "\"'’”"
# A letter or initials ('T', 'R.J.', 'TJ'), in capitals whatever the phrase's case: how a review names someone.
_INITIALS = r"(?-i:[A-Z](?:\.?[A-Z]){0,2}\.?)"
# 'referred to as', 'known in this review as', 'called throughout the published report as'.
_IN_REVIEW = r"(?:in|throughout)\s+[^.;:\n\"“]{0,30}?\b(?:review|report|publication|document)\b"
_REVIEW_NAMING = rf"(?:referred\s+to(?:\s+{_IN_REVIEW})?|(?:known|called|named)\s+{_IN_REVIEW})\s+as\s+"
_REVIEW_NAME_AFTER = re.compile(rf"\s+{TO_BE}\s+{_REVIEW_NAMING}[{_OPEN}](?P<letters>{_INITIALS})[{_SHUT}]", re.I)
_REVIEW_NAME_BEFORE = re.compile(rf"{_REVIEW_NAMING}[{_OPEN}]$", re.I)
# What makes an alias what its sentence says: 'is known as', 'known to his friends as', 'called
# him', 'calls her', 'is called "Ro"', 'nicknamed'.
_OBJECT = r"(?:him|her|them|me|you|us)"
_NAMING_BEFORE = re.compile(
    # 'known on the street as', 'everyone knows me as'
    rf"(?:\b(?:known|called|nicknamed|referred\s+to|(?:know|knows|knew|knowing)\s+{_OBJECT})"
    rf"(?:\s+{WHERE_KNOWN}\s+[^,.;:()\n]{{1,40}}?)?\s+(?P<as>as)\s+"
    rf"|\b(?:call|calls|called|calling|name|names|named|nickname|nicknames|nicknamed)\s+{_OBJECT}\s+"
    # 'he goes by Sparky', 'went by the name of'
    r"|\b(?:go|goes|went|going|gone)\s+(?P<by>by\s+(?:the\s+(?:nick)?name\s+(?:of\s+)?)?)"
    r"|\bwhom\s+[^,.;:()\n]{0,40}?\b(?:call|calls|called|know|knows|knew)\s+(?:as\s+)?"
    # 'he is called "Ro" by his grandfather': a nickname in quotes after a passive 'called' (not
    # 'will be called "Sam"', the pseudonym a review chooses)
    rf"|\b(?:is|was|are|were|gets|got|being|been)\s+(?:(?:\w+ly|first|still|also|later|then|soon|now|once|even|only)\s+)?called\s+[{_OPEN}]"
    rf"|\bnicknamed\s+)[{_OPEN}]?$", re.I)
# What only the NER saw, or propagation spread from it ('Lol' read once as an organisation): it gives way to a name.
_GUESSES = frozenset({"SpacyRecognizer", "propagation"})
_CALENDAR = vocabulary.lower(vocabulary.MONTHS + vocabulary.WEEKDAYS)
_NAME_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")  # 'Ash Road': the word is part of a longer name there


def review_letters_after(text: str, end: int) -> tuple[int, int] | None:
    """'Rhys has asked to be known in this review as "R"': where the letters lie that the sentence
    after the name ending at `end` gives as the review's name for that person."""
    m = _REVIEW_NAME_AFTER.match(text, end)
    return m.span("letters") if m else None


def review_letters_before(text: str, start: int) -> bool:
    """The mention at `start` is the quoted letters a review-naming phrase gives ('referred to as "R"')."""
    return _REVIEW_NAME_BEFORE.search(text, max(0, start - 80), start) is not None


def said_alias(text: str, start: int, end: int) -> tuple[int, int] | None:
    """'he is known as "Ro"', 'the boys called him "RJ"': the span that reads 'by another name' (from
    'as', or the alias in its quotes); None where no naming phrase stands right before the alias or
    where the phrase gives the review's own name for someone ('referred to as "R"')."""
    m = _NAMING_BEFORE.search(text, max(0, start - 80), start)
    if m is None or review_letters_before(text, start):
        return None
    quoted = start > 0 and text[start - 1] in _OPEN and text[end:end + 1] in _SHUT
    first = m.start("as") if m.group("as") else m.start("by") if m.group("by") else start - 1 if quoted else start
    return first, end + 1 if quoted else end


def _phrase_aliases(text: str, detections: list[Detection]) -> list[Detection]:
    """'Liban Osman, known as "Bigs"': the name an alias phrase gives after a person is a name too,
    though no detector found it there; its detection joins the person's (decide.people)."""
    found: list[Detection] = []
    dropped: set[int] = set()
    named: list[tuple[int, int]] | None = None  # the labels a review names people by ('Baby T')
    for d in (d for d in detections if d.entity == E.PERSON):
        span = alias_words_after(text, d.end)
        if span is None:
            continue
        s, e = span
        named = labels(text) if named is None else named
        if any(a <= s and e <= b for a, b in named):
            continue  # 'who is called Baby T in this review': the review's own name for her, kept
        there = [o for o in detections + found if o.start < e and s < o.end]
        if any(o.entity == E.PERSON or not set(o.detectors) <= _GUESSES for o in there):
            continue  # found already as a name, or as something a pattern or the register vouches for
        dropped |= {id(o) for o in there}  # the NER's guess of a kind ('Ffi' as an organisation) gives way
        found.append(replace(d, start=s, end=e, detectors=(ALIAS_PHRASE,), person=None, trail=(),
                             meta=DetectionMeta(professional=d.meta.professional)))
    if not found:
        return detections
    return [d for d in detections if id(d) not in dropped] + found


def _review_letters(text: str, detections: list[Detection]) -> tuple[list[Detection], list[Detection]]:
    """The letters a review names a register person by ('known in this review as "R"') as that
    person's, there and at every mention already found; with the detections at the phrases."""
    out, named = list(detections), []
    for d in [d for d in detections if d.entity == E.PERSON and d.person and d.person.startswith("register:")]:
        span = review_letters_after(text, d.end)
        if span is None:
            continue
        s, e = span
        out = [o for o in out if not (o.start < e and s < o.end and not o.from_register)]
        named.append(Detection(s, e, E.PERSON, max(d.score, 0.85), (ALIAS_PHRASE,), d.person,
                               DetectionMeta(register_person=d.person, match="review letters")))
        letters = text[s:e].replace(".", "")
        out = [replace(o, person=d.person) if o.entity == E.PERSON and not o.from_register
               and (o.person is None or o.person.startswith("other:"))
               and text[o.start:o.end].replace(".", "").strip() == letters else o for o in out]
    return out + named, named


def _longer_name(text: str, start: int) -> bool:
    """A capitalised word right before `start` that no calendar word is ('Mill Ash', not 'in May Ash')."""
    before = PRECEDED_BY_NAME_WORD.search(text, max(0, start - 30), start)
    return before is not None and before.group(0).strip().lower() not in _CALENDAR


def _hits(text: str, alias: str) -> list[tuple[int, int]]:
    """Where `alias` stands as a name: a letter alone as propagation finds one, a word whole and
    capitalised as written where a name that is also a word would be read as the name ('Will said',
    not 'Will you'), not run into a longer name ('Ash Road', 'Mill Ash')."""
    if re.fullmatch(r"[A-Z]\.?", alias):
        return [] if alias[0] in "AI" else letter_hits(text, alias[0])  # 'A' and 'I' are words too
    out = []
    any_case = no_word_in_lower_case(alias)  # 'kiz got bagged': a message's 'Kiz', which is no English word
    for m in re.finditer(rf"(?<![\w'’-]){re.escape(alias)}(?![\w-]|['’]\w\w)", text, re.I if any_case else 0):
        lower = any_case and m.group(0) == m.group(0).lower()
        if (lower or collision_hit(text, *m.span())) and not _NAME_AFTER.match(text, m.end()) \
                and not _longer_name(text, m.start()):  # not 'Will you' either
            out.append(m.span())
    return out


def alias_names(state: DecideState) -> list[Detection]:
    """The detections with every name the draft defines for someone: the alias after its phrase
    ('known as "Spud"'), the letters a review names a register person by, and their other mentions,
    which pass the keep rules and kept phrases as propagation's finds do."""
    text = state.text
    found, named = _review_letters(text, _phrase_aliases(text, state.detections))
    nicknames = unnamed_aliases(text, found)  # 'One of the men, known as "Ghost"': no other name given
    found = without_other_readings(text, found, nicknames) + nicknames
    people = {(d.start, d.end): d for d in found if d.entity == E.PERSON}
    sources = {text[d.start:d.end]: d for d in named + nicknames}
    for d in list(people.values()):
        span = alias_words_after(text, d.end)
        if span in people and people[span].detectors == (ALIAS_PHRASE,):
            sources.setdefault(text[span[0]:span[1]], people[span])
    spread: list[Detection] = []
    for alias, src in sources.items():
        register = src.person if src.person and src.person.startswith("register:") else None
        for s, e in _hits(text, alias):
            if any(o.start < e and s < o.end for o in spread) or any(
                    o.start < e and s < o.end and (o.entity == E.PERSON or not set(o.detectors) <= _GUESSES) for o in found):
                continue  # a name found there already, or something a pattern or the register vouches for
            spread.append(Detection(s, e, E.PERSON, max(src.score, 0.7), (ALIAS_PHRASE,), register,
                                    DetectionMeta(professional=src.meta.professional, propagated_from=alias)))
    spread = state.phrases.filter(state.keeper.filter(spread))
    if not spread:
        return sorted(found, key=lambda d: (d.start, -d.end))
    # the NER's guess of a kind over a mention ('Spud' as an organisation) gives way to the name
    found = [o for o in found if not any(o.start < d.end and d.start < o.end for d in spread)]
    # in the text's order: the person action looks back at the replacement just made for the name before
    return sorted(found + spread, key=lambda d: (d.start, -d.end))


# The alias inside a recorded original: ' (known as "Spud")', ', whom Ms Adebayo calls Dan', 'as "Ro"'.
_RECORDED_ALIAS = re.compile(
    rf"\b(?:as|call|calls|called|nicknamed)\s+(?:(?:him|her|them)\s+)?[{_OPEN}]?(?P<alias>[A-Z][\w'’-]*(?:[ ][A-Z][\w'’-]*){{0,2}})")


def aliases_in(original: str) -> list[str]:
    """The aliases a replaced span holds beside or instead of the name ('Liam Voss (known as "Spud")'
    -> ['Spud']): verify searches an output for each, as for the span itself."""
    return [m.group("alias") for m in _RECORDED_ALIAS.finditer(original)]
