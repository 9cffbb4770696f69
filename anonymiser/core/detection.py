"""A span a detector found: the unit that passes from detect to decide."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Detection:
    """One span the detectors found, in document coordinates."""

    start: int
    end: int
    entity: str
    score: float
    detectors: tuple[str, ...]
    person: str | None = None  # register key, or a cluster key for other people
    meta: dict = field(default_factory=dict)
    trail: tuple[str, ...] = ()  # the decide steps that made or changed it, named in the audit's rule

    @property
    def from_register(self) -> bool:
        return bool(self.meta.get("register_person") or self.meta.get("register_address"))
