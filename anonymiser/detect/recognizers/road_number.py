"""Road numbers ('the A361', 'the M4', 'junction 27 of the M5', 'the A38(M)'): a place, like a street.

A road number is a letter A, B or M and one to four digits. Alone it could be a paper size, a grid
square or an exhibit ('A4', 'B12'), so it is taken only after 'the' or a word of movement along a
road ('along', 'off', 'onto', 'via', 'junction 12 of'), or before a road word ('A361 road'). A
junction written after its road ('the M4 near junction 47') goes as well.
"""

from __future__ import annotations

import regex as re

from anonymiser.core.entities import LOCATION
from anonymiser.detect.recognizers._pattern import UkPattern, UkPatternRecognizer

_ROAD = r"[AMB][1-9]\d{0,3}(?:\s?\(M\))?"
_END = r"(?![\w/\-]|\.\w)"
_LEAD = r"\b(?i:the|along|off|onto|via|down|up|towards|near|junction\s+\d{1,2}\s+of\s+the|j\d{1,2}\s+of\s+the)\s+"
_ROAD_WORD = r"\s+(?i:road|trunk\s+road|motorway|dual\s+carriageway|bypass|slip\s+road|northbound|southbound|eastbound|westbound)\b"


class RoadNumberRecognizer(UkPatternRecognizer):
    """'the A361', 'along the M4', 'off the B3212', 'A38 dual carriageway'."""

    ENTITY = LOCATION
    REQUIRES_MATCH = r"\b[AMB][1-9]"
    PATTERNS = [
        UkPattern("road number after a road lead", rf"{_LEAD}\K{_ROAD}{_END}", 0.85),
        UkPattern("road number before a road word", rf"\b{_ROAD}{_END}(?={_ROAD_WORD})", 0.85),
        # The junction of a road just named locates as closely as the road does: 'the M4 near junction 47'.
        UkPattern("junction after a road number",
                rf"\b{_ROAD}(?:,?\s+(?i:at|near|by|off|past|between))?\s+\K(?i:junction|jct\.?|j)\s?\d{{1,2}}[A-Za-z]?{_END}",
                0.8),
    ]
    FLAGS = re.DOTALL | re.MULTILINE
