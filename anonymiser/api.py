"""The Python API: anonymise text, detect spans, load registers and profiles."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from anonymiser.config.profile import DEFAULT_PROFILE, Profile, load_profile
from anonymiser.core.register import EMPTY_REGISTER, Register
from anonymiser.core.results import Decisions
from anonymiser.pseudonymise.case_map import CaseMap
from anonymiser.run.pipeline import detect_document
from anonymiser.run.register import load_register
from anonymiser.run.spans import detect_spans, text_document
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


def anonymise(text: str, profile: str | Profile = DEFAULT_PROFILE, register: Path | str | Register | None = None,
              case_map: CaseMap | None = None) -> Anonymised:
    """Anonymise a string; pass a CaseMap to keep pseudonyms stable across calls."""
    prof, reg = _resolve(profile, register)
    cmap = case_map or CaseMap(None, reg.case_key, prof.pseudonym_pools)
    decisions = detect_document(text_document(text), prof, reg, cmap)
    return Anonymised(anonymise_text(text, decisions.replacements), decisions)


def detect_texts(texts: dict[str, str], profile: str | Profile = DEFAULT_PROFILE,
                 register: Path | str | Register | None = None, workers: int = 1) -> dict[str, list[tuple[int, int, str]]]:
    """For each text, the spans the profile would replace, typed by benchmark category; `workers`
    processes share the texts out (the spans are the same however many)."""
    prof, reg = _resolve(profile, register)
    return detect_spans(texts, prof, reg, workers)
