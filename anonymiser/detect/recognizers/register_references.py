"""The register's own references (its case label and listed case, crime and hospital numbers),
found however a draft spaces, punctuates or capitalises them: 'CSPR 2026-03' is also 'cspr2026-03',
'CSPR 2026 03', 'CSPR-2026-03' and 'CSPR\\n2026-03'."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from anonymiser.core import entities as E
from anonymiser.core.register import Register

NAME = "CaseRegister"
# Between two parts of a reference: nothing, or a little punctuation and space, a line break included
# ('CSPR 2026-\n03' in a PDF's wrapped line).
_GAP = r"[\W_]{0,8}?"
_PART = re.compile(r"[^\W\d_]+|\d+")


@lru_cache(maxsize=4096)
def reference_pattern(reference: str, bounded: bool = True) -> re.Pattern[str] | None:
    """One reference in any spacing, punctuation or case, a number with or without leading zeros.

    Unbounded, it is found inside a longer word too, as a file name runs words together ('QX77123minutes')."""
    parts = _PART.findall(reference)
    if not parts:
        return None
    body = _GAP.join("0*" + re.escape(p.lstrip("0") or "0") if p.isdigit() else re.escape(p) for p in parts)
    # Not inside a longer word or number, nor the start of a longer code or date ('2026-03-14').
    before = r"(?<![^\W_])" + (r"(?<!\d[/.\-])" if parts[0].isdigit() else "")
    after = r"(?![^\W_])" + (r"(?![/.\-]\d)" if parts[-1].isdigit() else "")
    return re.compile(before + body + after if bounded else body, re.IGNORECASE)


def find_references(text: str, references: Iterable[str], bounded: bool = True) -> Iterator[tuple[int, int]]:
    """(start, end) of every written form of each reference, none inside another ('2026-03' in 'CSPR 2026-03')."""
    spans: set[tuple[int, int]] = set()
    for ref in dict.fromkeys(references):
        if not _digits_written(ref, text):
            continue
        pattern = reference_pattern(ref, bounded)
        if pattern is not None:
            spans.update((m.start(), m.end()) for m in pattern.finditer(text))
    last_end = -1
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if end > last_end:
            yield start, end
            last_end = end


def _digits_written(reference: str, text: str) -> bool:
    """False when the reference's longest number (leading zeros aside) is nowhere in `text`, so no
    written form of it can be there either: digits have no case, and every form writes them. A long
    draft's check searches for hundreds of recorded references; most are not there, and this finds
    that without running each one's pattern over the whole text."""
    numbers = [p.lstrip("0") or "0" for p in _PART.findall(reference) if p.isdigit()]
    return not numbers or max(numbers, key=len) in text


class RegisterReferenceRecognizer(EntityRecognizer):
    """The register's case label (when it holds a number) and its listed references, as reference numbers."""

    def __init__(self, register: Register) -> None:
        self.references = register.known_references
        super().__init__(supported_entities=[E.REFERENCE_NUMBER], name=NAME, supported_language="en")

    def load(self) -> None:
        """Nothing to load: the patterns are built from the register."""

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        if E.REFERENCE_NUMBER not in entities:
            return []
        meta = {"recognizer_name": NAME, "recognizer_identifier": self.id, "register_reference": True}
        return [RecognizerResult(E.REFERENCE_NUMBER, s, e, 1.0, recognition_metadata=dict(meta))
                for s, e in find_references(text, self.references)]
