"""The case register: the family a review is about. Its schema lives here and only here."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import entities as E
from .errors import RegisterError
from .yamlfile import Node, check_fields, load_yaml

GENDERS = ("female", "male", "unknown")

# Roles whose holders are children: the default profile gives them a first-name pseudonym
# (as published reviews do: 'Emily' and 'Jack'), while adults are called by their role.
CHILD_ROLES = frozenset({
    "subject child", "child", "sibling", "half-sibling", "half sibling", "step-sibling",
    "stepsibling", "brother", "sister", "half-brother", "half-sister", "twin", "baby",
    "cousin", "foster child",
})

TOP_FIELDS = {"case", "people", "addresses", "references"}
PERSON_FIELDS = {"name", "aliases", "role", "gender", "date_of_birth", "pseudonym"}


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
    def is_child(self) -> bool:
        return self.role.lower() in CHILD_ROLES

    @property
    def role_label(self) -> str:
        """'maternal grandmother' -> 'Maternal Grandmother'."""
        return " ".join(w[:1].upper() + w[1:] for w in self.role.split())

    @property
    def first_name(self) -> str:
        return self.name.split()[0]

    @property
    def surname(self) -> str | None:
        parts = self.name.split()
        return parts[-1] if len(parts) > 1 else None


@dataclass(frozen=True)
class Register:
    """A case register: a label, the people, and the family's addresses."""

    case: str | None
    people: tuple[Person, ...]
    addresses: tuple[str, ...] = ()
    references: tuple[str, ...] = ()  # case, crime and hospital numbers the officer knows
    path: Path | None = field(default=None, compare=False)

    @property
    def case_key(self) -> str:
        if self.case:
            return self.case
        return self.path.stem if self.path else "case"

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


def _text(path: Path, node: Node, where: str, required: bool = True) -> str | None:
    value = node.value
    if value is None and not required:
        return None
    if not isinstance(value, (str, int)) or not str(value).strip():
        raise RegisterError(path, f"line {node.line}: {where} should be some text", "Fill it in.")
    return " ".join(str(value).split())


def _date(path: Path, node: Node, where: str) -> dt.date | None:
    value = node.value
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RegisterError(path, f"line {node.line}: {where} should be a date written YYYY-MM-DD",
                        "For example: date_of_birth: 2015-03-14.")


def _person(path: Path, node: Node, n: int) -> Person:
    where = f"person {n}"
    f = check_fields(path, node, PERSON_FIELDS, {"name", "role"}, RegisterError, where)
    name = _text(path, f["name"], f"{where}'s name")
    # Consoles are logged, so an entry is named by its number and line, never by the person's name.
    where = f"person {n} (line {node.line})"
    gender = (_text(path, f["gender"], f"{where}'s gender") or "unknown").lower() if "gender" in f else "unknown"
    if gender not in GENDERS:
        raise RegisterError(path, f"line {f['gender'].line}: {where}'s gender is not one of "
                            f"{', '.join(GENDERS)}", "Use one of those words.")
    aliases: tuple[str, ...] = ()
    if "aliases" in f and f["aliases"].value is not None:
        items = f["aliases"].value
        if not isinstance(items, list):
            raise RegisterError(path, f"line {f['aliases'].line}: {where}'s aliases should be a list",
                                "Write them as [Sal, Mrs O].")
        aliases = tuple(a for a in (_text(path, item, f"an alias of {where}") for item in items) if a)
    pseudonym = _text(path, f["pseudonym"], f"{where}'s pseudonym", required=False) if "pseudonym" in f else None
    return Person(
        name=name or "",
        role=(_text(path, f["role"], f"{where}'s role") or "").lower(),
        gender=gender,
        aliases=aliases,
        date_of_birth=_date(path, f["date_of_birth"], f"{where}'s date_of_birth") if "date_of_birth" in f else None,
        pseudonym=pseudonym,
    )


def load_register(path: Path | str) -> Register:
    """Read and validate a case register; every problem names the file and line."""
    path = Path(path)
    root = load_yaml(path, RegisterError, "case register")
    f = check_fields(path, root, TOP_FIELDS, {"people"}, RegisterError, "the register")
    people_node = f["people"]
    if not isinstance(people_node.value, list) or not people_node.value:
        raise RegisterError(path, f"line {people_node.line}: 'people' should list at least one person",
                            "Add each family member as '- name: ...' with a role.")
    people = tuple(_person(path, node, i + 1) for i, node in enumerate(people_node.value))
    seen: dict[str, int] = {}
    for i, p in enumerate(people):
        if p.key in seen:
            raise RegisterError(path, f"line {people_node.value[i].line}: person {i + 1} is listed twice "
                                f"(also person {seen[p.key] + 1}, line {people_node.value[seen[p.key]].line})",
                                "Merge the two entries.")
        seen[p.key] = i
    addresses: tuple[str, ...] = ()
    if "addresses" in f and f["addresses"].value is not None:
        if not isinstance(f["addresses"].value, list):
            raise RegisterError(path, f"line {f['addresses'].line}: 'addresses' should be a list",
                                "Write each address on its own '- ' line.")
        addresses = tuple(a for a in (_text(path, n, "an address") for n in f["addresses"].value) if a)
    case = _text(path, f["case"], "the case label", required=False) if "case" in f else None
    references = _references(path, f["references"]) if "references" in f else ()
    register = Register(case=case, people=people, addresses=addresses, references=references, path=path)
    _check_pseudonyms(path, register, people_node)
    return register


def _check_pseudonyms(path: Path, register: Register, people_node: Node) -> None:
    """A chosen pseudonym that is itself a register name would be published as if it were safe."""
    from .recognizers.case_register import CaseRegisterRecognizer
    from .textview import view_of

    names = CaseRegisterRecognizer(register)
    for i, person in enumerate(register.people):
        if person.pseudonym and names.analyze(view_of(person.pseudonym), [E.PERSON]):
            line = people_node.value[i].value["pseudonym"].line
            raise RegisterError(path, f"line {line}: person {i + 1}'s pseudonym is a name in this register, so the "
                                "real name would be published", "Choose a pseudonym that is not anyone's name here.")


def _references(path: Path, node: Node) -> tuple[str, ...]:
    """The optional list of case, crime and hospital numbers; messages give the line, never the number."""
    if node.value is None:
        return ()
    if not isinstance(node.value, list):
        raise RegisterError(path, f"line {node.line}: 'references' should be a list",
                            "Write each reference on its own '- ' line.")
    out = []
    for n, item in enumerate(node.value, 1):
        if not isinstance(item.value, str):
            # YAML reads 0012345 as an octal number and 1:20 as 80: the reference would be lost.
            raise RegisterError(path, f"line {item.line}: reference {n} should be written in quotes",
                                'Put it in quotes exactly as the draft writes it, e.g. - "000481".')
        text = _text(path, item, f"reference {n}") or ""
        if not searchable(text):
            raise RegisterError(path, f"line {item.line}: reference {n} is too short to search for safely",
                                "Write it in full, with its letters, as the draft writes it.")
        out.append(text)
    return tuple(dict.fromkeys(out))
