"""Apply decisions: to the flat text in one pass, and as per-segment edits for Word."""

from __future__ import annotations

from anonymiser.core.document import Document, Edit, apply_edits
from anonymiser.core.results import Replacement


def anonymise_text(text: str, replacements: list[Replacement]) -> str:
    """The publication text: every decided span replaced (an empty replacement deletes it).

    Built in one pass over the sorted spans, so the time grows with the length of the draft,
    not with its length times the number of replacements.
    """
    return apply_edits(text, [Edit(r.start, r.end, r.replacement) for r in replacements])


def segment_edits(doc: Document, replacements: list[Replacement]) -> dict[int, list[Edit]]:
    """Decisions as edits inside segments; a span crossing segments puts its text in the first."""
    edits: dict[int, list[Edit]] = {}
    for r in replacements:
        for n, (seg, s, e) in enumerate(doc.segment_spans(r.start, r.end)):
            edits.setdefault(seg, []).append(Edit(s, e, r.replacement if n == 0 else ""))
    return edits
