"""Word parts: the output keeps only what the tool understands, and nothing else carries a name.

Each hostile draft hides the child's name where only one side door shows it (an altChunk, a
macro project, an OLE object, picture metadata, a part name, a style, a content control, ruby
text, a chart, SmartArt, an unknown part, a bookmark). The whole pipeline runs with a register
naming the family, and no byte of any part of the output may hold a family name.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from lxml import etree

from anonymiser.cli import main
from anonymiser.core.errors import InputError
from anonymiser.read.docx import read_docx
from anonymiser.read.docx.images import clean_image
from anonymiser.verify.leaks import output_texts
from tests.fixtures_docs import (
    CHILD,
    HOSTILE_CASES,
    jpeg_with_text,
    make_hostile_docx,
    make_simple_docx,
    png_with_text,
)
from tests.okafor_case import REGISTER

FAMILY = ("amara", "okafor", "sarah")
R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

# What the warning names for each case that drops a part (the others are anonymised in place).
DROP_WARNINGS = {
    "altchunk": "removed an imported chunk of another document (altChunk) that cannot be checked",
    "macro": "removed a macro project (VBA) that cannot be checked",
    "ole": "removed an embedded object (OLE) that cannot be checked: review the original by hand",
    "chart": "removed the spreadsheet behind 1 chart: the charts and their text are kept, anonymised",
    "unknown-part": "removed a part of a kind the tool does not understand that cannot be checked",
    "vector-picture": "removed a picture (a vector drawing such as EMF or SVG, or damaged) that cannot be checked",
    "svg": "removed a picture (a vector drawing such as EMF or SVG, or damaged) that cannot be checked",
}


def run(draft: Path, out: Path) -> tuple[int, str]:
    register = draft.parent / "register.yaml"
    register.write_text(REGISTER, encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(draft), "--register", str(register), "--out", str(out),
                                       "--workers", "1"])
    return result.exit_code, result.output


def traces(package: Path) -> list[tuple[str, str]]:
    """(part, family name) for every family name in any byte of a package, UTF-8 or UTF-16LE, any case."""
    found = []
    with zipfile.ZipFile(package) as zf:
        for name in zf.namelist():
            data = zf.read(name)
            for word in FAMILY:
                if (word.encode() in data.lower() or word.encode("utf-16-le") in data.lower()
                        or word in name.lower()):
                    found.append((name, word))
    return found


def dangling_references(package: Path) -> list[str]:
    """r:id-style attributes that point at no relationship of their part."""
    bad = []
    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
        for name in names:
            if not name.endswith(".xml"):
                continue
            folder, base = name.rsplit("/", 1) if "/" in name else ("", name)
            rels_name = f"{folder}/_rels/{base}.rels".lstrip("/")
            rids = set()
            if rels_name in names:
                rids = {r.get("Id") for r in etree.fromstring(zf.read(rels_name))}
            for el in etree.fromstring(zf.read(name)).iter():
                for attr, value in getattr(el, "attrib", {}).items():
                    if attr.startswith(R_NS) and value not in rids:
                        bad.append(f"{name}: {etree.QName(el).localname} {value}")
    return bad


# A bare VML shape upsets LibreOffice's layout of the other side doors, so it is tried on its own.
@pytest.mark.parametrize("case", [*HOSTILE_CASES, "vml-title"])
def test_no_trace_of_the_family_in_any_part(case: str, tmp_path: Path) -> None:
    draft = make_hostile_docx(tmp_path / "draft.docx", [case])
    code, output = run(draft, tmp_path / "out")
    assert code == 0, output  # verified, ready for review
    produced = next((tmp_path / "out").glob("*.anonymised.docx"))
    assert traces(produced) == []
    assert dangling_references(produced) == []
    opened = docx.Document(produced)  # python-docx opens it
    if case in ("svg", "png-text", "image-name", "relationship-id"):
        assert len(opened.inline_shapes) == len(docx.Document(draft).inline_shapes) > 0  # the pictures stay
    if case in DROP_WARNINGS:
        assert DROP_WARNINGS[case] in " ".join(output.split())
        audit = next((tmp_path / "out").glob("*.audit.jsonl")).read_text(encoding="utf-8").splitlines()
        warnings = [json.loads(line)["message"] for line in audit if json.loads(line).get("kind") == "warning"]
        assert any(DROP_WARNINGS[case] in w for w in warnings)


def test_chart_and_smartart_text_is_anonymised_not_dropped(tmp_path: Path) -> None:
    draft = make_hostile_docx(tmp_path / "draft.docx", ["chart", "smartart"])
    doc = read_docx(draft)
    origins = {s.origin: s.text for s in doc.segments}
    assert origins["chart 1, text 1"] == f"School attendance of {CHILD}"
    assert origins["SmartArt 1, text 1"] == f"{CHILD} referred"
    assert origins["SmartArt 1 (drawing copy), text 1"] == f"{CHILD} referred"
    code, output = run(draft, tmp_path / "out")
    assert code == 0, output
    produced = next((tmp_path / "out").glob("*.anonymised.docx"))
    with zipfile.ZipFile(produced) as zf:
        chart = zf.read("word/charts/chart1.xml").decode()
        data = zf.read("word/diagrams/data1.xml").decode()
        assert not [n for n in zf.namelist() if n.startswith("word/embeddings/")]
    assert "School attendance of " in chart and "externalData" not in chart
    assert "Sheet1!$B$1" in chart  # the formula no longer names the sheet
    assert " referred" in data and "Assessment of " in data
    assert traces(produced) == []


def test_ruby_text_is_read_apart_from_its_base(tmp_path: Path) -> None:
    doc = read_docx(make_hostile_docx(tmp_path / "draft.docx", ["ruby"]))
    texts = {s.origin: s.text for s in doc.segments}
    assert texts["body paragraph 2"] == "The name was written as the child"
    assert texts["ruby text in body paragraph 2"] == CHILD


def test_drops_are_warned_before_anything_is_written(tmp_path: Path) -> None:
    draft = make_hostile_docx(tmp_path / "draft.docx", ["altchunk", "macro", "ole", "unknown-part"], orphan=True)
    doc = read_docx(draft)
    warnings = " ".join(doc.warnings)
    for case in ("altchunk", "macro", "ole", "unknown-part"):
        assert DROP_WARNINGS[case] in warnings
    assert "removed 1 file stored inside the document that nothing in it uses" in warnings
    assert "amara" not in warnings.lower()
    assert not [w for w in doc.warnings if "cannot be checked" in w and "removed" not in w and "picture" not in w]


def test_styles_keep_word_names_and_lose_the_authors(tmp_path: Path) -> None:
    draft = make_hostile_docx(tmp_path / "draft.docx", ["style"])
    code, output = run(draft, tmp_path / "out")
    assert code == 0, output
    out = docx.Document(next((tmp_path / "out").glob("*.anonymised.docx")))
    styles = {p.style.name for p in out.paragraphs}
    assert "Normal" in styles and "Custom Style 1" in styles
    assert "Heading 1" in {s.name for s in out.styles}


def test_pictures_keep_their_pixels_and_lose_their_metadata() -> None:
    import io

    from PIL import Image

    for blob in (png_with_text(CHILD), jpeg_with_text(CHILD)):
        cleaned, _ = clean_image(blob, "image/png" if blob.startswith(b"\x89PNG") else "image/jpeg")
        assert b"amara" not in cleaned.lower() and "Amara".encode("utf-16-le") not in cleaned
        with Image.open(io.BytesIO(blob)) as before, Image.open(io.BytesIO(cleaned)) as after:
            assert before.size == after.size and before.tobytes() == after.tobytes()
    gif = io.BytesIO()
    Image.new("P", (5, 5), 3).save(gif, "GIF", comment=CHILD.encode())
    cleaned, kind = clean_image(gif.getvalue(), "image/gif")
    assert kind == "image/png" and b"Amara" not in cleaned
    assert clean_image(b"<svg><text>Amara</text></svg>", "image/svg+xml") is None
    assert clean_image(b"\x89PNG\r\n\x1a\nbroken", "image/png") is None


def test_verify_reads_binary_parts_in_utf8_and_utf16(tmp_path: Path) -> None:
    path = make_simple_docx(tmp_path / "clean.docx", ["The subject child was seen."])
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("word/embeddings/blob.bin", b"\x00\x01" + "Amara".encode("utf-16-le") + b"\xff")
        zf.writestr("word/embeddings/odd.bin", b"\x00\x01\x02" + "Okafor".encode("utf-16-le") + b"\xff")
        zf.writestr("word/media/x.bin", b"\x00\xfe" + "Sarah".encode() + b"\x00")
        zf.writestr("word/extra.xml", "<x><!-- Tunde --><y note='Birchwood'/></x>")
    texts = "\n".join(text for _, text in output_texts(path))
    for name in ("Amara", "Okafor", "Sarah", "Tunde", "Birchwood", "blob.bin"):
        assert name in texts


def test_an_oversized_xml_part_is_refused_at_once(tmp_path: Path) -> None:
    """A 72 KB file whose document.xml unpacks to 18 MB: under the ratio check's size, over the part limit."""
    path = tmp_path / "deep.docx"
    paragraph = b"<w:p><w:r><w:t>Amara was seen at home by the social worker.</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", "<Relationships/>")
        zf.writestr("word/document.xml", paragraph * (18 * 1024 * 1024 // len(paragraph)))
    assert path.stat().st_size < 200_000
    with pytest.raises(InputError) as err:
        read_docx(path)
    assert "over the 16 MB limit for one XML part" in str(err.value)
    assert str(err.value).startswith(str(path))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_every_side_door_at_once_opens_in_libreoffice(tmp_path: Path) -> None:
    draft = make_hostile_docx(tmp_path / "draft.docx", HOSTILE_CASES, orphan=True)
    code, output = run(draft, tmp_path / "out")
    assert code == 0, output
    produced = next((tmp_path / "out").glob("*.anonymised.docx"))
    assert traces(produced) == [] and dangling_references(produced) == []
    subprocess.run([shutil.which("soffice"), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(produced)],
                   check=True, capture_output=True, timeout=240)
    from pypdf import PdfReader

    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(tmp_path / (produced.stem + ".pdf")).pages)
    assert "lives with her mother" in text and "School attendance of" in text
    assert not any(word in text.lower() for word in FAMILY)


def test_table_alt_text_and_form_field_text_are_anonymised(tmp_path: Path) -> None:
    from docx.oxml.parser import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    document.add_paragraph(f"{CHILD} lives with her mother.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Visits by the health visitor"
    # Set in Word's Table Properties > Alt Text: never on the page.
    table._tbl.tblPr.append(parse_xml(f'<w:tblCaption {w} w:val="Contacts with {CHILD}"/>'))
    table._tbl.tblPr.append(parse_xml(f'<w:tblDescription {w} w:val="Every visit to Sarah at home"/>'))
    document.add_paragraph("Seen: ")._p.append(parse_xml(
        f'<w:r {w}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Seen"/>'
        f'<w:helpText w:type="text" w:val="Who saw Amara"/><w:textInput><w:default w:val="Okafor"/></w:textInput>'
        '</w:ffData></w:fldChar></w:r>'))
    draft = tmp_path / "draft.docx"
    document.save(draft)
    code, output = run(draft, tmp_path / "out")
    assert code == 0, output
    produced = next((tmp_path / "out").glob("*.anonymised.docx"))
    assert traces(produced) == []
    tbl_pr = docx.Document(produced).tables[0]._tbl.tblPr.xml
    assert "tblCaption" in tbl_pr and "Contacts with" in tbl_pr  # the alt text stays, anonymised
