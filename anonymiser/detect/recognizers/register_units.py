"""A flat's number in a register address: 'Flat 1, 38 Harebell Road' is not the register's 'Flat 2, 38
Harebell Road', though the street and house number after it are the same."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary

_UNIT = rf"(?:{vocabulary.alternation(sorted({w.rstrip('.') for w in vocabulary.entries('unit_words')}))})\.?"
_UNIT_OPENING = re.compile(rf"^\s*{_UNIT}\s*(\w+)\s*,", re.IGNORECASE)
# A unit's number has a digit or is one letter ('Flat 2', 'Flat 2B', 'Flat B'): 'his own flat at' has none.
_UNIT_BEFORE = re.compile(rf"(?<![\w'’-]){_UNIT}\s*(\d\w*|[A-Za-z]\d*)[\s,]*$", re.IGNORECASE)


def unit_of(address: str) -> str | None:
    """The flat or unit number a register address opens with ('Flat 2, 38 ...' -> '2'), if any."""
    m = _UNIT_OPENING.match(address)
    return m.group(1).lower() if m else None


def another_unit_before(text: str, start: int, unit: str | None) -> bool:
    """A flat or unit other than the register address's own is written just before `start`."""
    if unit is None:
        return False
    m = _UNIT_BEFORE.search(text, max(0, start - 24), start)
    return m is not None and m.group(1).lower() != unit
