"""Police officers known by their title or rank ('PC Jo Bell', 'DS Bell') are numbered alike,
as are roles that differ only by a service (decide.roles), on invented review text."""

from __future__ import annotations

import re

from anonymiser import anonymise
from anonymiser.core.register import Person, Register
from anonymiser.decide.roles import POLICE_OFFICER, written_role

REGISTER = Register("CSPR 2033-02", (
    Person("Osian Prys", "subject child", "male"),
    Person("Lowri Prys", "mother", "female"),
))


def test_a_police_title_is_the_mentions_role() -> None:
    text = "DC Hefin Garmon and Det Sgt Elen Rhydderch visited."
    for name in ("DC Hefin Garmon", "Det Sgt Elen Rhydderch"):
        start = text.index(name)
        role = written_role(text, start, start + len(name))
        assert role is not None and role.role == POLICE_OFFICER


def test_a_courtesy_title_gives_no_role() -> None:
    text = "Mr Hefin Garmon visited."
    assert written_role(text, 0, len("Mr Hefin Garmon")) is None


def test_several_constables_are_numbered_alike() -> None:
    text = ("PC Hefin Garmon and PC Elen Rhydderch attended the flat. PC Rhydderch spoke to Lowri. "
            "In May PC Garmon returned with PC Dafydd Wynne-Ellis.")
    out = anonymise(text, register=REGISTER).text
    for word in ("Garmon", "Rhydderch", "Wynne", "Hefin", "Elen", "Dafydd"):
        assert word not in out
    labels = re.findall(r"Police Officer (\d)", out)
    assert labels == ["1", "2", "2", "1", "3"]
    assert "Professional" not in out


def test_roles_that_differ_only_by_a_service_are_numbered_as_one_role() -> None:
    text = ("The MASH social worker, Ms Elen Rhydderch, rang Lowri. Ms Rhydderch then left the team.\n\n"
            "The social worker, Mr Hefin Garmon, visited Osian. Mr Garmon saw him alone.")
    out = anonymise(text, register=REGISTER).text
    assert "Rhydderch" not in out and "Garmon" not in out
    assert "Social Worker 1 rang" in out and "Social Worker 2 visited" in out


def test_roles_of_two_kinds_stay_apart() -> None:
    # 'housing' names a service, but 'officer' alone is no role: the housing officer keeps her role
    text = ("The housing officer, Ms Elen Rhydderch, rang Lowri.\n\n"
            "The probation officer, Mr Hefin Garmon, visited Osian.")
    out = anonymise(text, register=REGISTER).text
    assert "The housing officer rang" in out and "The probation officer visited" in out
