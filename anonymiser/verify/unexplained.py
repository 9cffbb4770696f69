"""Unexplained kept tokens in outputs: what the residue rule would still replace, counted by verify.

The decide stage's residue rule (decide.residue) leaves none in what it writes; a token counted
here was kept by a reviewer's decision, or the output was edited after the run. It is not a leak
of anything the audit knows, so it does not fail the check; verify reports the number.
"""

from __future__ import annotations

from pathlib import Path

from anonymiser.config.profile import Profile
from anonymiser.decide.residue import Residue, unexplained

__all__ = ["count_unexplained", "unexplained"]
from anonymiser.verify.leaks import audit_originals, output_texts


def count_unexplained(outputs: list[Path], profile: Profile, audits: list[Path]) -> list[tuple[str, Residue, str]]:
    """(where, residue, its text) for each unexplained kept token in the outputs' text."""
    written: set[str] = set()
    for a in audits:
        written |= audit_originals(a)[1]
    found: list[tuple[str, Residue, str]] = []
    for path in outputs:
        for where, text in output_texts(path, codes=False):
            if path.suffix.lower() == ".docx" and not where.endswith("word/document.xml"):
                continue  # the body is what is read; parts such as styles hold names of no one
            found += [(where, r, text[r.start:r.end]) for r in unexplained(text, profile, tuple(written))]
    return found
