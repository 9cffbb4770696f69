"""The verify command on a run's outputs and audit logs: a clean output passes, a broken chain, a
planted leak or a missing log is reported, and a folder is checked document by document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.cli import main
from tests.audit_case import audit_log, clean_run, log_lines, run_cli, write_lines


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One clean run's output folder, and its register."""
    return clean_run(tmp_path_factory.mktemp("verify"))


@pytest.fixture
def out(made: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the clean output, free to tamper with."""
    copy = tmp_path / "out"
    shutil.copytree(made[0], copy)
    return copy


def test_verify_passes_a_clean_output_with_its_audit(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    result = run_cli("verify", *map(str, out.glob("*.anonymised.*")), "--register", str(register),
                     "--audit", str(audit_log(out)))
    assert result.exit_code == 0, result.output
    assert "passed" in result.output and "audit chain whole and authentic in 1 log" in result.output
    assert "warning" not in result.output


def test_verify_reports_a_broken_chain(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    audit = audit_log(out)
    lines = log_lines(audit)
    del lines[1]
    write_lines(audit, lines, "CRLF")
    result = run_cli("verify", *map(str, out.glob("*.anonymised.*")), "--register", str(register),
                     "--audit", str(audit))
    assert result.exit_code == 1
    assert f"{audit}: chain broken at line 2: a genuine record out of place" in result.output


def test_verify_survives_an_audit_line_that_no_longer_parses(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    audit = audit_log(out)
    lines = log_lines(audit)
    lines[2] = lines[2][:20]
    write_lines(audit, lines)
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
    result = run_cli("verify", str(text), "--register", str(register), "--audit", str(audit_log(out)))
    assert result.exit_code == 1
    # The console, often logged, gets where and what kind; the text itself only when asked for.
    assert f"{text.name}:{leak_line}: register name" in result.output
    assert "Tunde" not in result.output and "Okafor" not in result.output
    assert "chain broken" not in result.output
    shown = run_cli("verify", str(text), "--register", str(register), "--audit", str(audit_log(out)), "--show-text")
    assert f"{text.name}:{leak_line}: 'Tunde Okafor'" in shown.output


def test_verify_takes_an_output_folder_with_its_audit_logs(out: Path, made: tuple[Path, Path]) -> None:
    _, register = made
    clean = run_cli("verify", str(out), "--register", str(register))
    assert clean.exit_code == 0, clean.output
    assert "audit chain whole and authentic in 1 log(s)" in clean.output
    audit = audit_log(out)
    lines = audit.read_text(encoding="utf-8").split("\n")
    audit.write_text("\n".join([lines[1], lines[0], *lines[2:]]), encoding="utf-8")
    swapped = run_cli("verify", str(out), "--register", str(register))
    assert swapped.exit_code == 1 and "chain broken at line 1" in swapped.output
    empty = out.parent / "empty"
    empty.mkdir()
    assert run_cli("verify", str(empty)).exit_code == 2


def test_a_folder_checks_each_document_against_its_own_audit_log(tmp_path: Path) -> None:
    from anonymiser.verify.targets import verify_targets as _verify_targets

    folder = tmp_path / "published"
    folder.mkdir()
    for name in ("chronology.anonymised.txt", "chronology.audit.jsonl", "summary.anonymised.txt",
                 "summary.anonymised.docx", "summary.audit.jsonl", "index.html"):
        (folder / name).write_text("x", encoding="utf-8")
    extra = tmp_path / "other.audit.jsonl"
    groups, audits = _verify_targets((folder,), (extra,))
    # A word one draft replaced ('March' the town) may rightly stay in another ('in March' the month).
    assert groups == [
        ([folder / "chronology.anonymised.txt"], [extra, folder / "chronology.audit.jsonl"]),
        ([folder / "summary.anonymised.docx", folder / "summary.anonymised.txt"], [extra, folder / "summary.audit.jsonl"]),
    ]
    assert audits == (extra, folder / "chronology.audit.jsonl", folder / "summary.audit.jsonl")
    named = folder / "chronology.anonymised.txt"
    assert _verify_targets((named,), (extra,)) == ([([named], [extra])], (extra,))
