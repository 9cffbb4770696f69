"""The profile's flag lists (ethnicities): each term no replacement covers is kept and flagged for the reviewer."""

from __future__ import annotations

from anonymiser.config.lexicon import phrase_index
from anonymiser.core import entities as E
from anonymiser.core.results import Flag, Replacement
from anonymiser.decide.vehicles import colour_of_a_vehicle

WHY = "ethnicity: kept; check it is needed"


def ethnicity_flags(text: str, replacements: list[Replacement], lists: tuple[str, ...], step: str) -> list[Flag]:
    """A flag for each listed term in `text`, except inside a replacement or as a vehicle's colour ('a black car')."""
    return [Flag(s, e, text[s:e], E.DEMOGRAPHIC, WHY, f"{step}: {WHY}")
            for s, e in phrase_index("gazetteer", lists).find(text)
            if not any(r.start <= s < r.end for r in replacements) and not colour_of_a_vehicle(text, e)]
