"""Output file names that never carry an identifier, even when the draft is named after the child."""

from __future__ import annotations

import re

from .decide import Replacement
from .register import Register
from .recognizers.case_register import CaseRegisterRecognizer
from . import entities as E


def safe_stem(stem: str, replacements: list[Replacement], register: Register) -> str:
    """The input's stem with every replaced original, and every register name, swapped out."""
    spaced = re.sub(r"[_\-.]+", " ", stem)
    # Longest originals first, so 'Amara Okafor' goes before 'Amara'.
    # Each distinct change once, and only if its first word is in the name at all: a long draft
    # has tens of thousands of replacements and a file name a few words.
    for original, replacement in dict.fromkeys((r.original, r.replacement)
                                               for r in sorted(replacements, key=lambda r: -len(r.original))):
        words = original.split()
        if not words or words[0].lower() not in spaced.lower():
            continue
        pattern = r"(?<![^\W_])" + r"[\s_\-.]+".join(map(re.escape, words)) + r"(?![^\W_])"
        spaced = re.sub(pattern, " " + _slug(replacement) + " ", spaced, flags=re.I)
    if register.people or register.addresses:
        rec = CaseRegisterRecognizer(register)
        for res in sorted(rec.analyze(spaced, [E.PERSON, E.ADDRESS]), key=lambda r: -r.start):
            spaced = spaced[:res.start] + " person " + spaced[res.end:]
    # Digits in a file name are too often a date of birth or a case number to keep.
    spaced = re.sub(r"\d+", " ", spaced)
    out = "-".join(w for w in re.split(r"[^A-Za-z]+", spaced) if w)
    return out or "document"


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[A-Za-z]+", text)) or "x"
