"""Decide what is kept: allowlisted terms, the partnership's own area, countries, NER noise."""

from __future__ import annotations

import re
from dataclasses import replace

from . import entities as E
from .detection import Detection
from .lexicon import PhraseIndex, phrase_index
from .profile import Profile

TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "master", "prof", "professor", "sir", "dame", "lady", "lord",
          "dc", "ds", "di", "dci", "dsi", "pc", "pcso", "sgt", "insp", "cllr", "rev", "nurse", "sister"}
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*")


class Keeper:
    """The profile's keep rules, applied to one document's text."""

    def __init__(self, profile: Profile, text: str) -> None:
        self.profile = profile
        self.text = text
        self.allow: PhraseIndex = phrase_index("allowlist", profile.allowlists)
        self.places: PhraseIndex = phrase_index("gazetteer", profile.keep_places)
        self.allowed_spans = self.allow.find(text)

    def inside_allowlisted(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.allowed_spans)

    def trim_allowlisted(self, d: Detection) -> list[Detection]:
        """Cut allowlisted phrases out of a detection; what is left stays detected."""
        pieces = [(d.start, d.end)]
        for s, e in self.allowed_spans:
            if e <= d.start or s >= d.end:
                continue
            nxt = []
            for ps, pe in pieces:
                if pe <= s or ps >= e:
                    nxt.append((ps, pe))
                    continue
                if ps < s:
                    nxt.append((ps, s))
                if pe > e:
                    nxt.append((e, pe))
            pieces = nxt
        out = []
        for s, e in pieces:
            chunk = self.text[s:e]
            lead = len(chunk) - len(chunk.lstrip(" ,.;:'’-\n\t"))
            s, e = s + lead, e - (len(chunk) - len(chunk.rstrip(" ,.;:'’-\n\t(")))
            if e > s and any(ch.isalnum() for ch in self.text[s:e]):
                if not (s == d.start and e == d.end) and not _has_name_token(self.text[s:e]) and d.entity == E.PERSON:
                    continue
                out.append(d if (s, e) == (d.start, d.end) else replace(d, start=s, end=e))
        return out

    def kept_place(self, text: str) -> bool:
        t = re.sub(r"^(the)\s+", "", text.strip(), flags=re.I)
        return t in self.places or t in self.allow

    def filter(self, detections: list[Detection]) -> list[Detection]:
        """Drop what the profile keeps; split place lists so 'Thornton Heath, Croydon' keeps Croydon."""
        out: list[Detection] = []
        for d in detections:
            if not self.profile.detects(d.entity):
                continue
            structured = E.ENTITY_TYPES[d.entity].structured
            if not structured and not d.from_register and d.score < self.profile.threshold(d.entity):
                continue
            if not structured:
                if self.inside_allowlisted(d.start, d.end):
                    continue
                pieces = self.trim_allowlisted(d)
            else:
                pieces = [d]
            for p in pieces:
                if p.entity == E.LOCATION:
                    out.extend(self._split_places(p))
                elif p.entity == E.PERSON and not p.from_register:
                    q = self._clean_person(p)
                    if q:
                        out.append(q)
                else:
                    out.append(p)
        return out

    def _split_places(self, d: Detection) -> list[Detection]:
        out, pos = [], d.start
        for part in re.split(r"(,\s*|\s+and\s+)", self.text[d.start:d.end]):
            s, e = pos, pos + len(part)
            pos = e
            if not part.strip() or re.fullmatch(r",\s*|\s+and\s+", part):
                continue
            if not self.kept_place(part) and any(ch.isupper() for ch in part):
                out.append(d if (s, e) == (d.start, d.end) else replace(d, start=s, end=e))
        return out

    def _clean_person(self, d: Detection) -> Detection | None:
        """NER noise: a 'person' must hold a capitalised name word that is not a title or role."""
        span = self.text[d.start:d.end]
        if self.kept_place(span):
            return None  # 'Cambridgeshire' tagged as a person is still the partnership's own area
        tokens = list(_NAME_TOKEN.finditer(span))
        names = [t for t in tokens if t.group(0)[0].isupper() and t.group(0).lower() not in TITLES
                 and t.group(0) not in self.allow]
        if not names:
            return None
        if "\n\n" in span:
            return None
        s = d.start + tokens[0].start()
        e = d.start + tokens[-1].end()
        word = self.text[s:e]
        for suffix in ("'s", "’s"):
            if word.endswith(suffix):
                e -= len(suffix)
        return d if (s, e) == (d.start, d.end) else replace(d, start=s, end=e)


def _has_name_token(text: str) -> bool:
    return any(t.group(0)[0].isupper() for t in _NAME_TOKEN.finditer(text))
