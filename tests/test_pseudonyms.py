"""The pseudonym map: stable across runs and documents, never a name already in the text."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from anonymiser.pseudonyms import CaseMap, letter, pool
from anonymiser.register import Person, Register

CHILD = Person("Amara Okafor", "subject child", "female")
BOY = Person("Kian Okafor", "sibling", "male")
MUM = Person("Sarah Okafor", "mother", "female")
REG = Register("CSPR 1", (CHILD, BOY, MUM))


def test_letters() -> None:
    assert [letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_gender_matched_and_not_in_the_document(tmp_path: Path) -> None:
    cmap = CaseMap(tmp_path / "map.json", REG.case_key)
    first = cmap.register_label(CHILD, REG, "pseudonym", "no names here")
    assert first in pool("female")
    # The same draw with the first choice written in the text must avoid it.
    other = CaseMap(None, REG.case_key)
    second = other.register_label(CHILD, REG, "pseudonym", f"Her friend {first} visited.")
    assert second != first and second in pool("female")
    assert cmap.register_label(BOY, REG, "pseudonym", "") in pool("male")


def test_stable_across_runs_and_saved_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    with CaseMap(path, REG.case_key) as cmap:
        name = cmap.register_label(CHILD, REG, "pseudonym", "")
        label = cmap.other_label("other:anne price", "Professional")
        label2 = cmap.other_label("other:tom hale", "Adult")
    assert (label, label2) == ("Professional A", "Adult B")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = CaseMap(path, REG.case_key)
    assert again.register_label(CHILD, REG, "pseudonym", f"{name} is mentioned now") == name
    assert again.other_label("other:anne price", "Adult") == "Professional A"
    assert json.loads(path.read_text())["cases"]["CSPR 1"]["next_letter"] == 2


def test_role_labels_and_chosen_pseudonyms() -> None:
    cmap = CaseMap(None, "x")
    assert cmap.register_label(MUM, REG, "role", "") == "Mother"
    chosen = Person("Zara Okafor", "sibling", "female", pseudonym="Jess")
    assert cmap.register_label(chosen, REG, "pseudonym", "") == "Jess"
    second_mum = Person("Joy Hale", "mother", "female")
    assert cmap.register_label(second_mum, REG, "role", "") == "Mother 2"
