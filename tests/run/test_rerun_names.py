"""A re-run of an edited draft writes over its own earlier outputs, letter case and all: never a second set."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from anonymiser.cli import main

REGISTER = "case: CSPR rerun\npeople:\n  - name: Jayden Price\n    role: subject child\n    gender: male\n"


def test_an_edited_draft_with_capitals_in_its_name_keeps_its_output_names(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    (case / "register.yaml").write_text(REGISTER, encoding="utf-8")
    draft = case / "Jayden_Price_Notes.txt"
    draft.write_text("Jayden Price was seen at home by the health visitor.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(case), "--out", str(out), "--workers", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    first = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert any(name[0].isupper() for name in first if name.endswith(".anonymised.txt"))
    draft.write_text("Jayden Price was seen again by the school nurse.\n", encoding="utf-8")
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0 and "1 anonymised" in again.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == first
    (publication,) = out.glob("*.anonymised.txt")
    assert "school nurse" in publication.read_text(encoding="utf-8")


def test_a_draft_whose_name_changes_leaves_no_earlier_output_set_behind(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    (case / "register.yaml").write_text(REGISTER, encoding="utf-8")
    (case / "Kerry notes.txt").write_text("Jayden Price was seen at home by the health visitor.\n", encoding="utf-8")
    (case / "review.txt").write_text("Jayden Price was seen by the school nurse.\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["run", str(case), "--out", str(out), "--workers", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    assert (out / "Kerry-notes.anonymised.txt").exists()  # Kerry is not on the register yet
    # The officer adds the mother to the register: the draft's outputs are renamed, not doubled.
    (case / "register.yaml").write_text(REGISTER + "  - name: Kerry Price\n    role: mother\n    gender: female\n",
                                        encoding="utf-8")
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert not [n for n in names if "kerry" in n.lower()]
    assert len([n for n in names if n.endswith(".manifest.json")]) == 2
    assert (out / "index.html").read_text(encoding="utf-8").count(".report.html\">") == 2
