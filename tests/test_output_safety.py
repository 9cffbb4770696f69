"""The output folder is safe: no writing through links, private records private whatever the
umask, no register name in a console line, passwords kept out of the shell's history."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.cli import main
from anonymiser.run.batch_state import STATE_FILE
from anonymiser.write.audit_key import KEY_FILE
from tests.fixtures_docs import encrypt_pdf, make_report_pdf
from tests.price_case import price_register

REGISTER = price_register("CSPR safety")


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "register.yaml").write_text(REGISTER, encoding="utf-8")
    (folder / "review.txt").write_text("Jayden Price was seen by the school nurse with Kerry Price.\n",
                                       encoding="utf-8")
    return folder


def run(*args: object, **kw: object) -> "CliRunner.invoke":
    return CliRunner().invoke(main, ["run", *map(str, args)], **kw)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", ["review.anonymised.txt", "review.audit.jsonl", "review.report.html",
                                  "review.manifest.json"])
def test_an_output_named_link_is_refused_and_nothing_is_written_for_the_draft(case: Path, tmp_path: Path,
                                                                              name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    (out / name).symlink_to(target)
    result = run(case, "--out", out, "--workers", 1)
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "symbolic link" in errors[0] and name in errors[0]
    assert target.read_text(encoding="utf-8") == "keep me"
    # All or nothing: no other output of that draft appeared beside the link.
    assert sorted(p.name for p in out.iterdir() if p.name.startswith("review.")) == [name]
    assert (out / name).is_symlink()


@pytest.mark.parametrize("name", [STATE_FILE, "pseudonym-map.json", ".pseudonym-map.json.lock",
                                  "index.html", KEY_FILE, ".audit-key.json.lock"])
def test_a_linked_record_stops_the_run_before_anything_is_written(case: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = tmp_path / "elsewhere.json"
    target.write_text("{}", encoding="utf-8")
    (out / name).symlink_to(target)
    result = run(case, "--out", out, "--workers", 1)
    assert result.exit_code == 2
    assert "symbolic link" in result.output and "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == [name] and target.read_text(encoding="utf-8") == "{}"


def test_a_linked_output_folder_is_refused(case: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "out").symlink_to(real, target_is_directory=True)
    result = run(case, "--out", tmp_path / "out")
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert not list(real.iterdir())


def test_private_records_are_private_whatever_the_umask(case: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "nested" / "out"
    old = os.umask(0)
    try:
        result = run(case, "--out", out, "--workers", 1, "--map", tmp_path / "maps" / "case-map.json")
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    for folder in (out, out.parent, out.parent.parent, tmp_path / "maps"):
        assert mode(folder) == 0o700, folder
    for name in ("review.audit.jsonl", "review.report.html", "index.html", STATE_FILE):
        assert mode(out / name) == 0o600, name
    for private in (tmp_path / "maps" / "case-map.json", tmp_path / "maps" / ".case-map.json.lock",
                    tmp_path / "maps" / KEY_FILE):
        assert mode(private) == 0o600, private
    for public in ("review.anonymised.txt", "review.manifest.json"):
        assert mode(out / public) == 0o644, public


def test_register_errors_name_the_entry_by_number_and_line(tmp_path: Path, case: Path) -> None:
    (case / "register.yaml").write_text(REGISTER.replace("gender: female", "gender: sometimes"), encoding="utf-8")
    result = run(case / "review.txt", "--register", case / "register.yaml", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "person 2 (line 6)" in result.output and "Kerry" not in result.output
    twice = REGISTER + "  - name: kerry price\n    role: aunt\n"
    (case / "register.yaml").write_text(twice, encoding="utf-8")
    result = run(case / "review.txt", "--register", case / "register.yaml", "--out", tmp_path / "out")
    assert "person 3 is listed twice (also person 2, line 6)" in result.output and "Kerry" not in result.output


def test_register_names_in_file_names_are_masked_on_the_console(case: Path, tmp_path: Path,
                                                               no_libreoffice: None) -> None:
    (case / "Kerry Price").mkdir()
    (case / "Kerry Price" / "Jayden_Price_chronology.txt").write_text("Jayden Price was seen.\n", encoding="utf-8")
    (case / "Kerry Price" / "Jayden_letter.doc").write_bytes(b"old Word file")
    (case / "Kerry Price" / "Jayden Price empty.txt").write_bytes(b"")
    # A reader's warning names the file too ("...: not UTF-8; read as Windows-1252").
    (case / "Kerry Price" / "Kerry_Price_cp1252.txt").write_bytes("Jayden Price\u2019s caf\u00e9 visit.\n".encode("cp1252"))
    result = run(case, "--out", tmp_path / "out", "--workers", 1)
    assert result.exit_code == 2
    assert "Jayden" not in result.output and "Kerry" not in result.output
    # Still enough for the officer to find each file.
    assert "[name]/[name]_chronology.txt (file 2 of 4)" in result.output
    assert "skipped: [name]/[name]_letter.doc" in result.output
    assert "[name]/[name] empty.txt (file 1 of 4): is empty" in result.output
    assert "warning: [name]_cp1252.txt" in result.output


def test_password_is_asked_for_hidden_or_read_from_the_environment(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    locked = encrypt_pdf(make_report_pdf(tmp_path / "report.pdf"), folder / "locked.pdf", "s3cret")
    asked = run(locked, "--out", tmp_path / "a", "--password", input="s3cret\n")
    assert asked.exit_code in (0, 1), asked.output
    assert "PDF password" in asked.output and "s3cret" not in asked.output  # typed, not echoed
    assert list((tmp_path / "a").glob("*.anonymised.docx"))
    from_env = run(locked, "--out", tmp_path / "b", env={"ANONYMISER_PDF_PASSWORD": "s3cret"})
    assert from_env.exit_code in (0, 1), from_env.output
    assert list((tmp_path / "b").glob("*.anonymised.docx"))
    wrong = run(locked, "--out", tmp_path / "c", "--password", input="nope\n")
    assert wrong.exit_code == 2 and "password" in wrong.output
