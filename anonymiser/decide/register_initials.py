"""Initials of a register person: 'KA said she would not go home', where Kayleigh Armstrong is the child."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person, Register
from anonymiser.decide.state import DecideState


def _initials(name: str) -> set[str]:
    """'Kayleigh Ann Armstrong' -> {'KAA', 'KA'}: every name's first letter, and the first and last's."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words).upper(), (words[0][0] + words[-1][0]).upper()}


def initials_owners(register: Register) -> dict[str, Person]:
    """Initials ('KA', 'KAA') -> the one register person whose name has them; initials two register
    people share are no one's."""
    owners: dict[str, list[Person]] = {}
    for p in register.people:
        for letters in _initials(p.name):
            owners.setdefault(letters, []).append(p)
    return {letters: people[0] for letters, people in owners.items() if len(people) == 1}


def letters_of(written: str) -> str:
    """'K.A.' -> 'KA': initials as written, without their stops and spaces."""
    return written.replace(".", "").replace(" ", "").upper() if written.replace(".", "").replace(" ", "").isupper() else ""


def register_initials(text: str, detections: list[Detection], register: Register) -> list[Detection]:
    """A person found as initials alone ('KA', 'W.P.') whose letters are those of exactly one register
    person's name is that person, so they keep one label and a child is never 'Adult F'."""
    owners = initials_owners(register)
    out = []
    for d in detections:
        if d.entity == E.PERSON and not d.person and not d.from_register:
            who = owners.get(letters_of(text[d.start:d.end]))
            if who is not None:
                d = replace(d, person=who.key, meta=replace(d.meta, register_person=who.key, match="initials"))
        out.append(d)
    return out


def labeller(state: DecideState) -> Callable[[str, str], str]:
    """The residue rule's labels: initials only one register person's name has ('KA said') are that
    person ('Megan'); anyone else gets a letter from the case map."""
    owners = initials_owners(state.register)

    def label(key: str, stem: str) -> str:
        who = owners.get(key.replace(".", "").replace(" ", "").upper())  # the residue's keys are lower case
        if who is None:
            return state.case_map.other_label(key, stem)
        mode = state.profile.register_children if state.profile.is_child(who) else state.profile.register_adults
        return state.case_map.register_label(who, state.register, mode, state.text)
    return label
