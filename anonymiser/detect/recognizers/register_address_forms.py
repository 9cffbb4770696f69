"""A register address as a pattern for the draft: in any spacing, case or punctuation, street types full
or abbreviated, and in the shorter forms a draft writes it in."""

from __future__ import annotations

import re

from anonymiser.config import vocabulary

# Street types and the abbreviations drafts use for them ("Marlowe Cres", "Creek Fen Rd").
STREET_TYPES = vocabulary.street_abbreviations()
_STREET_NUMBER = re.compile(r"^\s*\d+[A-Za-z]?(?:\s*[-–]\s*\d+[A-Za-z]?)?\s+\S")


def _street_token(token: str) -> str:
    """A regex for one address word: a street type also matches its abbreviations, with or without '.'."""
    low = token.lower()
    for full, short in STREET_TYPES.items():
        if low == full or low in short:
            return "(?:" + vocabulary.alternation((full,) + short) + r")\.?"
    return re.escape(token)


def sub_addresses(address: str) -> list[str]:
    """The shorter forms a full address is written in: every run of its comma parts that holds the
    house number and street ('41 Marlowe Crescent', '41 Marlowe Crescent, Thornton Heath'), and the
    street alone once the flat is dropped; a flat in a named building without its street ('Flat 6, Brindley
    Court', perhaps with its town). The full address itself is not repeated."""
    parts = [p.strip() for p in address.split(",") if p.strip()]
    street = next((i for i, p in enumerate(parts) if _STREET_NUMBER.match(p)), None)
    sites = _named_sites(parts, street)
    if street is None:
        return ([parts[0]] if len(parts) > 1 else []) + sites
    out = []
    for i in range(0, street + 1):
        for j in range(street + 1, len(parts) + 1):
            if (i, j) != (0, len(parts)):
                out.append(", ".join(parts[i:j]))
    if street >= 2:
        # 'Flat 6, Brindley Court' without its street, and with the town after it: 'FLAT 6 BRINDLEY COURT HANLEY'
        out += [", ".join(parts[:street] + parts[street + 1:j]) for j in range(street + 1, len(parts) + 1)]
    return out + [s for s in sites if s not in out]


def _named_sites(parts: list[str], street: int | None) -> list[str]:
    """The named site or building before the street ('Fenwood Meadows' of 'Plot 4, Fenwood Meadows, Mill
    Road, Ely', 'Brindley Court' of 'Flat 6, Brindley Court, 41 Marlowe Crescent'): written alone, it is
    where the household lives. Two words at least, with no number; a street is found by its type."""
    if street is None:
        street = next((i for i, p in enumerate(parts) if p.split()[-1].lower().rstrip(".") in STREET_TYPES), None)
    return [] if street is None else [p for p in parts[:street] if len(p.split()) >= 2 and not any(c.isdigit() for c in p)]


def address_pattern(address: str) -> re.Pattern[str]:
    """A register address in any spacing, case or punctuation, street types full or abbreviated."""
    tokens = re.findall(r"\w+", address)
    return re.compile(r"(?<!\w)" + r"[\s,.\-'’]*".join(map(_street_token, tokens)) + r"(?!\w)", re.IGNORECASE)
