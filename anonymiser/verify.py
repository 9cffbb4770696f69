"""The leak check: nothing original may survive in an output."""

from __future__ import annotations

import html
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from . import entities as E
from .birthdates import find_register_births
from .recognizers.case_register import CaseRegisterRecognizer
from .register import Register

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


def find_leaks(text: str, where: str, register: Register, originals: list[tuple[str, str]] | None = None) -> list[Leak]:
    """Search one output text for audit originals, register identifiers and structured identifiers.

    `originals` are (text, entity type) pairs from the audit. Register people and addresses are
    found with the same matcher (any case, line breaks, one-edit misspellings) as detection.
    """
    from .analyzer import build_analyzer  # the engine is heavy; load it only when verifying

    leaks: list[Leak] = []
    seen: set[tuple[int, str]] = set()

    def add(offset: int, found: str, why: str) -> None:
        if (offset, found.lower()) not in seen:
            seen.add((offset, found.lower()))
            leaks.append(Leak(f"{where}:{_context_line(text, offset)}", found, why))

    for original, entity in originals or []:
        if len(original.strip()) < MIN_ORIGINAL or entity in (E.DATE, E.QUANTITY, E.DEMOGRAPHIC):
            continue
        pattern = r"(?<!\w)" + r"\s+".join(map(re.escape, original.split())) + r"(?!\w)"
        for m in re.finditer(pattern, text, re.I):
            add(m.start(), m.group(0), f"original {E.ENTITY_TYPES[entity].label} from the audit")
    if register.people or register.addresses:
        rec = CaseRegisterRecognizer(register)
        for r in rec.analyze(text, [E.PERSON, E.ADDRESS]):
            add(r.start, text[r.start:r.end], "register " + ("name" if r.entity_type == E.PERSON else "address"))
        for d in find_register_births(text, register):
            add(d.start, text[d.start:d.end], "register date of birth")
    engine = build_analyzer()
    for r in engine.analyze(text, language="en", entities=STRUCTURED, nlp_artifacts=None) if text.strip() else []:
        if r.score >= 0.5:
            add(r.start, text[r.start:r.end], E.ENTITY_TYPES[r.entity_type].label)
    return sorted(leaks, key=lambda l: l.where)


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


def audit_originals(path: Path) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("kind") == "replacement":
            out.append((rec["original"], rec["entity_type"]))
    return out


def verify_files(outputs: list[Path], register: Register, audits: list[Path]) -> list[Leak]:
    """Every leak in every output, all DOCX parts and metadata included."""
    originals = [o for a in audits for o in audit_originals(a)]
    leaks: list[Leak] = []
    for path in outputs:
        for where, text in output_texts(path):
            leaks += find_leaks(text, where, register, originals)
    return leaks
