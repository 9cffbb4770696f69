"""'Draft version 3 - 27 January 2026': a number after a word that numbers a part or a version is that
part's, though the NER read '3 - 27 January 2026' as a range of days; the date starts after the dash."""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.core.detection import Detection

_NUMBERED = re.compile(rf"\b(?i:{vocabulary.alternation(vocabulary.entries('document_parts'))}|v|no|nos)\.?[ \t]*$")
_LEAD = re.compile(r"\d{1,4}[a-z]?[ \t]*[-–—][ \t]*(?=\d)")


def without_numbered_lead(text: str, d: Detection) -> Detection:
    """The date without a part's or version's number that opens it."""
    lead = _LEAD.match(text, d.start, d.end)
    if lead is None or not _NUMBERED.search(text, max(0, d.start - 20), d.start):
        return d
    return replace(d, start=lead.end())
