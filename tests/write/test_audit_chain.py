"""The audit's sealed chain names the first bad line, whatever the tampering and line endings, and
`verify --audit` reports it; the per-case key makes a log re-chained by hand fail."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.cli import main
from anonymiser.core.document import Document
from anonymiser.core.errors import InputError
from anonymiser.core.results import Decisions
from anonymiser.run.register import load_register
from anonymiser.write.audit import GENESIS, audit_records, check_chain, verify_audit, write_audit
from anonymiser.write.audit_key import KEY_FILE, case_key, key_id, keys_in
from tests.audit_case import DRAFT, ENDINGS, audit_log, clean_run, log_lines, run_cli, write_lines


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One clean run's output folder, and its register."""
    return clean_run(tmp_path_factory.mktemp("chain"))


@pytest.fixture
def out(made: tuple[Path, Path], tmp_path: Path) -> Path:
    """A private copy of the clean output, free to tamper with."""
    copy = tmp_path / "out"
    shutil.copytree(made[0], copy)
    return copy


def _dump(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def _rehash(rec: dict) -> dict:
    """What someone without the key can do: recompute the unkeyed hash of an edited record."""
    body = {k: v for k, v in rec.items() if k not in ("sha256", "mac")}
    rec["sha256"] = hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True,
                                              separators=(",", ":")).encode("utf-8")).hexdigest()
    return rec


def _edited(line: str) -> str:
    rec = json.loads(line)
    rec["replacement" if "replacement" in rec else "message"] = "Someone else"
    return _dump(_rehash(rec))


def _forged(like: str, seq: int, prev: str) -> str:
    """A new record made to look like a real one, in its place in the chain."""
    rec = json.loads(like)
    rec.update(seq=seq, prev_mac=prev, original="Nobody", replacement="Adult Z", mac=hashlib.sha256(b"x").hexdigest())
    return _dump(_rehash(rec))


def _tamper(lines: list[str], kind: str, position: str) -> tuple[list[str], int]:
    """The tampered lines and the line the check must name."""
    n = len(lines)
    at = {"first": 1, "middle": n // 2, "last": n}[position]
    lines = list(lines)
    if kind == "edit":
        lines[at - 1] = _edited(lines[at - 1])
        return lines, at
    if kind == "insert":
        at = at + 1 if position == "last" else at  # after the last line, or before the line named
        prev = json.loads(lines[at - 2])["mac"] if at > 1 else GENESIS
        lines.insert(at - 1, _forged(lines[min(at, n) - 1], at - 1, prev))
        return lines, at
    if kind == "delete":
        del lines[at - 1]
        return lines, at  # the line after the gap (one past the new end for the last line)
    if kind == "swap":
        first = min(at, n - 1)
        lines[first - 1], lines[first] = lines[first], lines[first - 1]
        return lines, first
    raise AssertionError(kind)


@pytest.mark.parametrize("ending", list(ENDINGS))
@pytest.mark.parametrize("position", ["first", "middle", "last"])
@pytest.mark.parametrize("kind", ["edit", "insert", "delete", "swap"])
def test_the_first_bad_line_is_named(out: Path, kind: str, position: str, ending: str) -> None:
    audit = audit_log(out)
    lines, expected = _tamper(log_lines(audit), kind, position)
    write_lines(audit, lines, ending)
    chain = verify_audit(audit)
    assert not chain.ok and not chain.whole
    assert chain.bad_line == expected, chain.problem


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_an_untouched_log_is_whole_with_any_line_ending(out: Path, ending: str) -> None:
    audit = audit_log(out)
    lines = log_lines(audit)
    assert len(lines) >= 6
    write_lines(audit, lines, ending)
    chain = verify_audit(audit)
    assert chain.ok and chain.whole and chain.authenticated and chain.end_confirmed, chain.problem
    assert chain.notes == []


def test_a_byte_order_mark_and_blank_lines_after_the_end_are_not_tampering(out: Path) -> None:
    audit = audit_log(out)
    audit.write_bytes(b"\xef\xbb\xbf" + audit.read_bytes() + b"\n  \n")
    assert verify_audit(audit).whole


def test_a_blank_line_inside_the_log_is_named(out: Path) -> None:
    audit = audit_log(out)
    lines = log_lines(audit)
    lines.insert(2, "")
    write_lines(audit, lines)
    assert verify_audit(audit).bad_line == 3


def test_a_copied_genuine_line_is_named_where_it_was_put(out: Path) -> None:
    audit = audit_log(out)
    lines = log_lines(audit)
    lines.insert(4, lines[1])
    write_lines(audit, lines)
    chain = verify_audit(audit)
    assert chain.bad_line == 5 and "out of place" in chain.problem


def test_a_line_from_another_log_of_the_case_is_named(out: Path, made: tuple[Path, Path]) -> None:
    # Another draft of the same case is sealed with the same key, so only the chain link shows it.
    audit = audit_log(out)
    other = _second_log(out, made[1])
    mine, theirs = log_lines(audit), log_lines(other)
    mine[1] = theirs[1]
    write_lines(audit, mine)
    chain = verify_audit(audit)
    assert chain.bad_line == 2 and "another log" in chain.problem


def test_a_log_rechained_by_hand_fails(out: Path) -> None:
    # Edit line 3, then redo every seq, link and hash after it, as a careful forger without the key would.
    audit = audit_log(out)
    recs = [json.loads(line) for line in log_lines(audit)]
    recs[2]["replacement"] = "Someone else"
    prev = recs[1]["mac"]
    for rec in recs[2:]:
        rec["prev_mac"] = prev
        rec["mac"] = prev = hashlib.sha256(_dump(rec).encode("utf-8")).hexdigest()
        _rehash(rec)
    write_lines(audit, [_dump(r) for r in recs])
    manifest = next(out.glob("*.manifest.json"))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["audit_chain"]["last_mac"] = prev
    manifest.write_text(json.dumps(data), encoding="utf-8")
    chain = verify_audit(audit)
    assert chain.bad_line == 3 and "MAC" in chain.problem
    # Without the key only consistency can be checked, and the forgery is consistent.
    (out / KEY_FILE).unlink()
    assert verify_audit(audit).ok and not verify_audit(audit).whole


def test_a_log_resealed_with_another_key_fails_at_its_first_line(out: Path, tmp_path: Path) -> None:
    audit = audit_log(out)
    recs = [json.loads(line) for line in log_lines(audit)]
    forger_key = case_key(tmp_path / "elsewhere" / "map.json", "any case")
    from anonymiser.write.audit import seal

    write_lines(audit, [_dump(r) for r in seal(recs, forger_key)])
    chain = verify_audit(audit)
    assert chain.bad_line == 1 and "key" in chain.problem


def test_without_the_manifest_an_edited_last_line_is_still_named(out: Path) -> None:
    audit = audit_log(out)
    next(out.glob("*.manifest.json")).unlink()
    lines = log_lines(audit)
    lines[-1] = _edited(lines[-1])
    write_lines(audit, lines)
    assert verify_audit(audit).bad_line == len(lines)


def test_a_log_cut_short_is_named_without_its_manifest(out: Path) -> None:
    audit = audit_log(out)
    next(out.glob("*.manifest.json")).unlink()
    lines = log_lines(audit)[:-2]
    write_lines(audit, lines)
    chain = verify_audit(audit)
    assert chain.bad_line == len(lines) + 1 and "end record" in chain.problem


def test_a_log_cut_short_is_named_when_its_manifest_was_made_to_agree(out: Path) -> None:
    audit = audit_log(out)
    lines = log_lines(audit)[:-1]
    write_lines(audit, lines)
    manifest = next(out.glob("*.manifest.json"))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["audit_chain"].update(records=len(lines), last_mac=json.loads(lines[-1])["mac"])
    manifest.write_text(json.dumps(data), encoding="utf-8")
    assert verify_audit(audit).bad_line == len(lines) + 1


def _second_log(out: Path, register: Path) -> Path:
    """The audit log of another draft of the same case, run into the same folder."""
    draft = out.parent / "Second.txt"
    draft.write_text("Sarah Okafor called the GP on 3 May 2020. Tunde Okafor did not.\n", encoding="utf-8")
    result = run_cli("run", str(draft), "--register", str(register), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out / "Second.audit.jsonl"


def test_an_entire_log_swapped_in_shows_only_against_the_manifest(out: Path, made: tuple[Path, Path]) -> None:
    audit = audit_log(out)
    shutil.copyfile(_second_log(out, made[1]), audit)
    chain = verify_audit(audit)
    assert not chain.ok and chain.bad_line is None and "not the one its manifest records" in chain.problem
    # Without the manifest nothing in a genuine log ties it to its run: said, and never called whole.
    audit.with_name(audit.name.replace(".audit.jsonl", ".manifest.json")).unlink()
    publication = audit.with_name(audit.name.replace(".audit.jsonl", ".anonymised.txt"))
    result = run_cli("verify", str(publication), "--register", str(made[1]), "--audit", str(audit))
    assert result.exit_code == 0, result.output
    assert "the end of the log cannot be confirmed" in result.output
    assert "whole" not in result.output


def test_without_the_key_the_chain_is_checked_for_consistency_only(out: Path, made: tuple[Path, Path]) -> None:
    audit = audit_log(out)
    (out / KEY_FILE).unlink()
    result = run_cli("verify", *map(str, out.glob("*.anonymised.*")), "--register", str(made[1]), "--audit", str(audit))
    assert result.exit_code == 0, result.output
    assert "consistency only, not authenticity" in result.output and "whole" not in result.output
    lines = log_lines(audit)
    rec = json.loads(lines[2])
    rec["original"] = "someone"  # a plain edit still shows against the line's own hash
    lines[2] = _dump(rec)
    write_lines(audit, lines)
    assert verify_audit(audit).bad_line == 3


def test_verify_finds_the_key_beside_the_map_given(made: tuple[Path, Path], tmp_path: Path) -> None:
    draft = tmp_path / "Amara_draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    out, case_map = tmp_path / "out", tmp_path / "private" / "case-map.json"
    result = run_cli("run", str(draft), "--register", str(made[1]), "--out", str(out), "--map", str(case_map))
    assert result.exit_code == 0, result.output
    assert not (out / KEY_FILE).exists() and (case_map.parent / KEY_FILE).exists()
    args = ["verify", *map(str, out.glob("*.anonymised.*")), "--register", str(made[1]), "--audit", str(audit_log(out))]
    assert "consistency only" in run_cli(*args).output
    result = run_cli(*args, "--map", str(case_map))
    assert result.exit_code == 0 and "audit chain whole and authentic in 1 log" in result.output, result.output


def test_the_key_is_private_stable_and_never_shown(made: tuple[Path, Path], tmp_path: Path) -> None:
    out = made[0]
    key_file = out / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    (key,) = keys_in(key_file).values()
    assert case_key(out / "pseudonym-map.json", load_register(made[1]).case_key) == key  # made once, then kept
    secret = key.hex()
    for p in out.iterdir():
        if p != key_file and p.is_file():
            assert secret not in p.read_text(encoding="utf-8", errors="replace"), p.name
    assert "CSPR" not in key_file.read_text(encoding="utf-8")  # a case label names no key in the file


def _key_in(folder: str) -> str:
    return case_key(Path(folder) / "pseudonym-map.json", "case one").hex()


def test_parallel_runs_of_a_new_case_share_one_key(tmp_path: Path) -> None:
    with ProcessPoolExecutor(4) as pool:
        keys = set(pool.map(_key_in, [str(tmp_path)] * 8))
    assert len(keys) == 1
    assert len(keys_in(tmp_path / KEY_FILE)) == 1
    assert _key_in(str(tmp_path / "other")) not in keys  # each folder's case gets its own secret


def test_a_damaged_key_file_stops_the_run_and_verify(out: Path, made: tuple[Path, Path]) -> None:
    (out / KEY_FILE).write_text("{not json", encoding="utf-8")
    draft = out.parent / "New_draft.txt"  # a new draft: an unchanged one would be skipped
    draft.write_text(DRAFT.replace("Lewisham", "Croydon"), encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(draft), "--register", str(made[1]), "--out", str(out)])
    assert result.exit_code == 2 and "audit key file is damaged" in result.output
    result = CliRunner().invoke(main, ["verify", *map(str, out.glob("*.anonymised.*")), "--audit", str(audit_log(out))])
    assert result.exit_code == 2 and "audit key file is damaged" in result.output


def test_unusual_line_separators_inside_a_record_are_not_a_break(tmp_path: Path) -> None:
    # json.dumps(ensure_ascii=False) leaves U+2028 and U+0085 as they are; only "\n" ends a record.
    doc = Document(path=tmp_path / "d.txt", kind="txt", segments=[])
    extra = [{"kind": "warning", "document": "d.txt", "message": "a\u2028b\u0085c"},
             {"kind": "warning", "document": "d.txt", "message": "next"}]
    audit = tmp_path / "d.audit.jsonl"
    key = os.urandom(32)
    write_audit(audit, audit_records(doc, Decisions(), "d.txt", extra, key=key))
    assert check_chain(audit, {key_id(key): key}, None).ok


def test_a_key_file_that_is_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other-case"
    case_key(other / "pseudonym-map.json", "case two")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / KEY_FILE).symlink_to(other / KEY_FILE)
    with pytest.raises(InputError, match="symbolic link"):
        case_key(mine / "pseudonym-map.json", "case one")
    with pytest.raises(InputError, match="symbolic link"):
        keys_in(mine / KEY_FILE)
