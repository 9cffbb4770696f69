"""A register address by its house number alone: 'a woman screaming at number 42', where 42 Ings
Crescent is in the register and the draft names Ings Crescent, is that house."""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult

from anonymiser.core import entities as E
from anonymiser.core.register import Register
from anonymiser.detect.recognizers.case_register import NAME
from anonymiser.detect.recognizers.house_numbers import CUE, PLACE_BEFORE, STREET_AFTER
from anonymiser.detect.recognizers.register_address_forms import address_pattern

# A house number opens a comma part of the address and a street follows it: '42 Ings Crescent'.
_HOUSE = re.compile(r"^\s*(\d+[A-Za-z]?)\s+(\S.*?)\s*$")


def _houses(register: Register) -> list[tuple[str, str, int]]:
    """(house number, street, index) of each register address that has both."""
    out = []
    for i, address in enumerate(register.addresses):
        for part in address.split(","):
            m = _HOUSE.match(part)
            if m and re.search(r"[^\W\d_]{2,}", m.group(2)):
                out.append((m.group(1), m.group(2), i))
                break
    return out


def house_number_results(text: str, register: Register) -> list[RecognizerResult]:
    """'number 42' / 'No. 42' after a preposition of place, as the register address with house number
    42 whose street the draft writes; a number two such addresses share may be either."""
    found: dict[tuple[int, int], list[int]] = {}
    for number, street, i in _houses(register):
        if not address_pattern(street).search(text):
            continue  # nothing ties a bare number to this house
        pattern = re.compile(rf"(?<![\w.])(?:{CUE})\.?[ \t]*{re.escape(number)}(?![\w/.\-]\w|\w)", re.I)
        for m in pattern.finditer(text):
            if PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start()) and not STREET_AFTER.match(text, m.end()):
                found.setdefault((m.start(), m.end()), []).append(i)
    meta = {"recognizer_name": NAME, "register_address": True}
    return [RecognizerResult(E.ADDRESS, s, e, 1.0, recognition_metadata={**meta, "register_address_of": tuple(which)})
            for (s, e), which in sorted(found.items())]
