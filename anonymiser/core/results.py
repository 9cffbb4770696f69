"""What the decide stage hands on: each change to make, and each span kept but shown to the reviewer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Replacement:
    """One decided change, in document coordinates."""

    start: int
    end: int
    original: str
    replacement: str
    entity: str
    detectors: tuple[str, ...]
    score: float
    rule: str
    person: str | None = None
    core: tuple[int, int] = (0, 0)  # the identifier itself, before 'the', 'on' or a title was taken in
    # The evidence its confidence (`score`) was combined from, in the reviewer's words ('first-name
    # list', "title 'Mrs'", 'NER person 0.85'); decide.confidence writes both, from models/evidence/.
    evidence: tuple[str, ...] = ()


@dataclass
class Flag:
    """Something kept as written but shown to the reviewer (ethnicity, a low-confidence guess)."""

    start: int
    end: int
    text: str
    entity: str
    reason: str  # in the reviewer's words, for the report
    rule: str = ""  # the decide steps behind it, for the audit log


@dataclass
class Decisions:
    replacements: list[Replacement] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
