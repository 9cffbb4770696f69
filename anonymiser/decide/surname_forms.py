"""A register person's surname in the forms a draft writes it: 'the Hewsons', 'the Balogs', 'Denisa H.'."""

from __future__ import annotations

import re
import unicodedata

from anonymiser.core.detection import Detection
from anonymiser.core.register import Person
from anonymiser.decide.state import DecideState


def plural_household(state: DecideState, d: Detection) -> str | None:
    """'the Hewsons', where everyone of that surname on the register has one role: 'the foster
    carers'; a surname people of different roles share ('the Okafors') is 'the family'."""
    written = state.text[d.start:d.end]
    if not re.fullmatch(r"[A-Z][\w'’-]+s", written) or not re.search(r"\bthe\s+$", state.text[max(0, d.start - 5):d.start], re.I):
        return None
    bearers = [p for p in state.register.people if p.surname and p.surname + "s" == written]
    if len(bearers) < 2:
        return None
    roles = {p.role.lower() for p in bearers}
    return f"the {roles.pop()}s" if len(roles) == 1 else "the family"


def plural_surname(text: str, start: int, end: int, who: Person) -> bool:
    """'the Balogs': the person's surname with a plural 's', after 'the'."""
    surname = who.surname
    return bool(surname) and text[start:end].lower() == f"{surname}s".lower() \
        and re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.I) is not None


def surname_initial(text: str, end: int, who: Person) -> int:
    """Where a first name ends once the initial of the person's own surname after it is taken in
    ('Denisa H.'); `end` when no such initial follows."""
    m = re.match(r"[ \t]+([^\W\d_])\.(?![\w.])", text[end:end + 5])
    before = text[max(0, end - 80):end].split()  # the word ending at `end`, without splitting all before it
    first = before[-1] if before else ""
    surname = who.surname or ""
    if m and surname and first.lower() == who.first_name.lower() and len(who.name.split()) > 1 \
            and unicodedata.normalize("NFD", m.group(1))[0].upper() == unicodedata.normalize("NFD", surname)[0].upper():
        return end + m.end()
    return end
