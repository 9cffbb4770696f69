"""Load a case register: its schema, then the checks that need the register matcher."""

from __future__ import annotations

from pathlib import Path

from anonymiser.config.register_file import parse_register
from anonymiser.config.yamlfile import Node
from anonymiser.core import entities as E
from anonymiser.core.errors import RegisterError
from anonymiser.core.register import Register
from anonymiser.core.textview import view_of
from anonymiser.detect.recognizers.case_register import CaseRegisterRecognizer


def load_register(path: Path | str) -> Register:
    """Read and validate a case register; every problem names the file and line."""
    path = Path(path)
    register, people_node = parse_register(path)
    check_pseudonyms(path, register, people_node)
    return register


def check_pseudonyms(path: Path, register: Register, people_node: Node) -> None:
    """A chosen pseudonym that is itself a register name would be published as if it were safe."""
    names = CaseRegisterRecognizer(register)
    for i, person in enumerate(register.people):
        if person.pseudonym and names.analyze(view_of(person.pseudonym), [E.PERSON]):
            line = people_node.value[i].value["pseudonym"].line
            raise RegisterError(path, f"line {line}: person {i + 1}'s pseudonym is a name in this register, so the "
                                "real name would be published", "Choose a pseudonym that is not anyone's name here.")
