"""The case register: the family a review is about, as the stages read it (config/register_file.py reads the file)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

GENDERS = ("female", "male", "unknown")


_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"})


@dataclass(frozen=True)
class Person:
    """One member of the family, as the register lists them."""

    name: str
    role: str
    gender: str = "unknown"
    aliases: tuple[str, ...] = ()
    date_of_birth: dt.date | None = None
    pseudonym: str | None = None

    @property
    def key(self) -> str:
        """Stable identity for the pseudonym map."""
        return "register:" + " ".join(self.name.lower().split())

    @property
    def role_label(self) -> str:
        """'maternal grandmother' -> 'Maternal Grandmother'; a joining word after the first stays small
        ('Uncle by Marriage', 'Mother of the Father')."""
        words = self.role.split()
        return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def surname(self) -> str | None:
        parts = self.name.split()
        return parts[-1] if len(parts) > 1 else None


@dataclass(frozen=True)
class AddressNote:
    """What the register says of one of its addresses, beyond the address itself."""

    label: str | None = None  # what the address becomes in the text ('the father's flat')
    residents: tuple[str, ...] = ()  # the register keys of the people who live there


@dataclass(frozen=True)
class Register:
    """A case register: a label, the people, and the family's addresses."""

    case: str | None
    people: tuple[Person, ...]
    addresses: tuple[str, ...] = ()
    references: tuple[str, ...] = ()  # case, crime and hospital numbers the officer knows
    area: str | None = None  # the partnership's area ('Devon'); beats the profile's keep.area
    address_notes: tuple[AddressNote, ...] = ()  # one for each of `addresses`, where the register says more
    path: Path | None = field(default=None, compare=False)

    @property
    def case_key(self) -> str:
        if self.case:
            return self.case
        return self.path.stem if self.path else "case"

    def address_note(self, index: int) -> AddressNote:
        """What the register says of its address `index` (nothing, for a plain address line)."""
        return self.address_notes[index] if index < len(self.address_notes) else AddressNote()

    @property
    def known_references(self) -> tuple[str, ...]:
        """What is removed as a reference: the listed references, and the case label when it holds a
        number ('CSPR 2026-03'; a label of words only, 'Child H', is the review's published name)."""
        label: tuple[str, ...] = ()
        if self.case and any(c.isdigit() for c in self.case) and searchable(self.case):
            # Its number is found alone too: a draft writes 'case QX77123' as often as 'CSPR QX77123'.
            words = self.case.split()
            holding = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
            number = " ".join(words[holding[0]:holding[-1] + 1]).strip("()[],;:")
            label = (self.case, number) if number != self.case and searchable(number) else (self.case,)
        return tuple(dict.fromkeys(label + self.references))


def searchable(reference: str) -> bool:
    """Long enough to find without taking ordinary words or years: four letters or digits, not a bare
    number of four digits or fewer."""
    chars = [c for c in reference if c.isalnum()]
    return len(chars) >= 4 and not (all(c.isdigit() for c in chars) and len(chars) <= 4)


EMPTY_REGISTER = Register(case=None, people=())
