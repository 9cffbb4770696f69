"""A folder batch loses nothing: one output set per draft whatever the names, every skip named,
the same names on every run, whatever order the workers finish in."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from click.testing import CliRunner

from anonymiser.cli import main
from anonymiser.core.register import EMPTY_REGISTER
from anonymiser.run.register import load_register
from anonymiser.write.naming import MAX_STEM_BYTES, OutputName, plan_names, safe_stem
from tests.price_case import price_register

REGISTER = price_register("CSPR names")

SENTENCES = [
    "The health visitor saw Jayden Price at home on {n} March 2021.",
    "Ms Price told the school nurse that Jayden had missed {n} sessions.",
    "Kerry Price spoke to the duty social worker about visit number {n}.",
]

# Same-named drafts in sub-folders, versions, dates in names, register names in names.
NAMES = (["draft.txt", "a/draft.txt", "b/draft.txt", "b/c/draft.md", "draft_v1.txt", "draft_v2.txt",
          "draft version 3.txt", "minutes rev 2.txt", "minutes_2021-03-04.txt", "minutes_2022-01-05.txt",
          "Jayden_Price_chronology.txt", "jayden-price-chronology.txt", "health/Kerry Price notes.md"]
         + [f"agency/report-{chr(97 + i)}.txt" for i in range(17)])
NOT_DRAFTS = {"old/letter.doc": "Word 97", "old/minutes.odt": "odt", "~$draft.docx": "lock", "photo.jpg": "jpeg"}


def make_folder(root: Path) -> Path:
    case = root / "case"
    for n, name in enumerate(NAMES):
        p = case / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(SENTENCES[n % 3].format(n=n + 1) + f" Paragraph {n}.\n", encoding="utf-8")
    for name, body in NOT_DRAFTS.items():
        p = case / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(body.encode())
    (case / ".DS_Store").write_bytes(b"\0")
    (case / "register.yaml").write_text(REGISTER, encoding="utf-8")
    return case


def run(case: Path, out: Path, workers: int) -> "CliRunner.invoke":
    return CliRunner().invoke(main, ["run", str(case), "--out", str(out), "--workers", str(workers)])


def output_names(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if not p.name.startswith("."))


def test_thirty_drafts_give_thirty_output_sets_and_the_same_names_every_time(tmp_path: Path,
                                                                           no_libreoffice: None) -> None:
    assert len(NAMES) == 30
    case = make_folder(tmp_path)
    out = tmp_path / "out"
    first = run(case, out, 2)
    # Without LibreOffice the .doc and .odt were left unprocessed, so the run is not a success.
    assert first.exit_code == 2, first.output
    assert "Summary: 30 anonymised, 0 unchanged, 0 failed" in first.output
    assert "4 not processed (2 to save as .docx)" in first.output
    for name in NOT_DRAFTS:
        assert re.search(rf"skipped: {re.escape(name)}: ", first.output), name
    assert "save it as .docx" in first.output
    assert "1 hidden file(s)" in first.output

    manifests = {p: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.manifest.json")}
    assert len(manifests) == 30
    # One output set per draft: each input's content is behind exactly one manifest.
    inputs = {hashlib.sha256((case / n).read_bytes()).hexdigest() for n in NAMES}
    assert {m["input_sha256"] for m in manifests.values()} == inputs
    stems = {p.name.split(".")[0] for p in manifests}
    for kind in ("anonymised", "report", "audit"):
        assert len([p for p in out.glob(f"*.{kind}.*")]) == 30, kind
    assert {"draft", "draft-2", "draft-3", "draft-4", "draft-v1", "draft-v2", "draft-version-3",
            "minutes-rev-2", "minutes", "minutes-2"} <= stems
    assert not any(name in s.lower() for name in ("price", "jayden", "kerry") for s in stems)
    assert all(len((s + ".anonymised.docx").encode()) <= 255 for s in stems)
    # Each input's place in the run, never its name, maps it back to the folder.
    positions = sorted(m["input_position"] for m in manifests.values())
    assert len(set(positions)) == 30 and "a/ · 2 of 30" in positions
    page = (out / "index.html").read_text(encoding="utf-8")
    assert page.count(".report.html\">") == 30 and "a/ · 2 of 30" in page
    assert "~$draft.docx" in page and "Jayden" not in page and "Kerry" not in page

    names = output_names(out)
    again = run(case, out, 2)
    assert "Summary: 0 anonymised, 30 unchanged" in again.output and again.exit_code == 2
    assert output_names(out) == names

    # An edited draft keeps its name.
    (case / "b/draft.txt").write_text("Jayden Price was seen again by the school nurse.\n", encoding="utf-8")
    edited = run(case, out, 2)
    assert "Summary: 1 anonymised, 29 unchanged" in edited.output
    assert output_names(out) == names

    # From nothing, in the other worker order, the names are the same.
    shutil.rmtree(out)
    fresh = run(case, out, 1)
    assert "Summary: 30 anonymised" in fresh.output
    assert output_names(out) == names


def test_outputs_inside_the_input_folder_are_never_drafts(tmp_path: Path) -> None:
    case = tmp_path / "case"
    (case / "out").mkdir(parents=True)
    (case / "register.yaml").write_text(REGISTER, encoding="utf-8")
    (case / "review.txt").write_text("Jayden Price was seen at school.\n", encoding="utf-8")
    # Named like a draft, but inside OUT: never taken as one.
    (case / "out" / "briefing.txt").write_text("Kerry Price\n", encoding="utf-8")
    result = run(case, case / "out", 1)
    assert result.exit_code == 0, result.output
    assert "Summary: 1 anonymised" in result.output and "1 file(s) in the output folder" in result.output
    assert not list((case / "out").glob("briefing.anonymised.*"))
    # OUT is the input folder itself: its outputs are recognised by name and left alone, and the
    # earlier output folder (it holds a run's state) is still not read as drafts.
    again = run(case, case, 1)
    assert "Summary: 1 anonymised" in again.output and "0 not processed" in again.output, again.output
    assert not list(case.glob("briefing.anonymised.*"))
    third = run(case, case, 1)
    assert "Summary: 0 anonymised, 1 unchanged" in third.output, third.output


def test_a_clash_made_by_the_content_is_refused_not_overwritten(tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    # 'Dr Bell' is found only in the text, and becomes 'Professional A': after that, both names
    # sanitise to the same stem, which the parent could not foresee.
    (case / "Bell notes.txt").write_text("Dr Alan Bell met the family. Dr Bell wrote the notes.\n", encoding="utf-8")
    (case / "Professional A notes.txt").write_text("Dr Alan Bell met the family. Dr Bell wrote the notes.\n"
                                                   "A second line.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run(case, out, 2)
    manifests = list(out.glob("*.manifest.json"))
    assert [p.name for p in manifests] == ["Professional-A-notes.manifest.json"]
    # Whichever draft came second is refused with one line; the first one's outputs stand whole.
    assert result.exit_code == 2 and result.output.count("like another draft's in this run") == 1
    assert "Summary: 1 anonymised, 0 unchanged, 1 failed" in result.output
    sha = json.loads(manifests[0].read_text())["input_sha256"]
    assert sha in {hashlib.sha256(p.read_bytes()).hexdigest() for p in case.iterdir()}
    text = (out / "Professional-A-notes.anonymised.txt").read_bytes()
    assert json.loads(manifests[0].read_text())["outputs"]["Professional-A-notes.anonymised.txt"] == \
        hashlib.sha256(text).hexdigest()


def test_stems_keep_versions_and_drop_dates_and_names() -> None:
    register = load_register_text(REGISTER)
    assert safe_stem("draft_v2", [], EMPTY_REGISTER) == "draft-v2"
    assert safe_stem("Draft Version 12", [], EMPTY_REGISTER) == "Draft-Version-12"
    assert safe_stem("minutes rev2 2021-03-04", [], EMPTY_REGISTER) == "minutes-rev-2"
    assert safe_stem("report_v2021", [], EMPTY_REGISTER) == "report"  # a year is not a version
    assert safe_stem("Nov2019_review", [], EMPTY_REGISTER) == "Nov-review"
    assert safe_stem("Jayden_Price_DOB_14-03-2015_v3", [], register) == "person-DOB-v3"
    long = safe_stem("word-" * 200, [], EMPTY_REGISTER)
    assert len(long.encode()) <= MAX_STEM_BYTES and not long.endswith("-")


def test_plan_is_the_same_whatever_order_the_inputs_come_in(tmp_path: Path) -> None:
    paths = [tmp_path / n for n in ("b/draft.txt", "a/draft.txt", "draft_2020.txt", "c/draft_v1.txt")]
    forward = plan_names([(p, tmp_path, EMPTY_REGISTER) for p in paths], {}, None)
    backward = plan_names([(p, tmp_path, EMPTY_REGISTER) for p in reversed(paths)], {}, None)
    assert forward == backward
    assert forward[tmp_path / "a/draft.txt"].ordinal == 1 and forward[tmp_path / "b/draft.txt"].ordinal == 2
    assert forward[tmp_path / "draft_2020.txt"].ordinal == 3 and forward[tmp_path / "c/draft_v1.txt"].ordinal == 1
    assert OutputName(ordinal=3).candidates("draft")[:2] == ["draft-3", "draft-4"]


def load_register_text(text: str):
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "register.yaml"
        p.write_text(text, encoding="utf-8")
        return load_register(p)


def test_a_draft_added_later_never_takes_an_earlier_drafts_name(tmp_path: Path) -> None:
    case = tmp_path / "case"
    (case / "b").mkdir(parents=True)
    (case / "register.yaml").write_text(REGISTER, encoding="utf-8")
    (case / "b" / "draft.txt").write_text("Jayden Price was seen by the school nurse.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(case, out, 1).exit_code == 0
    before = (out / "draft.anonymised.txt").read_bytes()
    # a/draft.txt sorts first, but b/draft.txt already owns 'draft' in this output folder.
    (case / "a").mkdir()
    (case / "a" / "draft.txt").write_text("Kerry Price spoke to the duty social worker.\n", encoding="utf-8")
    second = run(case, out, 2)
    assert second.exit_code == 0, second.output
    assert "Summary: 1 anonymised, 1 unchanged, 0 failed" in second.output
    assert (out / "draft.anonymised.txt").read_bytes() == before
    assert "Mother" in (out / "draft-2.anonymised.txt").read_text(encoding="utf-8")
