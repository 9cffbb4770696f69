"""The Python API: anonymise text, detect spans, load registers and profiles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from anonymiser.config.profile import DEFAULT_PROFILE, Profile, load_profile
from anonymiser.core.document import Document, Segment
from anonymiser.core.entities import ENTITY_TYPES
from anonymiser.core.register import EMPTY_REGISTER, Register
from anonymiser.core.results import Decisions
from anonymiser.pseudonymise.case_map import CaseMap
from anonymiser.run.pipeline import detect_document
from anonymiser.run.register import load_register
from anonymiser.write.replace import anonymise_text


@dataclass
class Anonymised:
    """The result of anonymising one text."""

    text: str
    decisions: Decisions


def _resolve(profile: str | Profile, register: Path | str | Register | None) -> tuple[Profile, Register]:
    prof = profile if isinstance(profile, Profile) else load_profile(profile)
    if register is None:
        reg = EMPTY_REGISTER
    elif isinstance(register, Register):
        reg = register
    else:
        reg = load_register(register)
    return prof, reg


def _doc(text: str, name: str = "text") -> Document:
    return Document(path=Path(name), kind="txt", segments=[Segment(text, "line 1", "")])


def anonymise(text: str, profile: str | Profile = DEFAULT_PROFILE, register: Path | str | Register | None = None,
              case_map: CaseMap | None = None) -> Anonymised:
    """Anonymise a string; pass a CaseMap to keep pseudonyms stable across calls."""
    prof, reg = _resolve(profile, register)
    cmap = case_map or CaseMap(None, reg.case_key, prof.pseudonym_pools)
    decisions = detect_document(_doc(text), prof, reg, cmap)
    return Anonymised(anonymise_text(text, decisions.replacements), decisions)


def detect_texts(texts: dict[str, str], profile: str | Profile = DEFAULT_PROFILE,
                 register: Path | str | Register | None = None) -> dict[str, list[tuple[int, int, str]]]:
    """For each text, the spans the profile would replace, typed by benchmark category."""
    prof, reg = _resolve(profile, register)
    out: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, text in texts.items():
        cmap = CaseMap(None, reg.case_key, prof.pseudonym_pools)
        decisions = detect_document(_doc(text, doc_id), prof, reg, cmap)
        out[doc_id] = [(*r.core, ENTITY_TYPES[r.entity].category.value) for r in decisions.replacements]
    return out
