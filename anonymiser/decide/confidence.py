"""How sure the tool is of each replacement: one logistic combination of its evidence.

The weights live in one data file, models/evidence/confidence.yaml (loaded and checked by
`load_weights`; a bad file stops the run with one line naming it). Each replacement's evidence is
gathered here from what the decide stage knows of it:

- the register: an exact name, an alias, a spelling variant, an address or a date of birth;
- the reviewer's own addition;
- a pattern whose check held (an NHS number's check digit, a valid phone number, a postcode in
  capitals), or a pattern with no check, weighed by the pattern's own score;
- the NER's label (and its score);
- two independent detectors on the same span;
- the name lists (config/names.py): a first name, a surname;
- a title or a role word just before ('Mrs', 'his mother');
- the English lexicon (config/english.py): a name made only of common lower-case words is less
  sure, a capitalised word the lexicon does not know more;
- the gazetteer (config/places.py) for a place; a country or nationality, which names a nation,
  not a family's whereabouts;
- a date with no day of the month in it (a year, a span of years, a weekday, a duration), which
  rarely identifies anyone;
- names found from evidence (decide/person_evidence.py) and people listed with their roles;
- another mention of the same string, decided with strong evidence (propagation: one decision per
  string);
- no strong evidence at all (the residue rule).

The log-odds are `base`, plus the prior of the replacement's kind (`kinds`, by benchmark category:
a code is more often identifying than a quantity), plus each piece's weight (a weight that scales a detector's score is
multiplied by that score's log-odds); the confidence is their logistic, and each piece is written
on the replacement in the reviewer's words, so the report can say why: 'first-name list, title
'Mrs', NER person 0.85'. Nothing here changes what is replaced: only `score` and `evidence`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from anonymiser.config import names, places, vocabulary
from anonymiser.config.data import MODELS_DIR, load_list
from anonymiser.config.english import WordClass, word_class
from anonymiser.config.yamlfile import Node, check_fields, load_yaml
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.errors import AnonymiserError
from anonymiser.core.results import Replacement
from anonymiser.decide.residue import RESIDUE
from anonymiser.detect.recognizers.case_register import NAME as REGISTER_DETECTOR

WEIGHTS_FILE = MODELS_DIR / "evidence" / "confidence.yaml"
SPACY = "SpacyRecognizer"
PROPAGATION = "propagation"
PERSON_EVIDENCE = "PersonEvidence"
REVIEWER = "reviewer"
REGISTER = REGISTER_DETECTOR  # the register's people, addresses and references

# Every piece of evidence the code below can name, with what its weight multiplies: 'one' (the
# piece is there or not) or 'score' (the log-odds of the detector's own score).
EVIDENCE: dict[str, str] = {
    "register-exact": "one",
    "register-alias": "one",
    "register-fuzzy": "one",
    "register-address": "one",
    "register-birth": "one",
    "reviewer": "one",
    "checksum": "one",
    "pattern": "score",
    "ner-person": "one",
    "ner-place": "one",
    "ner-organisation": "one",
    "ner-date": "one",
    "ner-other": "one",
    "agreement": "one",
    "first-name": "one",
    "surname": "one",
    "title": "one",
    "role": "one",
    "common-word": "one",
    "unknown-word": "one",
    "lower-case": "one",
    "gazetteer": "one",
    "country": "one",
    "date-no-day": "one",
    "person-evidence": "one",
    "propagated": "one",
    "same-string": "one",
    "residue": "one",
}

_NER_EVIDENCE = {E.PERSON: "ner-person", E.LOCATION: "ner-place", E.ORGANISATION: "ner-organisation",
                 E.DATE: "ner-date"}
_NAMED = (E.PERSON, E.LOCATION, E.ORGANISATION)  # kinds written as names, where the lexicon speaks
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_ROLE_BEFORE = re.compile(
    rf"\b({vocabulary.alternation(vocabulary.entries('family_words', 'child_roles', 'professional_roles'))})"
    r"[,:]?\s+$", re.I)
# A day of the month: '14', '1st', or the day of a numeric date ('14/03/2023', '2023-03-14').
_DAY = re.compile(rf"(?<![\d.,])\d{{1,2}}(?:st|nd|rd|th)?(?![\d.,:]|\s*(?:{vocabulary.alternation(vocabulary.TIME_UNITS)})s?\b)"
                  r"|\d{1,4}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{1,4}", re.I)
_TITLE = re.compile(rf"\b({vocabulary.alternation(vocabulary.titles('stripped'))})\.?\s+$", re.I)


class EvidenceError(AnonymiserError):
    """The evidence weights file (models/evidence/confidence.yaml) is not valid."""


@dataclass(frozen=True)
class Weight:
    weight: float
    says: str  # the reviewer's words for it; '{}' takes the detail ('title {}' -> "title 'Mrs'")


@dataclass(frozen=True)
class Weights:
    """The evidence weights file, checked."""

    base: float  # the log-odds before any evidence
    kinds: dict[str, float]  # benchmark category (PERSON, CODE, LOC...) -> its prior, added to base
    low_confidence: float  # below this the report lists a replacement for the reviewer to check
    strong: float  # a mention this sure vouches for the other mentions of its string
    checksums: dict[str, float]  # detector -> the least score at which its pattern's check held
    evidence: dict[str, Weight]


def _number(path: Path, node: Node, where: str, low: float | None = None, high: float | None = None) -> float:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise EvidenceError(path, f"line {node.line}: {where} should be a number", "Write it as 1.5 or -2.")
    if (low is not None and value < low) or (high is not None and value > high):
        raise EvidenceError(path, f"line {node.line}: {where} should lie between {low} and {high}",
                            "Change the number.")
    return float(value)


def load_weights(path: Path = WEIGHTS_FILE) -> Weights:
    """Read and check the weights file; any problem raises EvidenceError naming the file and line."""
    what = "evidence weights file"
    root = load_yaml(path, EvidenceError, what)
    sections = {"base", "kinds", "low_confidence", "strong", "checksums", "evidence"}
    top = check_fields(path, root, sections, sections, EvidenceError, what)
    kinds_node = top["kinds"]
    if not isinstance(kinds_node.value, dict):
        raise EvidenceError(path, f"line {kinds_node.line}: kinds should map a category to its prior",
                            "Write one 'PERSON: 0.5' line per category.")
    categories = {c.value for c in E.Category}
    for name, n in kinds_node.value.items():
        if name not in categories:
            shown = f"'{name}'" if re.fullmatch(r"[A-Za-z]{1,12}", name) else "(not shown)"
            raise EvidenceError(path, f"line {n.line}: unknown category {shown} in kinds",
                                f"Known categories: {', '.join(sorted(categories))}.")
    kinds = {name: _number(path, n, f"kinds: {name}", -20, 20) for name, n in kinds_node.value.items()}
    checks = top["checksums"]
    if not isinstance(checks.value, dict):
        raise EvidenceError(path, f"line {checks.line}: checksums should map a detector to a score",
                            "Write one 'DetectorName: 0.85' line per detector.")
    checksums = {name: _number(path, n, f"checksums: {name}", 0.0, 1.0) for name, n in checks.value.items()}
    ev = top["evidence"]
    if not isinstance(ev.value, dict):
        raise EvidenceError(path, f"line {ev.line}: evidence should map each evidence name to its weight",
                            "See the file's header.")
    evidence: dict[str, Weight] = {}
    for name, node in ev.value.items():
        if name not in EVIDENCE:
            shown = f"'{name}'" if re.fullmatch(r"[a-z\-]{1,30}", name) else "(not shown)"
            raise EvidenceError(path, f"line {node.line}: unknown evidence {shown}",
                                f"Known evidence: {', '.join(sorted(EVIDENCE))}.")
        fields = check_fields(path, node, {"weight", "says"}, {"weight", "says"}, EvidenceError, f"evidence {name}")
        says = fields["says"].value
        if not isinstance(says, str) or not says.strip() or says.count("{}") > 1:
            raise EvidenceError(path, f"line {fields['says'].line}: evidence {name}: 'says' should be the "
                                "reviewer's words for it, with at most one {} for its detail", "Fix the text.")
        evidence[name] = Weight(_number(path, fields["weight"], f"evidence {name}: weight", -20, 20), says)
    missing = sorted(set(EVIDENCE) - set(evidence))
    if missing:
        raise EvidenceError(path, f"line {ev.line}: evidence is missing {', '.join(missing)}",
                            "Give every evidence a weight (0 to ignore it).")
    return Weights(
        base=_number(path, top["base"], "base", -20, 20),
        kinds=kinds,
        low_confidence=_number(path, top["low_confidence"], "low_confidence", 0.0, 1.0),
        strong=_number(path, top["strong"], "strong", 0.0, 1.0),
        checksums=checksums,
        evidence=evidence,
    )


@lru_cache(maxsize=1)
def weights() -> Weights:
    """The shipped weights, read once."""
    return load_weights()


def _log_odds(p: float) -> float:
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def combine(found: Iterable[tuple[str, str]], w: Weights, detector_score: float = 0.5,
            entity: str | None = None) -> tuple[float, tuple[str, ...]]:
    """(confidence, the evidence in the reviewer's words) from (evidence name, detail) pairs for a
    replacement of kind `entity`.

    A 'score' piece multiplies its weight by the log-odds of `detector_score`."""
    logit = w.base
    if entity in E.ENTITY_TYPES:
        logit += w.kinds.get(E.ENTITY_TYPES[entity].category.value, 0.0)
    said: list[str] = []
    for name, detail in found:
        weight = w.evidence[name]
        x = _log_odds(detector_score) if EVIDENCE[name] == "score" else 1.0
        logit += weight.weight * x
        said.append(weight.says.replace("{}", detail) if "{}" in weight.says else weight.says)
    return round(1 / (1 + math.exp(-logit)), 3), tuple(dict.fromkeys(said))


def _words(core: str) -> list[str]:
    return _WORD.findall(core)


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def evidence_of(text: str, r: Replacement, d: Detection | None, w: Weights,
                detector_score: float) -> list[tuple[str, str]]:
    """The (evidence name, detail) pairs behind one replacement, made from detection `d` (None: residue)."""
    found: list[tuple[str, str]] = []
    core_start, core_end = r.core if r.core != (0, 0) else (r.start, r.end)
    core = text[core_start:core_end]
    detectors = tuple(dict.fromkeys(r.detectors))
    meta = d.meta if d is not None else None
    if RESIDUE in detectors:
        found.append(("residue", ""))
    if meta is not None:
        if meta.reviewer or REVIEWER in detectors:
            found.append(("reviewer", ""))
        if meta.register_person:
            found.append({"alias": ("register-alias", ""), "initials": ("register-alias", ""), "title": ("register-alias", ""),
                          "fuzzy": ("register-fuzzy", "")}.get(
                meta.match or "", ("register-exact", "")))
        if meta.register_address:
            found.append(("register-address", ""))
        if meta.register_dob:
            found.append(("register-birth", ""))
        if meta.propagated_from or meta.address_town:
            found.append(("propagated", ""))
    if REGISTER in detectors and not any(n.startswith("register-") for n, _ in found):
        found.append(("register-exact", ""))  # a register reference, or a register date of birth
    own = [x for x in detectors if x not in (PROPAGATION, RESIDUE, REVIEWER, REGISTER)]
    if PROPAGATION in detectors and ("propagated", "") not in found:
        found.append(("propagated", ""))
    if PERSON_EVIDENCE in own:
        rules = [x for x in own if x not in (PERSON_EVIDENCE, SPACY) and x[:1].islower()]
        found.append(("person-evidence", rules[0] if rules else "the name lists and the context"))
    patterns = [x for x in own if x not in (SPACY, PERSON_EVIDENCE) and x[:1].isupper()]
    checked = [x for x in patterns if x in w.checksums and detector_score >= w.checksums[x]]
    if checked:
        found.append(("checksum", checked[0]))
    elif patterns:
        found.append(("pattern", f"{patterns[0]} {detector_score:.2f}"))
    if SPACY in own:
        name = _NER_EVIDENCE.get(r.entity, "ner-other")
        label = E.label(r.entity)
        found.append((name, f"{label} {detector_score:.2f}" if not patterns else label))
    if len([x for x in own if x[:1].isupper()]) >= 2:
        found.append(("agreement", ", ".join(x for x in own if x[:1].isupper())))
    if r.entity in _NAMED and not (meta is not None and (meta.from_register or meta.reviewer)):
        words = _words(core)
        held_title = None  # a title the span itself opens with ('Mrs Jane Hollis')
        while r.entity == E.PERSON and len(words) > 1 and words[0].lower().rstrip(".") in vocabulary.NAME_TITLES:
            held_title = held_title or words[0]
            words = words[1:]
        capitals = [x for x in words if _capitalised(x)]
        if r.entity == E.PERSON and capitals:
            if names.is_first_name(capitals[0]):
                found.append(("first-name", ""))
            if len(capitals) > 1 and names.is_surname(capitals[-1]) or (
                    len(capitals) == 1 and not names.is_first_name(capitals[0]) and names.is_surname(capitals[0])):
                found.append(("surname", ""))
            before = text[max(0, core_start - 24):core_start]
            title = held_title or (m.group(1) if (m := _TITLE.search(before)) else None)
            role = _ROLE_BEFORE.search(text[max(0, core_start - 40):core_start])
            if title:
                found.append(("title", f"'{title}'"))
            elif role:
                found.append(("role", f"'{role.group(1).lower()}'"))
        if words and not capitals:
            found.append(("lower-case", ""))
        elif words:
            classes = [word_class(x) for x in capitals]
            if all(c is WordClass.COMMON for c in classes):
                found.append(("common-word", f"'{capitals[0]}'" if len(capitals) == 1 else ""))
            elif any(c is WordClass.UNKNOWN for c in classes) and not any(x.isupper() and len(x) > 1 for x in capitals):
                found.append(("unknown-word", ""))
        if r.entity == E.LOCATION and core.strip() and places.is_place(core.strip(" ,.'’s")):
            found.append(("gazetteer", ""))
    if r.entity in (E.LOCATION, E.DEMOGRAPHIC) and _countries().fullmatch(core.strip(" ,.")):
        found.append(("country", ""))
    if r.entity == E.DATE and not _DAY.search(core):
        found.append(("date-no-day", ""))
    return found


@lru_cache(maxsize=1)
def _countries() -> re.Pattern[str]:
    entries = load_list("gazetteer", "countries") + load_list("gazetteer", "nationalities")
    return re.compile(rf"(?:the\s+)?(?:{vocabulary.alternation(entries)})(?:['’]s?)?", re.I)


def _key(text: str, r: Replacement) -> tuple[str, str]:
    s, e = r.core if r.core != (0, 0) else (r.start, r.end)
    return r.entity, " ".join(text[s:e].casefold().split())


def _strings(text: str, r: Replacement) -> set[tuple[str, str]]:
    """The strings a mention decides: its whole text, and for a person each word of the name (what
    propagation spreads: 'Hollis' once 'Sam Hollis' is found), titles left out."""
    entity, whole = _key(text, r)
    out = {(entity, whole)}
    if entity == E.PERSON:
        out |= {(entity, w.casefold()) for w in _words(whole) if w.lower().rstrip(".") not in vocabulary.NAME_TITLES}
    return out


def score_replacements(text: str, replacements: list[Replacement],
                       sources: dict[int, tuple[Replacement, Detection]], w: Weights | None = None) -> None:
    """Give each replacement its combined confidence and its evidence (in place); `sources` holds, by
    a replacement's id, the replacement and the detection it was made from.

    One decision per string: after each mention is scored on its own, a mention of a string that
    another mention decided with strong evidence takes that evidence too ('Hollis' alone, after
    'Mrs Sam Hollis')."""
    w = w or weights()
    own: list[tuple[Replacement, list[tuple[str, str]], float, float]] = []
    strong: set[tuple[str, str]] = set()
    for r in replacements:
        made = sources.get(id(r))
        d = made[1] if made is not None and made[0] is r else None  # None: the residue rule's own
        score = r.score  # the detector's own score, as choose or the residue rule wrote it
        found = evidence_of(text, r, d, w, score)
        conf, _ = combine(found, w, score, r.entity)
        own.append((r, found, score, conf))
        if conf >= w.strong:
            strong |= _strings(text, r)
    for r, found, score, conf in own:
        if conf < w.strong and _key(text, r) in strong:
            found = [*found, ("same-string", "")]
        r.score, r.evidence = combine(found, w, score, r.entity)
