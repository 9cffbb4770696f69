"""People listed with their roles or agencies: a block of three or more lines that each open with a
first name and a second capitalised word (a panel list), or a name after 'by:' / 'Author:' or under an
'Author' or 'Chair' line. The name is the person; the agency after it stays."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import merged as _merged
from anonymiser.config.lexicon import overlapping, phrase_index
from anonymiser.config.names import is_first_name, is_surname
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.people import ORGANISATION_WORD
from anonymiser.decide.person_evidence import POSTNOMINALS_AFTER, evidence_person, role_words, strip_possessive

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
    if any(w in role_words() or w in vocabulary.lower(vocabulary.STREET_TYPES) for w in words):
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
        e = strip_possessive(text, s, start + m.end())
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
                    after = POSTNOMINALS_AFTER.match(text, got[1])  # 'Jo Bell, MA, CQSW': hers, no one else's
                    found.append((got[0], after.end() if after else got[1], "named-author"))
                break
        previous = line
    return [evidence_person(s, e, rule) for s, e, rule in found]


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

