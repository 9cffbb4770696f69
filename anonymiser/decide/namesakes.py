"""People not on the register, grouped by name, with namesakes parted (unseen6 R1).

decide.people groups mentions by their name's words, so two professionals who share a name ('the
community midwife, Ms Jo Bell' and, later, 'a second health visitor, Ms Jo Bell') would share one
label, and the label of one would tell a wrong fact about the other. A mention that introduces someone
afresh, its role written with 'a', 'an' or 'another' ('a second health visitor, Ms Jo Bell'), where the
role is none written at the earlier mentions of that name, starts a new person; the mentions after it
go with the latest introduction. The same role written twice ('the health visitor, Jo Bell' ... 'a
health visitor, Jo Bell') stays one person: a draft may introduce someone again in a later section.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.config import vocabulary
from anonymiser.config.lexicon import PhraseIndex
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.core.register import Person
from anonymiser.decide.people import cluster_others, link_aliases
from anonymiser.decide.roles import written_role

# The article of a role that brings someone in for the first time ('a second health visitor', 'another GP').
_INTRODUCES = re.compile(r"(?:an?|another)(?![\w'’-])", re.I)


def part_namesakes(text: str, detections: list[Detection]) -> list[Detection]:
    """Give a new key to the mentions of a name from an introduction with a new role onwards."""
    people = sorted((d for d in detections if d.entity == E.PERSON and d.person and d.person.startswith("other:")),
                    key=lambda d: d.start)
    current: dict[str, str] = {}  # a name's key -> the key of the person it now stands for
    roles: dict[str, set[str]] = {}  # a person's key -> the roles written at their mentions so far
    count: dict[str, int] = {}  # a name's key -> how many people have had it
    assigned: dict[int, str] = {}
    for d in people:
        name = d.person or ""
        person = current.setdefault(name, name)
        role = written_role(text, d.start, d.end)
        if role is not None:
            held = roles.setdefault(person, set())
            if held and role.role not in held and _INTRODUCES.match(text, role.phrase_start):
                count[name] = count.get(name, 1) + 1
                person = current[name] = f"{name}#{count[name]}"
                held = roles.setdefault(person, set())
            held.add(role.role)
        assigned[id(d)] = person
    if all(assigned[id(d)] == d.person for d in people):
        return detections
    return [replace(d, person=assigned[id(d)]) if id(d) in assigned else d for d in detections]


def people_keys(text: str, detections: list[Detection], allow: PhraseIndex) -> list[Detection]:
    """Every mention of a person not on the register keyed to one person: grouped by name, joined to
    the names given as aliases, and namesakes parted."""
    return part_namesakes(text, link_aliases(text, cluster_others(text, detections, allow)))


_TITLED_SURNAME = re.compile(r"([A-Z][a-z]{1,3})\.?[ \t]+([A-Z][\w'’-]+?)(?:['’]s)?")


def professionals_of_a_family_surname(text: str, detections: list[Detection], people: dict[str, Person]) -> list[Detection]:
    """'Ms Baker (the health visitor)', where the register's Ms Baker is the mother: a title and the
    family's surname written with a professional's role that is not the register person's is the
    professional, and so is every mention of that title and surname, since a draft gives one person
    one title ('Mrs Turner recorded' after 'Mrs Turner (health visitor)')."""
    professional: set[tuple[str, str]] = set()
    for d in detections:
        m = _TITLED_SURNAME.fullmatch(text, d.start, d.end)
        who = people.get(d.person or "") if m else None
        if m and who and m.group(1).lower() in vocabulary.NAME_TITLES and m.group(2) == who.surname:
            role = written_role(text, d.start, d.end)
            if role is not None and role.role.lower() not in who.role.lower():
                professional.add((m.group(1).lower(), m.group(2)))
    if not professional:
        return detections
    out = []
    for d in detections:
        m = _TITLED_SURNAME.fullmatch(text, d.start, d.end)
        if m and d.from_register and (m.group(1).lower(), m.group(2)) in professional:
            d = replace(d, person=None, meta=replace(d.meta, register_person=None, surname_alone=False,
                                                     register_family=False))
        out.append(d)
    return out
