"""The pseudonym map: stable across runs and documents, never a name already in the text."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from anonymiser.core.register import Person, Register
from anonymiser.pseudonymise.case_map import CaseMap, letter, pool

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


def test_a_document_that_adds_no_one_leaves_the_map_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    with CaseMap(path, REG.case_key) as cmap:
        name = cmap.register_label(CHILD, REG, "pseudonym", "")
    written = path.stat()
    with CaseMap(path, REG.case_key) as cmap:  # a second document naming the same child
        assert cmap.register_label(CHILD, REG, "pseudonym", "") == name
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (written.st_ino, written.st_mtime_ns)
    with CaseMap(path, REG.case_key) as cmap:  # a third adds someone: written, once
        cmap.other_label("other:anne price", "Professional")
    assert path.stat().st_ino != written.st_ino
    saved = json.loads(path.read_text(encoding="utf-8"))["cases"][REG.case_key]
    assert saved["people"] == {f"{CHILD.key}|pseudonym": name}
    assert saved["others"] == {"other:anne price": "Professional A"}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_unchanged_case_keeps_what_another_run_added_for_it(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    mine = CaseMap(path, REG.case_key)  # read before the other run wrote
    with CaseMap(path, REG.case_key) as other:
        other.other_label("other:tom hale", "Adult")
    with mine:  # re-reads under the lock; adds nothing, so must not write its stale view back
        assert mine.other_label("other:tom hale", "Adult") == "Adult A"
    assert json.loads(path.read_text(encoding="utf-8"))["cases"][REG.case_key]["others"] == {
        "other:tom hale": "Adult A"}


def test_an_other_label_the_draft_already_writes_is_skipped() -> None:
    cmap = CaseMap(None, "case")
    written = {"Child A", "Child B"}.__contains__
    assert cmap.other_label("other:kofi", "Child", written) == "Child C"
    assert cmap.other_label("other:ama", "Adult", written) == "Adult D"  # one letter sequence for all stems
    assert cmap.other_label("other:kofi", "Child", written) == "Child C"  # one label per person
