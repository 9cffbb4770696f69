"""The audit's hash chain shows any edit, at the line edited, and `verify --audit` reports it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.audit import audit_records, check_chain, write_audit
from anonymiser.cli import main
from okafor_case import REGISTER
from anonymiser.decide import Decisions
from anonymiser.document import Document

DRAFT = """\
Child Safeguarding Practice Review: Amara

1. Amara Okafor lived with her mother, Sarah Okafor, at 27 Birchwood Road, Thornton Heath, CR7 8QT.
Her NHS number is 943 476 5919.

2. On 14th March 2019 the health visitor visited. Ms Okafor's phone number was 07700 900123.
Amara's father, Tunde Okafor, lived in Lewisham.
"""


def _run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One clean run's output folder, and its register."""
    root = tmp_path_factory.mktemp("chain")
    draft = root / "in" / "Amara_draft.txt"
    draft.parent.mkdir()
    draft.write_text(DRAFT, encoding="utf-8")
    register = root / "in" / "family.yaml"
    register.write_text(REGISTER, encoding="utf-8")
    out = root / "out"
    result = _run("run", str(draft), "--register", str(register), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out, register


@pytest.fixture
def out(made: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the clean output, free to tamper with."""
    copy = tmp_path / "out"
    shutil.copytree(made[0], copy)
    return copy


def _audit(out: Path) -> Path:
    return next(out.glob("*.audit.jsonl"))


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def test_untouched_audit_passes(out: Path) -> None:
    audit = _audit(out)
    assert len(_lines(audit)) >= 6
    assert check_chain(audit) is None
    assert check_chain(audit, anchor_sha256="") is None  # the chain alone, no manifest


@pytest.mark.parametrize("line", [1, 3])
def test_editing_a_replacement_is_caught_at_that_line(out: Path, line: int) -> None:
    audit = _audit(out)
    lines = _lines(audit)
    rec = json.loads(lines[line - 1])
    assert rec["kind"] == "replacement"
    rec["replacement"] = "Someone else"
    lines[line - 1] = json.dumps(rec, ensure_ascii=False, sort_keys=True)
    _write(audit, lines)
    assert check_chain(audit) == line


def test_editing_the_last_line_is_caught_by_the_manifest(out: Path) -> None:
    audit = _audit(out)
    lines = _lines(audit)
    rec = json.loads(lines[-1])
    rec["replacement" if "replacement" in rec else "message"] = "edited"
    lines[-1] = json.dumps(rec, ensure_ascii=False, sort_keys=True)
    _write(audit, lines)
    assert check_chain(audit) == len(lines)


@pytest.mark.parametrize("line", [1, 2, 4])
def test_deleting_a_line_is_caught_where_it_was(out: Path, line: int) -> None:
    audit = _audit(out)
    lines = _lines(audit)
    del lines[line - 1]
    _write(audit, lines)
    assert check_chain(audit) == line


def test_deleting_the_last_line_is_caught_by_the_manifest(out: Path) -> None:
    audit = _audit(out)
    lines = _lines(audit)[:-1]
    _write(audit, lines)
    assert check_chain(audit, anchor_sha256="") is None  # nothing in the chain vouches for the end...
    assert check_chain(audit) == len(lines)  # ...but the manifest's hash of the whole log does


@pytest.mark.parametrize("line", [1, 3])
def test_reordering_two_lines_is_caught_at_the_first(out: Path, line: int) -> None:
    audit = _audit(out)
    lines = _lines(audit)
    lines[line - 1], lines[line] = lines[line], lines[line - 1]
    _write(audit, lines)
    assert check_chain(audit) == line


def test_a_line_that_is_not_a_record_is_caught(out: Path) -> None:
    audit = _audit(out)
    lines = _lines(audit)
    lines.insert(2, "")
    _write(audit, lines)
    assert check_chain(audit) == 3


def test_unusual_line_separators_inside_a_record_are_not_a_break(tmp_path: Path) -> None:
    # json.dumps(ensure_ascii=False) leaves U+2028 and U+0085 as they are; only "\n" ends a record.
    doc = Document(path=tmp_path / "d.txt", kind="txt", segments=[])
    extra = [{"kind": "warning", "document": "d.txt", "message": "a\u2028b\u0085c"},
             {"kind": "warning", "document": "d.txt", "message": "next"}]
    audit = tmp_path / "d.audit.jsonl"
    write_audit(audit, audit_records(doc, Decisions(), "d.txt", extra))
    assert check_chain(audit) is None


def test_verify_passes_a_clean_output_with_its_audit(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    result = _run("verify", *map(str, out.glob("*.anonymised.*")), "--register", str(register),
                  "--audit", str(_audit(out)))
    assert result.exit_code == 0, result.output
    assert "passed" in result.output and "audit chain whole in 1 log" in result.output


def test_verify_reports_a_broken_chain(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    audit = _audit(out)
    lines = _lines(audit)
    del lines[1]
    _write(audit, lines)
    result = _run("verify", *map(str, out.glob("*.anonymised.*")), "--register", str(register),
                  "--audit", str(audit))
    assert result.exit_code == 1
    assert f"{audit}: chain broken at line 2 (the log was edited after it was written)" in result.output


def test_verify_survives_an_audit_line_that_no_longer_parses(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    audit = _audit(out)
    lines = _lines(audit)
    lines[2] = lines[2][:20]
    _write(audit, lines)
    result = CliRunner().invoke(main, ["verify", *map(str, out.glob("*.anonymised.*")), "--register",
                                       str(register), "--audit", str(audit)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "chain broken at line 3" in result.output and "could not be read" in result.output


def test_verify_of_a_missing_audit_is_bad_input(out: Path) -> None:
    result = CliRunner().invoke(main, ["verify", *map(str, out.glob("*.anonymised.*")),
                                       "--audit", str(out / "nope.audit.jsonl")])
    assert result.exit_code == 2 and "audit log not found" in result.output


def test_verify_finds_a_planted_leak_with_its_location(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    text = next(out.glob("*.anonymised.txt"))
    body = text.read_text(encoding="utf-8")
    leak_line = body.count("\n") + 1
    text.write_text(body + "Tunde Okafor\n", encoding="utf-8")
    result = _run("verify", str(text), "--register", str(register), "--audit", str(_audit(out)))
    assert result.exit_code == 1
    assert f"{text.name}:{leak_line}: 'Tunde Okafor'" in result.output
    assert "chain broken" not in result.output
