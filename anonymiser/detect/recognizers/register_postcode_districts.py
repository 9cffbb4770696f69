"""A register postcode's district written alone: 'graffiti reading "RUNS S41"', where S41 8DX is a
register address's postcode, names where the family lives as a place does, and goes as one."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymiser.core import entities as E
from anonymiser.core.register import Register
from anonymiser.detect.recognizers.case_register import NAME
from anonymiser.detect.recognizers.postcode import INWARD, OUTWARD

_POSTCODE = re.compile(rf"(?<![\w-])({OUTWARD})[ \t]?{INWARD}(?![\w-])", re.I)


def district_results(text: str, register: Register) -> list[RecognizerResult]:
    """Each register postcode's outward code ('S41') standing alone in the text, as a place."""
    districts = sorted({m.group(1).upper() for a in register.addresses for m in _POSTCODE.finditer(a)})
    if not districts:
        return []
    alone = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, districts))})(?![\w-]|[ \t]?{INWARD}(?![\w-]))")
    return [RecognizerResult(E.LOCATION, m.start(), m.end(), 1.0, recognition_metadata={"recognizer_name": NAME})
            for m in alone.finditer(text)]
