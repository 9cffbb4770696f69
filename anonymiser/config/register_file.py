"""The case register file: its schema lives here and only here."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from anonymiser.config.places import area_setting
from anonymiser.config.yamlfile import Node, check_fields, load_yaml
from anonymiser.core.errors import RegisterError
from anonymiser.core.register import GENDERS, AddressNote, Person, Register, searchable

TOP_FIELDS = {"case", "people", "addresses", "references", "area"}
PERSON_FIELDS = {"name", "aliases", "role", "gender", "date_of_birth", "pseudonym"}
# An address is a line of text, or these fields: whose it is ('residents') and what it becomes ('label').
ADDRESS_FIELDS = {"address", "label", "residents"}


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


def parse_register(path: Path | str) -> tuple[Register, Node]:
    """Read and validate a case register's schema; every problem names the file and line.

    The 'people' node comes back too, so a later check (run/register.py) can name a person's line."""
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
    addresses, notes = _addresses(path, f["addresses"], people) if "addresses" in f else ((), ())
    case = _text(path, f["case"], "the case label", required=False) if "case" in f else None
    references = _references(path, f["references"]) if "references" in f else ()
    area = area_setting(path, f["area"], "area", RegisterError) if "area" in f else None
    return Register(case=case, people=people, addresses=addresses, references=references, area=area,
                    address_notes=notes, path=path), people_node


def _addresses(path: Path, node: Node, people: tuple[Person, ...]) -> tuple[tuple[str, ...], tuple[AddressNote, ...]]:
    """The addresses, and for each what the register says of it: an item is the address's text, or
    'address:' with an optional 'label:' (what it becomes) and 'residents:' (who lives there, by
    name, alias or a role only one person has). Messages give the line, never the address."""
    if node.value is None:
        return (), ()
    if not isinstance(node.value, list):
        raise RegisterError(path, f"line {node.line}: 'addresses' should be a list",
                            "Write each address on its own '- ' line.")
    addresses: list[str] = []
    notes: list[AddressNote] = []
    labels: list[tuple[str, int, str]] = []
    for n, item in enumerate(node.value, 1):
        where = f"address {n} (line {item.line})"
        if not isinstance(item.value, dict):
            text = _text(path, item, f"address {n}")
            if text:
                addresses.append(text)
                notes.append(AddressNote())
            continue
        f = check_fields(path, item, ADDRESS_FIELDS, {"address"}, RegisterError, where)
        label = _text(path, f["label"], f"{where}'s label", required=False) if "label" in f else None
        if label and _names_someone(label, people):
            raise RegisterError(path, f"line {f['label'].line}: {where}'s label holds a register name",
                                "Write whose it is by role: 'the father's flat'.")
        residents = _residents(path, f["residents"], people, where) if "residents" in f else ()
        addresses.append(_text(path, f["address"], f"{where}'s address") or "")
        notes.append(AddressNote(label=label, residents=residents))
        if label:
            labels.append((label, f["label"].line, where))
    for label, line, where in labels:
        if _holds_part_of(label, addresses):
            raise RegisterError(path, f"line {line}: {where}'s label holds a word or number of a register address",
                                "Say what it is in lower case, without its street or town: 'a rented room'.")
    return tuple(addresses), tuple(notes)


def _holds_part_of(label: str, addresses: list[str]) -> bool:
    """'Flat at Mill Lane', 'the Royton bungalow': a capitalised word or a number of an address."""
    said = {w.lower() for a in addresses for w in re.findall(r"\w+", a)}
    return any(w.lower() in said for w in re.findall(r"\w+", label) if w[0].isupper() or w.isdigit())


def _names_someone(text: str, people: tuple[Person, ...]) -> bool:
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    return any(w.lower() in words for p in people for name in (p.name, *p.aliases) for w in name.split()
               if len(w) > 1)


def _residents(path: Path, node: Node, people: tuple[Person, ...], where: str) -> tuple[str, ...]:
    """The register keys of the people listed as living at an address."""
    if node.value is None:
        return ()
    if not isinstance(node.value, list):
        raise RegisterError(path, f"line {node.line}: {where}'s residents should be a list",
                            "Write them as [subject child, mother] or by their names.")
    keys: list[str] = []
    for m, item in enumerate(node.value, 1):
        said = " ".join(str(item.value).split()).lower() if isinstance(item.value, (str, int)) else ""
        named = [p for p in people if said in (p.name.lower(), *(a.lower() for a in p.aliases))]
        by_role = [p for p in people if p.role == said]
        found = named or (by_role if len(by_role) == 1 else [])
        if len(found) != 1:
            raise RegisterError(path, f"line {item.line}: resident {m} of {where} is not one person on the register",
                                "Write a name or alias as the register gives it, or a role only one person has.")
        keys.append(found[0].key)
    return tuple(dict.fromkeys(keys))


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
