"""The output folder's index page: complete, consistent with the manifests, offline, and free of originals."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymiser.cli import main
from anonymiser.review.batch_index import write_index
from tests.okafor_case import REGISTER

# Both drafts are named after family members, as real drafts often are.
DRAFT_A = """\
Child Safeguarding Practice Review: Amara

1. Amara Okafor lived with her mother, Sarah Okafor, at 27 Birchwood Road, Thornton Heath, CR7 8QT.

2. On 14th March 2019 the health visitor visited. Amara's father, Tunde Okafor, lived in Lewisham.
"""
DRAFT_B = """\
# Chronology

Tunde Okafor called Sarah on 07700 900123. Amara was seen at the GP practice.
"""
ORIGINALS = ["Amara", "Okafor", "Sarah", "Tunde", "Birchwood", "Thornton", "CR7 8QT", "07700 900123",
             "Amara_Okafor_draft", "Tunde_chronology"]


def _run(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path, Path]:
    root = tmp_path_factory.mktemp("index")
    (root / "in").mkdir()
    drafts = [root / "in" / "Amara_Okafor_draft.txt", root / "in" / "Tunde_chronology.md"]
    drafts[0].write_text(DRAFT_A, encoding="utf-8")
    drafts[1].write_text(DRAFT_B, encoding="utf-8")
    register = root / "in" / "family.yaml"
    register.write_text(REGISTER, encoding="utf-8")
    out = root / "out"
    result = _run("run", *map(str, drafts), "--register", str(register), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"Index of every document: {out / 'index.html'}" in result.output
    return drafts, register, out


def _manifests(out: Path) -> dict[str, dict]:
    return {p.name[: -len(".manifest.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in out.glob("*.manifest.json")}


def _rows(page: str) -> list[str]:
    return re.findall(r"<tr class=\"(?:ready|not-ready)\">.*?</tr>", page, re.S)


def test_index_lists_every_document_with_outputs_report_counts_and_status(case: tuple[list[Path], Path, Path]) -> None:
    _, _, out = case
    page = (out / "index.html").read_text(encoding="utf-8")
    manifests = _manifests(out)
    assert len(manifests) == 2
    rows = _rows(page)
    assert len(rows) == 2
    for stem, manifest in manifests.items():
        row = next(r for r in rows if f"<b>{stem}</b>" in r)
        for name in manifest["outputs"]:
            assert name in row and ".anonymised." in name
        assert f'href="{stem}.report.html"' in row and (out / f"{stem}.report.html").is_file()
        total = sum(manifest["replacements"].values())
        assert total > 0 and f'<td class="num total">{total}</td>' in row
        assert f"person {manifest['replacements']['PERSON']}</span>" in row
        assert ">ready<" in row and "NOT READY" not in row
    grand = sum(sum(m["replacements"].values()) for m in manifests.values())
    assert f"{grand} replacements" in page
    assert "CONFIDENTIAL" in page and "2 documents" in page


def test_index_holds_no_original_and_fetches_nothing(case: tuple[list[Path], Path, Path]) -> None:
    _, _, out = case
    page = (out / "index.html").read_text(encoding="utf-8")
    for original in ORIGINALS:
        assert original.lower() not in page.lower(), original
    assert not re.search(r"https?:", page)
    assert not re.search(r"<(?:script|img|link|iframe)\b|\bsrc=|@import|url\(", page, re.I)
    assert "default-src 'none'" in page
    # It points at confidential reports, so it is kept as private as they are.
    assert stat.S_IMODE((out / "index.html").stat().st_mode) == 0o600


def test_documents_skipped_as_unchanged_are_still_listed(case: tuple[list[Path], Path, Path]) -> None:
    drafts, register, out = case
    (out / "index.html").unlink()
    result = _run("run", *map(str, drafts), "--register", str(register), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "2 unchanged" in result.output
    page = (out / "index.html").read_text(encoding="utf-8")
    assert len(_rows(page)) == 2
    for stem in _manifests(out):
        assert f'href="{stem}.report.html"' in page


def test_not_ready_document_shows_its_number_of_findings(case: tuple[list[Path], Path, Path],
                                                        tmp_path: Path) -> None:
    _, _, out = case
    copy = tmp_path / "out"
    copy.mkdir()
    for p in out.iterdir():
        if p.is_file():
            copy.joinpath(p.name).write_bytes(p.read_bytes())
    stem, manifest = sorted(_manifests(copy).items())[0]
    manifest.update(ready_for_publication=False, verification="FAILED: 3 possible leaks", warnings=2)
    (copy / f"{stem}.manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    # A foreign name slipped into a manifest's outputs is not this document's output and is not shown.
    other = sorted(_manifests(copy))[1]
    m2 = _manifests(copy)[other]
    m2["outputs"]["Amara_Okafor_draft.txt"] = "0" * 64
    (copy / f"{other}.manifest.json").write_text(json.dumps(m2), encoding="utf-8")
    (copy / f"{other}.report.html").unlink()
    page = write_index(copy).read_text(encoding="utf-8")
    row = next(r for r in _rows(page) if f"<b>{stem}</b>" in r)
    assert "NOT READY" in row and "3 findings" in row and '<span class="pill warn">2</span>' in row
    row2 = next(r for r in _rows(page) if f"<b>{other}</b>" in r)
    assert "report missing" in row2 and "Amara" not in page
    assert "1 of 2 NOT READY" in page


def test_unreadable_manifest_gets_a_row_and_an_empty_folder_a_page(tmp_path: Path) -> None:
    (tmp_path / "broken-doc.manifest.json").write_text("{not json", encoding="utf-8")
    page = write_index(tmp_path).read_text(encoding="utf-8")
    row = _rows(page)[0]
    assert "broken-doc" in row and "manifest unreadable" in row and "NOT READY" in row
    # A folder with no documents gets no index (a run whose every draft was refused writes nothing)...
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not write_index(empty).exists() and not list(empty.iterdir())
    # ...but an index whose documents have all gone is rewritten to say so, never left stale.
    (tmp_path / "broken-doc.manifest.json").unlink()
    assert "No documents in this folder yet" in write_index(tmp_path).read_text(encoding="utf-8")


def test_each_row_shows_its_inputs_place_and_the_skipped_files_are_counted(case: tuple[list[Path], Path, Path],
                                                                          tmp_path: Path) -> None:
    _, _, out = case
    page = (out / "index.html").read_text(encoding="utf-8")
    rows = _rows(page)
    # The place in the run maps a row to its draft without the draft's name (it names the child).
    assert sorted(re.findall(r"<td>(\d) of 2</td>", "".join(rows))) == ["1", "2"]
    assert "Every file found was processed" in page
    copy = tmp_path / "copy"
    copy.mkdir()
    for p in out.glob("*.manifest.json"):
        (copy / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    skipped = [("old/[name]_letter.doc", "'.doc' drafts cannot be read yet"), ("~$draft.docx", "a Word lock file")]
    page = write_index(copy, skipped, ["1 hidden file(s) were not looked at"]).read_text(encoding="utf-8")
    assert len(_rows(page)) == 2 and page.count('<tr class="skipped">') == 2
    assert re.search(r'<span class="n">2</span> not processed', page)
    assert "old/[name]_letter.doc" in page and "~$draft.docx" in page and "1 hidden file(s)" in page


def test_pictures_to_check_and_a_conversion_are_shown_per_document_and_in_total(
        case: tuple[list[Path], Path, Path], tmp_path: Path) -> None:
    _, _, out = case
    copy = tmp_path / "copy"
    copy.mkdir()
    for n, p in enumerate(sorted(out.glob("*.manifest.json"))):
        data = json.loads(p.read_text(encoding="utf-8"))
        # The second manifest was edited by hand: a name where the format belongs is never shown.
        data.update({"embedded_objects": 2 + n, "converted_from": "odt" if n == 0 else "Amara"})
        (copy / p.name).write_text(json.dumps(data), encoding="utf-8")
    page = write_index(copy).read_text(encoding="utf-8")
    assert re.search(r'<span class="n">5</span> pictures or objects to check by hand', page)
    assert "2 pictures or objects to check by hand" in page and "3 pictures or objects to check by hand" in page
    assert page.count(".odt, read through LibreOffice") == 1 and "Amara" not in page
