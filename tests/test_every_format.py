"""A case folder of every draft format an officer receives (.docx, .doc, .odt, .rtf, .pdf) is processed in
full, and nothing original is left in any part of any output package, nor on the console.

The side doors are checked part by part for the new paths: a draft LibreOffice converted, and a PDF
draft (its information dictionary, XMP, link addresses and notes must not reach the output)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from anonymiser.cli import main
from anonymiser.read.docx import read_docx
from anonymiser.write.docx.side_doors import APP_KEEP, SAFE_FIELDS
from tests.fixtures_docs import (
    IDENTIFIERS,
    PDF_SIDE_DOORS,
    libreoffice_copy,
    make_pdf_with_side_doors,
    make_rich_docx,
    make_simple_docx,
    needs_libreoffice,
    sample_script,
)

REGISTER = """\
case: CSPR 2026-07
people:
  - name: Amara Okafor
    role: subject child
    gender: female
    date_of_birth: 2015-03-14
  - name: Sarah Okafor
    aliases: [Sal]
    role: mother
    gender: female
  - name: Joan Mbeki
    role: foster carer
    gender: female
  - name: Helen Whitfield
    role: independent reviewer
    gender: female
addresses:
  - address: 27 Birchwood Road, Thornton Heath, CR7 8QT
    residents: [subject child, mother]
"""
# Every register name, alias and address part, and the draft's other identifiers (the reviewer's
# login in a linked picture's path, "hwhitfield", included).
ORIGINALS = sorted({"Amara", "Okafor", "Sarah", "Mbeki", "Joan", "Helen", "Birchwood", "Thornton Heath", "CR7 8QT",
                    "14/03/2015", "2015-03-14", *PDF_SIDE_DOORS, *IDENTIFIERS})
WORD_FORMATS = (".doc", ".odt", ".rtf")


def run(*args: object) -> Result:
    return CliRunner().invoke(main, ["run", *map(str, args)])


def members(path: Path) -> list[tuple[str, str]]:
    """(name, text) of every member of a zip, duplicates included, read as UTF-8 and UTF-16."""
    with zipfile.ZipFile(path) as z:
        out = [("(member names)", "\n".join(z.namelist()))]
        for info in z.infolist():
            data = z.read(info)
            out.append((info.filename, data.decode("utf-8", "ignore") + "\n" + data.decode("utf-16-le", "ignore")))
    return out


def found_originals(text: str, originals: list[str] = ORIGINALS) -> list[str]:
    flat = " ".join(text.split()).lower()
    return [o for o in originals if o.lower() in flat]


def audit_originals(out: Path) -> set[str]:
    """Every multi-word original the audit logs say was replaced: each must be gone from every output."""
    found = set()
    for log in out.glob("*.audit.jsonl"):
        for line in log.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("kind") == "replacement" and len(record["original"].split()) > 1:
                found.add(" ".join(record["original"].split()))
    return found


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The rich Word draft (every side door Word has) as LibreOffice saves it in each older format."""
    folder = tmp_path_factory.mktemp("converted")
    rich = make_rich_docx(folder / "rich.docx")
    return {".docx": rich, **{suffix: libreoffice_copy(rich, folder, suffix) for suffix in WORD_FORMATS}}


def check_side_doors(docx_out: Path) -> None:
    """Part by part: link targets, field codes, alt text, properties, glossary, and every original."""
    parts = dict(members(docx_out))
    leaks = [(name, found_originals(text)) for name, text in members(docx_out) if found_originals(text)]
    assert leaks == [], leaks
    for name, text in parts.items():
        if re.fullmatch(r"word/_rels/.*\.rels", name):
            targets = re.findall(r'Target="([^"]*)"', text)
            assert not [t for t in targets if found_originals(t)], (name, targets)
    body = parts["word/document.xml"]
    codes = re.findall(r"<w:instrText[^>]*>([^<]*)<", body) + re.findall(r'w:instr="([^"]*)"', body)
    assert all(code.split()[0].upper() in SAFE_FIELDS for code in codes if code.strip()), codes
    for alt in re.findall(r'(?:descr|title|w:tooltip|w:tgtFrame)="([^"]*)"', body):
        assert not found_originals(alt), alt
    names = set(parts)
    assert "docProps/custom.xml" not in names and not any("glossary" in n for n in names)
    app = re.findall(r"<(?:\w+:)?(\w+)[ >]", parts["docProps/app.xml"].split("?>", 1)[-1])
    assert set(app) - {"Properties"} <= APP_KEEP, app
    assert len([n for n in zipfile.ZipFile(docx_out).namelist() if n == "docProps/core.xml"]) == 1


@needs_libreoffice
@pytest.mark.parametrize("suffix", WORD_FORMATS)
def test_a_converted_draft_leaves_no_side_door_open(converted: dict[str, Path], tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    draft = folder / f"review{suffix}"
    draft.write_bytes(converted[suffix].read_bytes())
    (folder / "register.yaml").write_text(REGISTER, encoding="utf-8")
    out = tmp_path / "out"
    result = run(draft, "--out", out, "--accept-tracked-changes", "--workers", 1)
    assert result.exit_code == 0, result.output
    check_side_doors(out / "review.anonymised.docx")
    manifest = json.loads((out / "review.manifest.json").read_text(encoding="utf-8"))
    assert manifest["converted_from"] == suffix.lstrip(".") and manifest["input_kind"] == "docx"
    assert manifest["embedded_objects"] == 1  # the picture, whose pixels are not read
    records = [json.loads(line) for line in (out / "review.audit.jsonl").read_text(encoding="utf-8").splitlines()]
    conversion = [r for r in records if r["kind"] == "conversion"]
    assert len(conversion) == 1 and conversion[0]["from"] == suffix.lstrip(".") and "original" not in conversion[0]


def test_a_docx_saved_by_libreoffice_has_its_properties_read_and_cleared(tmp_path: Path) -> None:
    """LibreOffice names the properties' relationship its own way; python-docx alone missed them, and
    the original title and author went out beside an empty second set."""
    draft = make_simple_docx(tmp_path / "draft.docx", ["The school nurse saw Amara Okafor in May."])
    document = __import__("docx").Document(draft)
    document.core_properties.title = "CSPR concerning Amara Okafor"
    document.core_properties.author = "Helen Whitfield"
    document.save(draft)
    with zipfile.ZipFile(draft) as z:
        files = {n: z.read(n) for n in z.namelist()}
    files["_rels/.rels"] = files["_rels/.rels"].replace(
        b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties")
    with zipfile.ZipFile(draft, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    doc = read_docx(draft)
    assert any("CSPR concerning Amara Okafor" == s.text for s in doc.segments)
    (tmp_path / "draft.register.yaml").write_text(REGISTER, encoding="utf-8")
    out = tmp_path / "out"
    result = run(draft, "--out", out, "--workers", 1)
    assert result.exit_code == 0, result.output
    produced = out / "draft.anonymised.docx"
    assert zipfile.ZipFile(produced).namelist().count("docProps/core.xml") == 1
    assert [name for name, text in members(produced) if found_originals(text, ["Amara", "Okafor", "Whitfield"])] == []


def test_a_pdf_drafts_metadata_links_and_notes_do_not_reach_the_output(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    pdf = make_pdf_with_side_doors(folder / "review.pdf")
    (folder / "register.yaml").write_text(REGISTER, encoding="utf-8")
    out = tmp_path / "out"
    result = run(pdf, "--out", out, "--workers", 1)
    assert result.exit_code == 0, result.output
    docx_out = out / "review.anonymised.docx"
    everything = ORIGINALS + ["laptop"]
    assert [(n, found_originals(t, everything)) for n, t in members(docx_out) if found_originals(t, everything)] == []
    assert not found_originals((out / "review.anonymised.txt").read_text(encoding="utf-8"), everything)
    core = __import__("docx").Document(docx_out).core_properties
    assert (core.title, core.author, core.subject, core.keywords) == ("", "", "", "")


@needs_libreoffice
def test_a_folder_of_every_format_is_processed_in_full_and_nothing_original_is_left(
        converted: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "case"
    (folder / "agencies").mkdir(parents=True)
    drafts = {
        folder / "Amara Okafor review.docx": converted[".docx"],
        folder / "agencies" / "Okafor health.doc": converted[".doc"],
        folder / "agencies" / "police Sarah Okafor.odt": converted[".odt"],
        folder / "agencies" / "school.rtf": converted[".rtf"],
    }
    for target, source in drafts.items():
        target.write_bytes(source.read_bytes())
    make_pdf_with_side_doors(folder / "agencies" / "social care Amara.pdf")
    (folder / "register.yaml").write_text(REGISTER, encoding="utf-8")
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    out = tmp_path / "out"
    result = run(folder, "--out", out, "--accept-tracked-changes", "--workers", 2)

    assert result.exit_code == 0, result.output
    assert "Summary: 5 anonymised, 0 unchanged, 0 failed, " in result.output and "NOT READY" not in result.output
    assert "0 not processed" in result.output and "(4 pictures or objects to check by hand)" in result.output
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before  # no draft touched
    manifests = [json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.manifest.json")]
    assert sorted(m["converted_from"] or m["input_kind"] for m in manifests) == ["doc", "docx", "odt", "pdf", "rtf"]
    assert all(m["ready_for_publication"] for m in manifests)

    publications = sorted(out.glob("*.anonymised.*"))
    assert len(publications) == 10 and all(".anonymised." in p.name for p in publications)
    originals = ORIGINALS + sorted(audit_originals(out))
    for publication in publications:
        if publication.suffix == ".docx":
            check_side_doors(publication) if "social" not in publication.name else None
            leaks = [(n, found_originals(t, originals)) for n, t in members(publication) if found_originals(t, originals)]
        else:
            leaks = found_originals(publication.read_text(encoding="utf-8"), originals)
        assert not leaks, (publication.name, leaks)
        assert not found_originals(publication.name, ORIGINALS)
    # The console is often logged: no name, in a message or a file name.
    assert not found_originals(result.output), found_originals(result.output)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert not found_originals(re.sub(r"<[^>]+>", " ", index))
    assert "pictures or objects to check by hand" in index and "read through LibreOffice" in index


@needs_libreoffice
def test_review_d_as_odt_and_doc_is_anonymised_as_well_as_the_word_sample(samples: Path, tmp_path: Path) -> None:
    """The sample script's .odt and .doc of review-d: every gold mention the Word sample's output has
    replaced is replaced in theirs too, and they pass verify."""
    made = sample_script().build_converted(samples / "review-d.docx", tmp_path / "in")
    assert sorted(p.name for p in made) == ["review-d.doc", "review-d.odt"]
    (tmp_path / "in" / "word").mkdir()
    (tmp_path / "in" / "word" / "review-d.docx").write_bytes((samples / "review-d.docx").read_bytes())
    (tmp_path / "in" / "word" / "review-d.register.yaml").write_bytes((samples / "review-d.register.yaml").read_bytes())
    out = tmp_path / "out"
    result = run(tmp_path / "in", "--out", out, "--accept-tracked-changes", "--workers", 1)
    assert result.exit_code == 0, result.output
    from anonymiser.read import read_document

    text = read_document(samples / "review-d.docx", accept_tracked_changes=True).text
    gold = json.loads((samples / "review-d.gold.json").read_text(encoding="utf-8"))["review-d"]
    mentions = sorted({" ".join(text[s:e].split()) for s, e, kind in gold if kind != "DATETIME" and e - s > 3})
    manifests = {json.loads(p.read_text(encoding="utf-8"))["converted_from"]: p.name[: -len(".manifest.json")]
                 for p in out.glob("*.manifest.json")}
    assert set(manifests) == {None, "odt", "doc"}

    def left(stem: str) -> list[str]:
        return found_originals((out / f"{stem}.anonymised.txt").read_text(encoding="utf-8"), mentions)

    assert len(mentions) > 20 and left(manifests[None]) == []
    assert left(manifests["odt"]) == [] and left(manifests["doc"]) == []
    for stem in manifests.values():
        docx_leaks = [n for n, t in members(out / f"{stem}.anonymised.docx") if found_originals(t, mentions)]
        assert docx_leaks == [], (stem, docx_leaks)


def _with_glossary(path: Path) -> Path:
    """A Word draft whose saved building blocks (the glossary document) name the child."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from tests.fixtures_docs import W, _add_part

    make_simple_docx(path, ["The school nurse saw the child in May."])
    document = docx.Document(path)
    glossary = (f'<w:glossaryDocument xmlns:w="{W}"><w:docParts><w:docPart><w:docPartPr><w:name w:val="Child"/>'
                "</w:docPartPr><w:docPartBody><w:p><w:r><w:t>Amara Okafor, 27 Birchwood Road</w:t></w:r></w:p>"
                "</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>")
    _add_part(document, "/word/glossary/document.xml", CT.WML_DOCUMENT_GLOSSARY, glossary.encode(),
              RT.GLOSSARY_DOCUMENT)
    document.save(path)
    return path


@pytest.mark.parametrize("suffix", [".docx", pytest.param(".odt", marks=needs_libreoffice)])
def test_the_glossary_document_never_reaches_the_output(tmp_path: Path, suffix: str) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    draft = _with_glossary(tmp_path / "glossary.docx")
    with zipfile.ZipFile(draft) as z:
        assert "Amara Okafor" in z.read("word/glossary/document.xml").decode()
    if suffix != ".docx":
        draft = libreoffice_copy(draft, tmp_path, suffix)
    (folder / f"draft{suffix}").write_bytes(draft.read_bytes())
    (folder / "register.yaml").write_text(REGISTER, encoding="utf-8")
    out = tmp_path / "out"
    result = run(folder, "--out", out, "--workers", 1)
    assert result.exit_code == 0, result.output
    produced = out / "draft.anonymised.docx"
    assert not [n for n in zipfile.ZipFile(produced).namelist() if "glossary" in n.lower()]
    assert [n for n, t in members(produced) if found_originals(t)] == []


def test_pictures_in_a_pdf_draft_are_counted_and_named_in_a_warning(tmp_path: Path) -> None:
    import io

    from fpdf import FPDF

    from tests.fixtures_docs import png_bytes

    pdf = FPDF(format="A4")
    for page in range(2):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, "The school nurse saw the child in the spring term and wrote to the GP. " * 4)
        pdf.image(io.BytesIO(png_bytes(8, 8)), x=10, y=120 + page, w=40)  # one picture a page (the same one)
    draft = tmp_path / "photos.pdf"
    pdf.output(str(draft))
    out = tmp_path / "out"
    result = run(draft, "--out", out, "--workers", 1)
    assert result.exit_code == 0, result.output
    assert "photos.pdf: 2 pictures cannot be checked" in result.output
    assert "(2 pictures or objects to check by hand)" in result.output
    assert json.loads((out / "photos.manifest.json").read_text(encoding="utf-8"))["embedded_objects"] == 2
