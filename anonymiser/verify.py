"""The leak check: nothing original may survive in an output."""

from __future__ import annotations

import html
import json
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import entities as E
from .birthdates import find_register_births
from .recognizers.case_register import CaseRegisterRecognizer
from .register import Register

if TYPE_CHECKING:
    from presidio_analyzer import EntityRecognizer

STRUCTURED = [e for e, t in E.ENTITY_TYPES.items() if t.structured]
MIN_ORIGINAL = 3


@dataclass(frozen=True)
class Leak:
    """Something found in an output that should not be there."""

    where: str
    text: str
    why: str

    def line(self) -> str:
        return f"{self.where}: '{self.text}' ({self.why})"


def _context_line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@lru_cache(maxsize=4096)
def _original_pattern(original: str) -> re.Pattern[str]:
    """Multi-word originals and codes in any case; a single name only as a name is written."""
    words = original.split()
    body = r"\s+".join(map(re.escape, words))
    if len(words) > 1 or any(ch.isdigit() for ch in original) or original.islower():
        return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.I)
    forms = {original, original.upper(), original[:1].upper() + original[1:].lower()}
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(forms))) + r")(?!\w)")


@lru_cache(maxsize=1)
def _structured_recognizers() -> tuple[tuple[EntityRecognizer, list[str]], ...]:
    """The recognizers of codes and numbers, built once: a Word output is checked part by part."""
    from .recognizers import uk_recognizers

    out = []
    for rec in uk_recognizers():
        wanted = [e for e in rec.supported_entities if e in STRUCTURED]
        if wanted:
            out.append((rec, wanted))
    return tuple(out)


def _reads_as_date(text: str, start: int, end: int) -> bool:
    """'May 2023' or '14 March' in an output is a month, even if a person May or the town March was replaced."""
    word = text[start:end]
    if word.lower() not in _MONTHS:
        return False
    return bool(re.match(r"\s*\d", text[end:end + 3]) or re.search(r"\d(st|nd|rd|th)?\s*$", text[max(0, start - 6):start]))


_MONTHS = frozenset("january february march april may june july august september october november december".split())


def find_leaks(text: str, where: str, register: Register, originals: list[tuple[str, str]] | None = None,
               replacements: set[str] | None = None, allowlists: tuple[str, ...] = (),
               inserted: list[tuple[int, int]] | None = None) -> list[Leak]:
    """Search one output text for audit originals, register identifiers and structured identifiers.

    `originals` are (text, entity type) pairs from the audit, `replacements` the texts put in their
    place (an original that is itself a pseudonym, like a draft already saying 'Sam', is no leak).
    Register people and addresses are found with the same matcher as detection (any case, line
    breaks, one-edit misspellings); what lies inside an allowlisted term ('Mother') is not a leak,
    nor is anything inside the text the tool itself `inserted` ('THE FAMILY HOME').
    """
    from .lexicon import WordIndex, overlapping, phrase_index

    allowed = phrase_index("allowlist", allowlists).find(text) if allowlists else []
    own = sorted(inserted or ())
    index = WordIndex(text)
    replaced = {r.lower() for r in replacements or set()}
    leaks: list[Leak] = []
    seen: set[tuple[int, str]] = set()

    def add(start: int, end: int, why: str, structured: bool = False) -> None:
        found = text[start:end]
        if not structured and any(s <= start and end <= e for s, e in overlapping(allowed, start, end)):
            return
        if any(s <= start and end <= e for s, e in overlapping(own, start, end)):
            return
        if (start, found.lower()) not in seen:
            seen.add((start, found.lower()))
            leaks.append(Leak(f"{where}:{_context_line(text, start)}", found, why))

    for original, entity in dict.fromkeys(originals or []):  # a name replaced 500 times is searched for once
        if (len(original.strip()) < MIN_ORIGINAL or entity in (E.DATE, E.QUANTITY, E.DEMOGRAPHIC)
                or original.lower() in replaced):
            continue
        for m in index.finditer(_original_pattern(original), " ".join(original.split())):
            if _reads_as_date(text, m.start(), m.end()):
                continue
            add(m.start(), m.end(), f"original {E.ENTITY_TYPES[entity].label} from the audit",
                E.ENTITY_TYPES[entity].structured)
    if register.people or register.addresses:
        rec = CaseRegisterRecognizer(register)
        for r in rec.analyze(text, [E.PERSON, E.ADDRESS]):
            if text[r.start:r.end].lower() not in replaced:
                add(r.start, r.end, "register " + ("name" if r.entity_type == E.PERSON else "address"))
        for d in find_register_births(text, register):
            add(d.start, d.end, "register date of birth", True)
    # The structured recognizers need no language model, so verifying costs no second NER pass.
    for rec, wanted in _structured_recognizers():
        for r in rec.analyze(text, wanted, None):
            if r.score >= 0.5:
                add(r.start, r.end, E.ENTITY_TYPES[r.entity_type].label, True)
    return sorted(leaks, key=lambda l: (l.where, l.text))


def output_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) for every readable part of an output: the text itself, or every XML part of a DOCX."""
    from .errors import InputError

    if not path.exists():
        raise InputError(path, "file not found", "Check the path.")
    if path.suffix.lower() == ".docx":
        try:
            with zipfile.ZipFile(path) as z:
                parts = []
                for name in z.namelist():
                    if name.endswith((".xml", ".rels")):
                        xml = z.read(name).decode("utf-8", errors="replace")
                        xml = re.sub(r"</w:p>|<w:br/>|<w:tab/>|</w:tc>|</cp:\w+>|</dc:\w+>", "\n", xml)
                        # attribute values (alt text, titles) count too
                        attrs = " ".join(re.findall(r'(?:descr|title|name)="([^"]*)"', xml))
                        parts.append((f"{path.name}:{name}", html.unescape(re.sub(r"<[^>]+>", "", xml) + "\n" + attrs)))
                return parts
        except zipfile.BadZipFile:
            raise InputError(path, "is not a valid Word document", "Re-run anonymiser to regenerate it.") from None
    return [(path.name, path.read_text(encoding="utf-8", errors="replace"))]


def audit_originals(path: Path) -> tuple[list[tuple[str, str]], set[str]]:
    """(original, entity type) pairs and the replacement texts recorded in an audit log."""
    originals, replacements = [], set()
    # Records are split on "\n" only: an original may itself hold U+2028 or U+0085.
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line:
            continue
        rec = json.loads(line)
        if rec.get("kind") == "replacement":
            originals.append((rec["original"], rec["entity_type"]))
            replacements.add(rec["replacement"])
    return originals, replacements


def verify_files(outputs: list[Path], register: Register, audits: list[Path],
                 allowlists: tuple[str, ...] = ()) -> list[Leak]:
    """Every leak in every output, all DOCX parts and metadata included."""
    originals: list[tuple[str, str]] = []
    replacements: set[str] = set()
    for a in audits:
        o, r = audit_originals(a)
        originals += o
        replacements |= r
    leaks: list[Leak] = []
    for path in outputs:
        for where, text in output_texts(path):
            leaks += find_leaks(text, where, register, originals, replacements, allowlists)
    return leaks
