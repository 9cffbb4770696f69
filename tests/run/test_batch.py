"""Batches: a folder in, parallel workers, one shared map, failures isolated, unchanged drafts skipped."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from anonymiser.cli import main
from tests.price_case import price_register

REGISTER = price_register("CSPR batch")

DRAFTS = {
    "review.txt": "Jayden Price was seen by the school nurse. Ms Price said Jayden was well.\n",
    "briefing/seven-minute-briefing.md": "# Briefing\n\nJayden lived with his mother, Kerry Price.\n",
    "agency/police-report.txt": "Kerry Price called 07700 900123 on 3 May 2021 about Jayden.\n",
}


def make_case(tmp_path: Path) -> tuple[Path, Path]:
    case = tmp_path / "case"
    for name, text in DRAFTS.items():
        p = case / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
    (case / "register.yaml").write_text(REGISTER, encoding="utf-8")
    (case / "broken.txt").write_bytes(b"")
    return case, case / "out"  # an output folder inside the input folder


def test_folder_batch_with_two_workers(tmp_path: Path) -> None:
    case, out = make_case(tmp_path)
    result = CliRunner().invoke(main, ["run", str(case), "--out", str(out), "--workers", "2"])
    # One empty draft fails (exit 2) but does not stop the others.
    assert result.exit_code == 2, result.output
    assert "broken.txt: is empty" in result.output
    assert "Summary: 3 anonymised, 0 unchanged, 1 failed" in result.output
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.anonymised.*")}
    assert len(texts) == 3
    child = json.loads((out / "pseudonym-map.json").read_text())["cases"]["CSPR batch"]["people"]
    pseudonym = child["register:jayden price|pseudonym"]
    for text in texts.values():
        assert "Jayden" not in text and "Kerry" not in text and "Price" not in text
    # The same pseudonym in every document of the case, though workers ran in parallel.
    assert sum(pseudonym in t for t in texts.values()) == 3

    (case / "broken.txt").unlink()
    again = CliRunner().invoke(main, ["run", str(case), "--out", str(out), "--workers", "2"])
    assert again.exit_code == 0, again.output
    assert "Summary: 0 anonymised, 3 unchanged, 0 failed" in again.output

    (case / "review.txt").write_text(DRAFTS["review.txt"] + "Jayden moved school.\n", encoding="utf-8")
    third = CliRunner().invoke(main, ["run", str(case), "--out", str(out), "--workers", "1"])
    assert "Summary: 1 anonymised, 2 unchanged" in third.output


def test_a_damaged_pseudonym_map_stops_with_a_fix_and_is_kept(tmp_path: Path) -> None:
    case, out = make_case(tmp_path)
    (case / "broken.txt").unlink()
    out.mkdir()
    (out / "pseudonym-map.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(case), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 2
    assert "pseudonym map is damaged" in result.output and "unexpected" not in result.output
    assert (out / "pseudonym-map.json").read_text(encoding="utf-8") == "{not json"
    assert not list(out.glob("*.anonymised.*"))


def test_output_folder_may_be_the_input_folder(tmp_path: Path) -> None:
    case, _ = make_case(tmp_path)
    (case / "broken.txt").unlink()
    result = CliRunner().invoke(main, ["run", str(case), "--out", str(case), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Summary: 3 anonymised" in result.output
    again = CliRunner().invoke(main, ["run", str(case), "--out", str(case), "--workers", "1"])
    assert "Summary: 0 anonymised, 3 unchanged" in again.output  # its own outputs are never inputs
