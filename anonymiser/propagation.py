"""Consistency: once something is detected anywhere in a document, find every other mention of it."""

from __future__ import annotations

import re
from dataclasses import replace

from . import entities as E
from .detection import Detection
from .filters import TITLES
from .lexicon import PhraseIndex
from .recognizers.case_register import _collisions

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")
MIN_TOKEN = 3


def person_tokens(name: str, allow: PhraseIndex) -> list[str]:
    """The words of a name worth finding on their own: capitalised, not titles, roles or common words."""
    out = []
    for t in _TOKEN.findall(name):
        t = re.sub(r"['’]s?$", "", t)
        if (len(t) >= MIN_TOKEN and t[0].isupper() and t.lower() not in TITLES
                and t.lower() not in _collisions() and t not in allow):
            out.append(t)
    return out


def _occurrences(text: str, phrase: str, case_sensitive: bool) -> list[tuple[int, int]]:
    words = phrase.split()
    body = r"\s+".join(map(re.escape, words))
    pattern = re.compile(r"(?<![\w@/])" + body + r"(?![\w@/]|['’]\w\w)", 0 if case_sensitive else re.I)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def propagate(text: str, detections: list[Detection], allow: PhraseIndex) -> list[Detection]:
    """New detections for other mentions of detected names, places, institutions and codes."""
    # Keyed by type too: a name the NER also called a nationality must still be found as a name.
    covered = {(d.start, d.end, d.entity) for d in detections}
    found: list[Detection] = []
    seen_phrases: set[tuple[str, str]] = set()
    for d in detections:
        if d.from_register:
            continue  # the register recognizer already scans the whole text for these
        span = text[d.start:d.end]
        phrases: list[str] = []
        if d.entity == E.PERSON:
            name = " ".join(w for w in span.split() if w.lower().rstrip(".") not in TITLES)
            tokens = person_tokens(name, allow)
            if len(tokens) > 1:
                phrases.append(" ".join(tokens))
            phrases += tokens
        elif len(span.strip()) >= MIN_TOKEN:
            phrases.append(" ".join(span.split()))
        for phrase in phrases:
            if (d.entity, phrase) in seen_phrases:
                continue
            seen_phrases.add((d.entity, phrase))
            # Codes and addresses are found in any case; names only capitalised.
            structured = E.ENTITY_TYPES[d.entity].structured or d.entity == E.ADDRESS
            hits = _occurrences(text, phrase, case_sensitive=False)
            for s, e in hits:
                got = text[s:e]
                # Names are found capitalised or in capitals; 'hope' in a sentence is not 'Hope'.
                if not structured and not (got[0].isupper() or got.isupper()):
                    continue
                if (s, e, d.entity) in covered:
                    continue
                covered.add((s, e, d.entity))
                meta = {k: v for k, v in d.meta.items() if k == "professional"}
                meta["propagated_from"] = phrase
                found.append(replace(d, start=s, end=e, detectors=("propagation",), meta=meta,
                                     score=max(d.score, 0.7)))
    return found
