"""A span a detector found: the unit that passes from detect to decide."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True)
class DetectionMeta:
    """What the detectors noted about a span, beyond its type and score; a field at its default was not noted."""

    register_person: str | None = None  # the register key of the person the span names
    match: str | None = None  # how the register matched the name: "exact", "alias", "fuzzy", "initials" or "title" (a family surname the draft's titles give to one person)
    register_family: bool = False  # a surname the register's family shares: which member is unclear
    surname_alone: bool = False  # a register person's surname written without their first name or a title
    register_address: bool = False  # a register address, or part of one
    address_of: tuple[int, ...] = ()  # which register addresses (indices in register.addresses) it may be
    register_dob: str | None = None  # the register key of the person whose date of birth this is
    professional: bool | None = None  # a titled person: True if the title is a professional's ('DC', 'Dr')
    unnamed_area: bool = False  # a place described, not named ('north of the county')
    capitals: bool = False  # found when a run of words in capitals was read again in ordinary case
    reviewer: bool = False  # added by the reviewer's decisions file
    propagated_from: str | None = None  # another mention of this detected phrase
    address_town: bool = False  # the town of a detected address, found elsewhere
    local_kind: str | None = None  # a named local organisation's kind as it is written: 'the church'
    pet: str | None = None  # a pet's name the draft gives with its noun ('Biscuit is their dog'): 'dog'

    @property
    def from_register(self) -> bool:
        return bool(self.register_person or self.register_address)

    def merged(self, newer: DetectionMeta) -> DetectionMeta:
        """These notes, with what `newer` noted in place of the same notes here."""
        noted = {f.name: getattr(newer, f.name) for f in fields(newer) if getattr(newer, f.name) != f.default}
        return replace(self, **noted)


@dataclass
class Detection:
    """One span the detectors found, in document coordinates."""

    start: int
    end: int
    entity: str
    score: float
    detectors: tuple[str, ...]
    person: str | None = None  # register key, or a cluster key for other people
    meta: DetectionMeta = field(default_factory=DetectionMeta)
    trail: tuple[str, ...] = ()  # the decide steps that made or changed it, named in the audit's rule

    @property
    def from_register(self) -> bool:
        return self.meta.from_register
