"""The command line, end to end on realistic drafts: outputs, audit, manifest, bad input."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.cli import main
from tests.okafor_case import REGISTER

DRAFT = """\
Child Safeguarding Practice Review: Amara

1. Amara Okafor (DOB 02/06/2015) lived with her mother, Sarah Okafor, at 27 Birchwood Road,
Thornton Heath, CR7 8QT. Her NHS number is 943 476 5919 and her mother's NI number is QQ 12 34 56 C.

2. On 14th March 2019 the health visitor visited. Ms Okafor's phone number was 07700 900123 and her
email sal.okafor@example.com. Amara's father, Tunde Okafor, lived in Lewisham.

3. The Metropolitan Police Service and Children's Social Care held a strategy discussion under
Section 47 of the Children Act 1989. The social worker recorded that Amara was withdrawn.
"""


IDENTIFIERS = ["Amara", "Okafor", "Sarah", "Tunde", "Sal.", "Birchwood", "CR7 8QT", "943 476 5919",
               "QQ 12 34 56 C", "07700 900123", "example.com", "02/06/2015", "14th March"]
KEPT = ["Metropolitan Police Service", "Children's Social Care", "Section 47", "Children Act 1989",
        "social worker", "health visitor", "Lewisham"]


@pytest.fixture
def case(tmp_path: Path) -> tuple[Path, Path, Path]:
    draft = tmp_path / "in" / "Amara_Okafor_draft_v2.txt"
    draft.parent.mkdir()
    draft.write_text(DRAFT, encoding="utf-8")
    register = tmp_path / "in" / "family.yaml"
    register.write_text(REGISTER, encoding="utf-8")
    return draft, register, tmp_path / "out"


def run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_run_writes_publication_text_audit_and_manifest(case: tuple[Path, Path, Path], no_network: None) -> None:
    draft, register, out = case
    before = draft.read_bytes()
    result = run("run", str(draft), "--register", str(register), "--out", str(out))
    assert result.exit_code == 0, result.output
    outputs = sorted(p.name for p in out.iterdir())
    # Only what the README's table lists, plus the map's hidden lock file.
    visible = [n for n in outputs if not n.startswith(".")]
    case_files = ("index.html", "pseudonym-map.json", "audit-key.json")
    assert sorted(n.split(".", 1)[1] for n in visible if n not in case_files) == [
        "anonymised.txt", "audit.jsonl", "manifest.json", "report.html"]
    assert len(visible) == 7 and all(n in visible for n in case_files)
    # The file name is anonymised too: the draft was named after the child.
    assert not any("amara" in n.lower() or "okafor" in n.lower() for n in outputs)
    text_out = next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8")
    for ident in IDENTIFIERS:
        assert ident.lower() not in text_out.lower(), ident
    for kept in KEPT:
        assert kept in text_out, kept
    assert "Mother" in text_out and "the family home" in text_out and "[NHS number removed]" in text_out
    assert "March 2019" in text_out
    audit = next(out.glob("*.audit.jsonl"))
    assert stat.S_IMODE(audit.stat().st_mode) == 0o600
    records = [json.loads(line) for line in audit.read_text(encoding="utf-8").splitlines()]
    nhs = next(r for r in records if r.get("entity_type") == "NHS_NUMBER")
    assert nhs["original"] == "943 476 5919" and nhs["replacement"] == "[NHS number removed]"
    assert nhs["location"]["line"] == 4 and nhs["detectors"] and nhs["rule"]
    manifest = json.loads(next(out.glob("*.manifest.json")).read_text(encoding="utf-8"))
    for key in ("tool_version", "profile", "profile_sha256", "spacy_pipeline", "spacy_pipeline_version",
                "input_sha256", "outputs", "created_utc"):
        assert manifest[key], key
    assert manifest["ready_for_publication"] is True
    assert draft.read_bytes() == before


def test_pseudonyms_are_stable_across_reruns(case: tuple[Path, Path, Path]) -> None:
    draft, register, out = case
    run("run", str(draft), "--register", str(register), "--out", str(out))
    first = next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8")
    run("run", str(draft), "--register", str(register), "--out", str(out))
    assert next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8") == first
    assert stat.S_IMODE((out / "pseudonym-map.json").stat().st_mode) == 0o600


def test_markdown_in_markdown_out(case: tuple[Path, Path, Path]) -> None:
    draft, register, out = case
    md = draft.with_name("review.md")
    md.write_text("# Review\n\n" + DRAFT, encoding="utf-8")
    assert run("run", str(md), "--register", str(register), "--out", str(out)).exit_code == 0
    assert (out / "review.anonymised.md").read_text(encoding="utf-8").startswith("# Review")


@pytest.mark.parametrize("content, words", [
    (b"", "is empty"),
    ("Amara Okafor \u3053\u3093\u306b\u3061\u306f \u65e5\u672c\u8a9e".encode("shift_jis") * 20, "not UTF-8"),
    ("Amara".encode("utf-16"), "UTF-16"),
])
def test_bad_drafts_fail_cleanly(case: tuple[Path, Path, Path], content: bytes, words: str) -> None:
    draft, register, out = case
    draft.write_bytes(content)
    result = CliRunner().invoke(main, ["run", str(draft), "--register", str(register), "--out", str(out)])
    assert result.exit_code == 2
    assert words in result.output
    # The draft is named so the officer can find it, with the register's names masked (consoles are logged).
    assert str(draft.with_name("[name]_draft_v2.txt")) in result.output and "Okafor" not in result.output
    assert "Traceback" not in result.output
    assert not any(p.name.endswith((".txt", ".jsonl", ".json")) and "anonymised" in p.name or ".audit" in p.name
                   for p in out.glob("*")) if out.exists() else True
    assert draft.read_bytes() == content


def test_missing_draft_and_invalid_register(case: tuple[Path, Path, Path]) -> None:
    draft, register, out = case
    result = CliRunner().invoke(main, ["run", str(draft.with_name("nope.txt")), "--register", str(register),
                                       "--out", str(out)])
    assert result.exit_code == 2 and "file not found" in result.output
    register.write_text(REGISTER.replace("role: father", "rol: father"), encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(draft), "--register", str(register), "--out", str(out)])
    assert result.exit_code == 2
    assert str(register) in result.output and "line 13" in result.output and "'rol'" in result.output
    assert not out.exists() or not list(out.iterdir())


def test_cp1252_is_accepted_with_a_warning(case: tuple[Path, Path, Path]) -> None:
    draft, register, out = case
    draft.write_bytes(DRAFT.replace("Children's", "Children\u2019s").encode("cp1252"))
    result = CliRunner().invoke(main, ["run", str(draft), "--register", str(register), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "cp1252" in result.output
    assert "Okafor" not in next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8")


def test_detect_writes_spans_by_category(tmp_path: Path, case: tuple[Path, Path, Path]) -> None:
    _, register, _ = case
    texts = tmp_path / "texts.json"
    texts.write_text(json.dumps({"doc1": DRAFT}), encoding="utf-8")
    spans_path = tmp_path / "spans.json"
    result = run("detect", str(texts), "--out", str(spans_path), "--register", str(register))
    assert result.exit_code == 0, result.output
    spans = json.loads(spans_path.read_text(encoding="utf-8"))["doc1"]
    by_text = {DRAFT[s:e]: t for s, e, t in spans}
    assert by_text["Amara Okafor"] == "PERSON"
    assert by_text["943 476 5919"] == "CODE"
    assert by_text["14th March 2019"] == "DATETIME"
    assert "Metropolitan Police Service" not in by_text


def test_detect_and_evaluate_share_texts_among_workers(tmp_path: Path, case: tuple[Path, Path, Path]) -> None:
    _, register, _ = case
    texts = {f"doc{i}": DRAFT.replace("Amara", name) for i, name in enumerate(["Amara", "Kayla", "Ruby"])}
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    outs = []
    for workers in ("1", "2"):
        spans_path = tmp_path / f"spans-{workers}.json"
        result = run("detect", str(tmp_path / "texts.json"), "--out", str(spans_path), "--register", str(register),
                     "--workers", workers)
        assert result.exit_code == 0, result.output
        outs.append(spans_path.read_text(encoding="utf-8"))
    assert outs[0] == outs[1] and list(json.loads(outs[0])) == ["doc0", "doc1", "doc2"]
    gold = tmp_path / "gold"
    gold.mkdir()
    for doc_id, text in texts.items():
        (gold / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (gold / f"{doc_id}.gold.json").write_text(json.dumps({doc_id: json.loads(outs[0])[doc_id]}), encoding="utf-8")
    scored = [run("evaluate", str(gold), "--register", str(register), "--workers", w).output for w in ("1", "2")]
    assert scored[0] == scored[1] and "all" in scored[0]
    assert run("detect", str(tmp_path / "texts.json"), "--out", str(tmp_path / "x.json"), "--workers", "0").exit_code == 2


def test_verify_ignores_text_the_tool_inserted(tmp_path: Path) -> None:
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.verify.leaks import find_leaks

    out = "Mother left THE FAMILY HOME. The family home was sold."
    # 'Family' was an original somewhere else, but here it only stands inside the tool's own text.
    leaks = find_leaks(out, "x", EMPTY_REGISTER, [("Family", "PERSON")], {"the family home"}, (),
                       inserted=[(12, 27), (29, 44)])
    assert leaks == []
    assert [leak.text for leak in find_leaks(out, "x", EMPTY_REGISTER, [("Family", "PERSON")], set(), ())] == ["FAMILY"]


def test_evaluate_scores_project_gold_with_its_register(tmp_path: Path, case: tuple[Path, Path, Path]) -> None:
    _, register, _ = case
    (tmp_path / "doc1.txt").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "doc1.register.yaml").write_text(REGISTER, encoding="utf-8")
    spans = [[DRAFT.index(t), DRAFT.index(t) + len(t), kind] for t, kind in
             [("Amara Okafor", "PERSON"), ("943 476 5919", "CODE"), ("Lewisham", "LOC")]]
    (tmp_path / "doc1.gold.json").write_text(json.dumps({"doc1": spans}), encoding="utf-8")
    misses = tmp_path / "misses.json"
    result = run("evaluate", str(tmp_path / "doc1.gold.json"), "--misses", str(misses))
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines() if line.strip()}
    assert rows["PERSON"][1:] == ["1", "1.000"] and rows["CODE"][1:] == ["1", "1.000"]
    # Lewisham is another borough the default profile keeps: the one miss, and it is reported.
    assert rows["LOC"][1:] == ["1", "0.000"]
    assert [m["text"] for m in json.loads(misses.read_text())] == ["Lewisham"]


def test_reviewer_decisions_feed_back_into_a_rerun(case: tuple[Path, Path, Path]) -> None:
    draft, register, out = case
    assert run("run", str(draft), "--register", str(register), "--out", str(out)).exit_code == 0
    decisions = draft.with_name("decisions.yaml")
    decisions.write_text(
        "reject:\n  - original: \"14th March 2019\"\n"
        "add:\n  - text: \"strategy discussion\"\n    type: LOCATION\n", encoding="utf-8")
    result = run("run", str(draft), "--register", str(register), "--out", str(out), "--decisions", str(decisions))
    assert result.exit_code == 0, result.output
    text = next(out.glob("*.anonymised.txt")).read_text(encoding="utf-8")
    assert "On 14th March 2019" in text and "strategy discussion" not in text
    audit = next(out.glob("*.audit.jsonl")).read_text(encoding="utf-8")
    assert '"kind": "decision"' in audit
    report = next(out.glob("*.report.html")).read_text(encoding="utf-8")
    assert "CONFIDENTIAL" in report.upper()


def test_python_dash_m_anonymiser_runs_the_command_line() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "anonymiser", "--version"], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("anonymiser, version ")


def test_run_with_a_missing_keep_list_names_the_file_and_fails(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The family was referred to Brightwater Hub.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(draft), "--out", str(tmp_path / "out"),
                                       "--keep", str(tmp_path / "missing.keep.txt")])
    assert result.exit_code != 0
    assert "missing.keep.txt: keep list not found" in result.output


def test_run_keeps_the_keep_lists_terms_and_verify_counts_unexplained_tokens(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("The family was referred to Brightwater Hub by Ysella Coombe.\n", encoding="utf-8")
    keep = tmp_path / "ours.keep.txt"
    keep.write_text("# ours\nBrightwater Hub\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(draft), "--out", str(out), "--keep", str(keep)])
    assert result.exit_code == 0, result.output
    text = (out / "draft.anonymised.txt").read_text(encoding="utf-8")
    assert "Brightwater Hub" in text and "Ysella" not in text
    checked = CliRunner().invoke(main, ["verify", str(out), "--keep", str(keep)])
    assert "unexplained kept tokens: 0" in checked.output
    edited = out / "draft.anonymised.txt"
    edited.write_text(text + "Then Quorven Aldessa called.\n", encoding="utf-8")
    checked = CliRunner().invoke(main, ["verify", str(out), "--keep", str(keep)])
    assert "unexplained kept tokens: 1" in checked.output
    assert "Quorven" not in checked.output  # the console names no one unless --show-text


def test_the_console_counts_each_kind_by_the_reports_name_and_names_the_publication_text(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("1.1 The school wrote to tessa.marlow@example.org in 2030.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(draft), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Replacements: email 1" in result.output  # as the report and the index say, not 'email address'
    assert "-> draft.anonymised.txt: 1 replacements; ready for review" in result.output
    assert "Do not publish" not in result.output


def test_a_not_ready_run_says_how_to_clear_each_kind_of_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from anonymiser.run import pipeline
    from anonymiser.verify.leaks import Leak

    draft = tmp_path / "draft.txt"
    draft.write_text("1.1 The review began in May 2023.\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "find_leaks", lambda *a, **k: [Leak("draft.anonymised.txt:1", "Kestrel",
                                                                    "a place replaced elsewhere in the draft is still written here")])
    result = CliRunner().invoke(main, ["run", str(draft), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "leak: draft.anonymised.txt:1: a place replaced elsewhere in the draft is still written here, 7 characters" \
        in result.output and "Kestrel" not in result.output
    assert "If it names someone or somewhere, add it as a missed string" in result.output
    assert "if it is rightly kept (an ethnicity, an agency, a common word), reject the replacement" in result.output
    assert "Do not publish the 1 NOT READY draft" in result.output
    assert "Summary: 1 anonymised (0 ready for review, 1 NOT READY), 0 unchanged" in result.output
    assert "7 characters (the report shows the words)" in result.output
