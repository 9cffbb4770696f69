"""The case register: the documented shape loads; mistakes name the file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from anonymiser.config.profile import load_profile
from anonymiser.core.errors import RegisterError
from anonymiser.run.register import load_register

GOOD = """\
case: CSPR 2026-03            # optional label
people:
  - name: Sarah Okafor
    aliases: [Sal, Mrs O]
    role: mother
    gender: female
    date_of_birth: 1991-03-14
    pseudonym: null
  - name: Amara Okafor
    role: subject child
    gender: female
    date_of_birth: 2015-06-02
    pseudonym: Emily
addresses:
  - 27 Birchwood Road, Thornton Heath, CR7 8QT
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "family.register.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_documented_shape_loads(tmp_path: Path) -> None:
    reg = load_register(write(tmp_path, GOOD))
    assert reg.case == "CSPR 2026-03"
    mother, child = reg.people
    assert mother.aliases == ("Sal", "Mrs O")
    assert mother.date_of_birth == dt.date(1991, 3, 14)
    profile = load_profile()
    assert mother.role_label == "Mother" and not profile.is_child(mother)
    assert profile.is_child(child) and child.pseudonym == "Emily"
    assert reg.addresses == ("27 Birchwood Road, Thornton Heath, CR7 8QT",)
    assert reg.area is None
    assert load_register(write(tmp_path, "area: croydon\n" + GOOD)).area == "Croydon"


@pytest.mark.parametrize("bad, line, words", [
    (GOOD.replace("    role: mother\n", "    rol: mother\n"), 5, "unknown field 'rol'"),
    (GOOD.replace("    role: mother\n", ""), 3, "missing the field 'role'"),
    (GOOD.replace("gender: female\n    date_of_birth: 1991", "gender: woman\n    date_of_birth: 1991"), 6, "gender"),
    (GOOD.replace("1991-03-14", "14/03/1991"), 7, "YYYY-MM-DD"),
    (GOOD.replace("aliases: [Sal, Mrs O]", "aliases: [Sal, Mrs O"), 5, "not valid YAML"),
    (GOOD.replace("people:", "famly:"), 2, "unknown field 'famly'"),
    ("area: Atlantis\n" + GOOD, 1, "area: unknown area 'Atlantis'"),
])
def test_mistakes_name_file_and_line(tmp_path: Path, bad: str, line: int, words: str) -> None:
    path = write(tmp_path, bad)
    with pytest.raises(RegisterError) as err:
        load_register(path)
    message = err.value.line()
    assert str(path) in message
    assert f"line {line}" in message
    assert words in message


def test_empty_and_missing_register(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="empty"):
        load_register(write(tmp_path, "  \n"))
    with pytest.raises(RegisterError, match="not found"):
        load_register(tmp_path / "nope.yaml")


def test_duplicate_person_is_refused(tmp_path: Path) -> None:
    text = GOOD + "  - name: sarah  okafor\n    role: aunt\n"
    text = text.replace("addresses:\n  - 27 Birchwood Road, Thornton Heath, CR7 8QT\n", "") + ""
    with pytest.raises(RegisterError, match="listed twice"):
        load_register(write(tmp_path, text))


def test_the_readme_example_loads_with_its_references(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    example = readme.split("## The case register", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    reg = load_register(write(tmp_path, example))
    assert reg.case == "CSPR 2026-03"
    assert reg.references and all(isinstance(r, str) for r in reg.references)
    # The case label holds a number, so it is searched for as well as keying the pseudonym map.
    assert reg.known_references[0] == reg.case == reg.case_key


def test_a_field_given_twice_is_refused_not_half_read(tmp_path: Path) -> None:
    # YAML keeps only the last of two 'people:' lists: the first family would silently go unprotected.
    text = GOOD.replace("addresses:", "people:\n  - name: Tunde Okafor\n    role: father\naddresses:")
    with pytest.raises(RegisterError) as err:
        load_register(write(tmp_path, text))
    message = err.value.line()
    assert "line 14: " in message and "on line 2," in message and "repeats a field" in message
    person_twice = GOOD.replace("    gender: female\n    date_of_birth: 2015", "    gender: female\n    role: child\n"
                                "    date_of_birth: 2015")
    with pytest.raises(RegisterError, match="line 12: .*repeats a field already given on line 10"):
        load_register(write(tmp_path, person_twice))


@pytest.mark.parametrize("bad", [
    GOOD.replace("    gender: female\n    date_of_birth: 1991", "    gender: Tunde Okafor\n    date_of_birth: 1991"),
    GOOD.replace("  - name: Amara Okafor\n", "  - name: Amara Okafor\n    Tunde Okafor: father\n"),
])
def test_a_name_typed_in_the_wrong_place_is_not_echoed(tmp_path: Path, bad: str) -> None:
    with pytest.raises(RegisterError) as err:
        load_register(write(tmp_path, bad))
    assert "line " in err.value.line() and "tunde" not in err.value.line().lower()


@pytest.mark.parametrize("chosen", ["Sarah", "Ms Okafor", "Sal", "Amara"])
def test_a_chosen_pseudonym_that_is_a_register_name_is_refused(tmp_path: Path, chosen: str) -> None:
    # Published as a pseudonym, it would pass every check: the run stops at the register instead.
    with pytest.raises(RegisterError) as err:
        load_register(write(tmp_path, GOOD.replace("pseudonym: Emily", f"pseudonym: {chosen}")))
    assert "line 13: person 2's pseudonym is a name in this register" in err.value.line()
    assert chosen.lower() not in err.value.line().lower()


ADDRESSES = GOOD.replace("addresses:\n  - 27 Birchwood Road, Thornton Heath, CR7 8QT\n", """\
addresses:
  - 27 Birchwood Road, Thornton Heath, CR7 8QT
  - address: Flat 2, 9 Mill Lane, Leeds, LS1 4AB
    label: the mother's new flat
    residents: [Sal]
  - address: 14 Elm Road, Croydon
    residents: [subject child, Sarah Okafor]
""")


def test_an_address_may_say_who_lives_there_and_what_it_becomes(tmp_path: Path) -> None:
    reg = load_register(write(tmp_path, ADDRESSES))
    mother, child = reg.people
    assert reg.addresses == ("27 Birchwood Road, Thornton Heath, CR7 8QT", "Flat 2, 9 Mill Lane, Leeds, LS1 4AB",
                             "14 Elm Road, Croydon")
    assert reg.address_note(0).label is None and reg.address_note(0).residents == ()
    assert reg.address_note(1).label == "the mother's new flat" and reg.address_note(1).residents == (mother.key,)
    # residents by alias, by name or by a role only one person has
    assert reg.address_note(2).residents == (child.key, mother.key)


@pytest.mark.parametrize("bad, line, words", [
    (ADDRESSES.replace("    residents: [Sal]\n", "    residents: [Tunde]\n"), 18, "resident 1 of address 2"),
    (ADDRESSES.replace("    label: the mother's new flat\n", "    label: Sarah's new flat\n"), 17,
     "label holds a register name"),
    (ADDRESSES.replace("    label: the mother's new flat\n", "    label: the flat on Mill Lane\n"), 17,
     "label holds a word or number of a register address"),
    (ADDRESSES.replace("    label: the mother's new flat\n", "    label: the Croydon house\n"), 17,
     "label holds a word or number of a register address"),
    (ADDRESSES.replace("    label: the mother's new flat\n", "    lable: the mother's new flat\n"), 17,
     "unknown field 'lable'"),
    (ADDRESSES.replace("  - address: 14 Elm Road, Croydon\n    residents", "  - residents"), 19,
     "missing the field 'address'"),
])
def test_an_address_entry_with_a_mistake_names_its_line_and_not_its_text(
        tmp_path: Path, bad: str, line: int, words: str) -> None:
    with pytest.raises(RegisterError) as err:
        load_register(write(tmp_path, bad))
    message = err.value.line()
    assert f"line {line}" in message and words in message
    assert "Mill Lane" not in message and "Tunde" not in message and "Sarah" not in message
    assert "Croydon" not in message
