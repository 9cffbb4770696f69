"""A decisions file reaches the draft it was exported for, and only it, whichever folder the run
starts in; one that fits no draft of the run, or several alike, is refused before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.cli import main
from anonymiser.review.decisions_file import dump_decisions
from anonymiser.review.reviewer import ReviewerDecisions

TEXT = "On 3 May 2022 the family moved to Harrowgate Street in Wexley.\n"


def case(tmp_path: Path, names: list[str]) -> Path:
    root = tmp_path / "case"
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(TEXT, encoding="utf-8")
    return root


def decisions(tmp_path: Path, document: str) -> Path:
    path = tmp_path / "round1.decisions.yaml"
    path.write_text(dump_decisions(document, {"reject": [{"original": "3 May 2022"}]}), encoding="utf-8")
    return path


def run(*args: object) -> "CliRunner.invoke":
    return CliRunner().invoke(main, ["run", *map(str, args), "--workers", "1"], catch_exceptions=False)


def kept(out: Path) -> int:
    """How many outputs kept the rejected date as written."""
    return sum("3 May 2022" in p.read_text(encoding="utf-8") for p in out.glob("*.anonymised.txt"))


def test_a_draft_run_on_its_own_takes_the_decisions_exported_from_the_batch(tmp_path: Path) -> None:
    root = case(tmp_path, ["health/chronology.txt", "police/chronology.txt"])
    result = run(root / "health" / "chronology.txt", "--out", tmp_path / "out",
                 "--decisions", decisions(tmp_path, "health/chronology.txt"))
    assert result.exit_code == 0, result.output
    assert kept(tmp_path / "out") == 1


def test_a_bare_name_is_the_draft_of_that_name_at_the_top_of_the_run(tmp_path: Path) -> None:
    root = case(tmp_path, ["chronology.txt", "health/chronology.txt"])
    out = tmp_path / "out"
    result = run(root, "--out", out, "--decisions", decisions(tmp_path, "chronology.txt"))
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.anonymised.txt"))) == 2 and kept(out) == 1


@pytest.mark.parametrize("names, document, words", [
    (["health/chronology.txt"], "police/chronology.txt", "none of the drafts of this run"),
    (["a/health/chronology.txt", "b/health/chronology.txt"], "health/chronology.txt", "fits 2 drafts"),
])
def test_decisions_for_no_draft_or_for_several_are_refused_before_anything_is_written(
        tmp_path: Path, names: list[str], document: str, words: str) -> None:
    root = case(tmp_path, names)
    out = tmp_path / "out"
    result = run(root, "--out", out, "--decisions", decisions(tmp_path, document))
    assert result.exit_code == 2 and words in result.output, result.output
    assert not list(out.glob("*.anonymised.*")) and not list(out.glob("*.audit.jsonl"))


def test_folders_of_the_shorter_path_must_end_the_longer() -> None:
    d = ReviewerDecisions(document="health/chronology.txt")
    assert d.applies_to("chronology.txt") and d.applies_to("case/health/chronology.txt")
    assert not d.applies_to("police/chronology.txt") and not d.applies_to("health/minutes.txt")
    assert d.targets(["police/chronology.txt", "health/chronology.txt"]) == [1]
