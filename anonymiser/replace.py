"""Apply decisions with Presidio's anonymizer operators, and as per-segment edits for Word."""

from __future__ import annotations

from functools import lru_cache

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from .decide import Replacement
from .document import Document, Edit


@lru_cache(maxsize=1)
def _engine() -> AnonymizerEngine:
    return AnonymizerEngine()


def _delete(_: str) -> str:
    return ""


def anonymise_text(text: str, replacements: list[Replacement]) -> str:
    """The publication text: each decided span replaced through a Presidio 'replace' operator."""
    if not replacements:
        return text
    results, operators = [], {}
    for i, r in enumerate(replacements):
        # One operator per decision: the replacement depends on the person, not just the type.
        key = f"DECISION_{i}"
        results.append(RecognizerResult(key, r.start, r.end, 1.0))
        if r.replacement:
            operators[key] = OperatorConfig("replace", {"new_value": r.replacement})
        else:  # 'replace' treats an empty value as "use the entity name"; a deletion needs 'custom'
            operators[key] = OperatorConfig("custom", {"lambda": _delete})
    return _engine().anonymize(text=text, analyzer_results=results, operators=operators).text


def segment_edits(doc: Document, replacements: list[Replacement]) -> dict[int, list[Edit]]:
    """Decisions as edits inside segments; a span crossing segments puts its text in the first."""
    edits: dict[int, list[Edit]] = {}
    for r in replacements:
        for n, (seg, s, e) in enumerate(doc.segment_spans(r.start, r.end)):
            edits.setdefault(seg, []).append(Edit(s, e, r.replacement if n == 0 else ""))
    return edits
