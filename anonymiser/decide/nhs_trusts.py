"""An NHS trust's whole name is kept, whatever its words: 'Alder Hey Children's Hospital NHS Foundation
Trust', 'Leeds and York Partnership NHS Foundation Trust'. Its name before 'NHS' may be a hospital's or
a place no list keeps, which would otherwise go and leave 'the hospital NHS Foundation Trust'."""

from __future__ import annotations

import re

# Capitalised words, with the connectors a trust's name uses, right before 'NHS (Foundation) Trust'.
# No comma: 'Dr Amy Lowe, Leeds Teaching Hospitals NHS Trust' names her beside the trust.
_NAME = r"(?:[A-Z][\w'’.-]*[ \t]+(?:(?:and|&|of|for|the)[ \t]+)?)+"
_TRUST = re.compile(rf"(?<![\w'’-]){_NAME}NHS[ \t]+(?:Foundation[ \t]+)?Trust(?![\w'’-])")


def nhs_trust_names(text: str) -> list[tuple[int, int]]:
    """Where the text names an NHS trust, its name and all."""
    return [m.span() for m in _TRUST.finditer(text)]
