"""What explains a kept token for the residue rule (decide.residue): the phrases of the allowlists,
keep list and gazetteers, the words of the trade, and one text's own evidence (its lower-case words,
the acronyms it defines) gathered once in a `Scan`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Container
from functools import lru_cache

from anonymiser.config import vocabulary
from anonymiser.config.data import load_list
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.lexicon import PhraseIndex, list_entries
from anonymiser.config.profile import Profile
from anonymiser.decide.eponyms import eponym_names
from anonymiser.decide.expansions import expansions
from anonymiser.decide.glossary import glossary_acronyms
from anonymiser.decide.nhs_trusts import nhs_trust_names
from anonymiser.decide.systems import system_names, system_spans
from anonymiser.decide.vehicles import makes_never_surnames

# An acronym the text defines in brackets after its expansion: 'Discharge to Assess (DTA)', '(CSPs)'.
_DEFINED_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Za-z&]{1,9})s?\s*\)")


def defined_in_brackets(text: str) -> frozenset[str]:
    return frozenset(m.group(1) for m in _DEFINED_IN_BRACKETS.finditer(text))


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    return frozenset(load_list("allowlist", "acronyms"))


def a_term(span: str, defined: Container[str] = frozenset()) -> bool:
    """'CAD', 'MACE', 'Housing', 'the Panel': an acronym of the trade (or one the text defines), or one
    English word, which names no body; 'Larkstone', 'Velora Care' do."""
    words = re.findall(r"[^\W\d_][\w&'’-]*", re.sub(r"^(?:the|a|an)\s+", "", span.strip(), flags=re.I))
    if not words:
        return False
    if all(w in acronyms() or w in defined for w in words):
        return True
    return len(words) == 1 and not words[0].isupper() and word_class(words[0]) is WordClass.COMMON


@lru_cache(maxsize=1)
def trade_words() -> frozenset[str]:
    """Capitalised words of the trade that name nobody: months, weekdays, titles, label words."""
    words = {w.lower() for w in (*vocabulary.MONTHS, *vocabulary.MONTH_ABBREVIATIONS, *vocabulary.WEEKDAYS,
                                 *vocabulary.WEEKDAY_ABBREVIATIONS, *vocabulary.SEASONS)}
    words |= vocabulary.NAME_TITLES | vocabulary.CHILD_ROLES
    words |= {w.lower() for w in vocabulary.entries("label_words", "family_words", "professional_roles")}
    return frozenset(words)


@lru_cache(maxsize=1)
def place_words() -> frozenset[str]:
    """Words that end a place's name ('Vale', 'Green', 'Road'): part of the name before them."""
    return frozenset(w.split(":")[0] for w in vocabulary.entries("place_words")) | vocabulary.STREET_TYPE_WORDS


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    return frozenset(w.lower() for w in vocabulary.entries("organisation_words"))


def explaining_index(profile: Profile) -> PhraseIndex:
    """Every phrase that explains the words inside it: allowlists, keep list, kept and flagged gazetteers."""
    return _explaining(profile.allowlists, (*profile.keep_places, *profile.flag_lists), profile.keep_terms)


@lru_cache(maxsize=8)
def _explaining(allowlists: tuple[str, ...], gazetteers: tuple[str, ...], keep_terms: tuple[str, ...]) -> PhraseIndex:
    phrases: list[str] = []
    for name in allowlists:
        phrases += load_list("allowlist", name)
    for name in dict.fromkeys((*gazetteers, "countries", "nationalities", "local_authorities",
                                 "online_platforms", "faiths_languages_festivals")):
        phrases += list_entries("gazetteer", name)  # 'Catholics' as 'Catholic'
    phrases += makes_never_surnames()
    return PhraseIndex((*phrases, *keep_terms))


class Scan:
    """One text, with what the rule asks of it more than once."""

    def __init__(self, text: str, explain: PhraseIndex,
                 not_explaining: Callable[[int, int], bool] | None = None) -> None:
        self.text = text
        # `not_explaining` drops phrases that explain nothing here: a council's name inside the
        # partnership's area ('at Dartford', in a Kent review) locates the family.
        self.explained_spans = [(s, e) for s, e in explain.find(text) if not_explaining is None or not not_explaining(s, e)]
        # A condition named after a person ('Diogenes syndrome') explains its name, as the allowlist would.
        merged: list[tuple[int, int]] = []
        # A record system's name ('a Merlin report') names no one.
        systems = system_spans(text, system_names(text))
        # An NHS trust's name is kept whole, so its words are explained ('Alder Hey ... NHS Foundation Trust').
        for s, e in sorted(set(self.explained_spans) | set(eponym_names(text)) | set(systems) | set(nhs_trust_names(text))):
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], e))
            else:
                merged.append((s, e))
        self.explained_spans = merged
        self._starts = [s for s, _ in self.explained_spans]
        # words written in lower case, not inside an email address, a link or a file name
        # ('j.quillfeather@example.org' says nothing of 'Quillfeather')
        self.lower = {m.group(0) for m in re.finditer(r"(?<![\w.@/\\])[a-z][a-z'’\-]*\b(?![.@/\\]\w)", text)}
        self.defined = set(defined_in_brackets(text))
        self._capitals: dict[int, bool] = {}
        self.defined |= {m.group(1) for m in re.finditer(r"(?m)^\s*([A-Z][A-Z&]{1,9})s?\s*(?::|-|–|—|\t)\s*\S", text)}
        self.defined |= glossary_acronyms(text)  # 'DGT Dartford and Gravesham NHS Trust': a PDF's glossary, its tab a space
        # acronyms the text spells out as a body's name without defining them ('NUH'), with where
        self.expansions = expansions(text)
        # of those, the expansions whose every word is explained, per acronym (decide.residue fills it)
        self.explained_expansions: dict[str, list[tuple[int, int]]] = {}

    def in_explained(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start) - 1
        return i >= 0 and self.explained_spans[i][1] >= end

    def line(self, at: int) -> str:
        a = self.text.rfind("\n", 0, at) + 1
        b = self.text.find("\n", at)
        return self.text[a:b if b >= 0 else len(self.text)]

    def capitals_line(self, at: int) -> bool:
        """The line is written in capitals ('REVIEW INTO THE DEATH OF ...'): capitals there say nothing.
        Judged once a line: a text of one long line asks it of every token in capitals."""
        start = self.text.rfind("\n", 0, at) + 1
        got = self._capitals.get(start)
        if got is None:
            letters = [c for c in self.line(at) if c.isalpha()]
            got = self._capitals[start] = len(letters) > 12 and all(c.isupper() for c in letters)
        return got

    def beside_acronym(self, start: int, end: int) -> bool:
        """An explained acronym stands just before or after: 'NI SN', 'CAMHS CP'."""
        before = re.search(r"([A-Z]{2,6})[ /]$", self.text[max(0, start - 8):start])
        after = re.match(r"[ /]([A-Z]{2,6})\b", self.text[end:end + 8])
        return any(m is not None and (m.group(1) in acronyms() or m.group(1) in self.defined)
                   for m in (before, after))
