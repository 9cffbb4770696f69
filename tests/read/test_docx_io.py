"""Reading Word drafts: every story read whole, hidden text and tracked changes handled, bad files
refused (writing them back: tests/write/test_docx_write.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from anonymiser.core.document import Document
from anonymiser.core.errors import InputError
from anonymiser.read.docx import ParagraphHandle, paragraph_text, read_docx
from anonymiser.read.docx import package as docx_package
from anonymiser.write.docx import write_docx
from tests.fixtures_docs import (
    CARER,
    CHILD,
    MOTHER,
    REVIEWER,
    SPLIT_SENTENCE,
    make_rich_docx,
    make_simple_docx,
    make_tracked_docx,
    package_text,
    perfect_edits,
    xml,
)


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    return make_rich_docx(tmp_path / "draft.docx")


def segment(doc: Document, origin: str) -> str:
    texts = [s.text for s in doc.segments if s.origin == origin]
    assert texts, f"no segment from {origin!r}; have {[s.origin for s in doc.segments]}"
    return texts[0]


# -- reading -------------------------------------------------------------------------------------


def test_reads_every_story_with_a_findable_origin(rich: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    assert doc.kind == "docx"
    assert all(s.separator == "\n\n" for s in doc.segments)
    assert segment(doc, "body paragraph 2").startswith(f"{CHILD} (DOB 14/03/2015) lives with")
    assert segment(doc, "table 1, row 2, cell 1") == CHILD
    assert segment(doc, "table 1, row 2, cell 3") == "14/03/2015"
    assert segment(doc, "table 1, row 3, cell 2, table 1, row 1, cell 2") == "of Amara"
    assert segment(doc, "header (section 1, first page)") == f"CONFIDENTIAL - {CHILD}"
    assert segment(doc, "footer (section 1, even pages)") == f"Family: {MOTHER} and {CHILD}"
    assert "Sarah Okafor told the GP" in segment(doc, "footnote 1")
    assert "Ashgrove Primary" in segment(doc, "endnote 1")
    assert segment(doc, "content control 'Child name'") == CHILD
    assert segment(doc, "document properties: title") == f"CSPR concerning {CHILD}"
    assert segment(doc, "document properties: comments (description)").endswith("before publication")
    assert segment(doc, "image alt text").startswith(f"Photo of {CHILD}")
    assert segment(doc, "image title") == "Amara, aged 6"
    assert segment(doc, "hyperlink address (body)") == "mailto:sarah.okafor@example.com"
    assert segment(doc, "hyperlink screen tip") == "Email Sarah Okafor"
    assert segment(doc, "linked file address (body)").endswith("/hwhitfield/Pictures/amara_okafor.jpg")
    assert segment(doc, "header (not used by any section)") == f"Old header: {CHILD}"
    boxes = [s for s in doc.segments if s.origin.startswith("text box in body paragraph")]
    assert [s.text for s in boxes] == ["Amara attends Ashgrove Primary."] * 2  # modern + legacy copy
    inline = [s.text for s in doc.segments if s.text.startswith("Date of birth: ")]
    assert inline == ["Date of birth: 14/03/2015"]  # an inline content control is part of its paragraph
    assert doc.text == "".join(s.text + "\n\n" for s in doc.segments)


def test_a_name_split_across_runs_is_one_string(rich: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    assert SPLIT_SENTENCE in [s.text for s in doc.segments]
    assert CHILD in doc.text


def test_hidden_text_is_not_read(rich: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    assert CARER not in doc.text
    assert "Her father lives abroad. Contact is by video." in [s.text for s in doc.segments]
    assert any("hidden text" in w for w in doc.warnings)


def test_embedded_images_are_reported(rich: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    assert any("1 picture cannot be checked (text inside a picture is not read); review them by hand" in w for w in doc.warnings)


def test_tracked_changes_are_refused_with_their_count(tmp_path: Path) -> None:
    path = make_tracked_docx(tmp_path / "tracked.docx")
    with pytest.raises(InputError) as err:
        read_docx(path)
    message = str(err.value)
    assert message.startswith(str(path))
    assert "4 tracked changes" in message
    assert "--accept-tracked-changes" in message and "Word" in message


def test_accepting_tracked_changes_keeps_insertions_and_drops_deletions(tmp_path: Path) -> None:
    path = make_tracked_docx(tmp_path / "tracked.docx")
    doc = read_docx(path, accept_tracked_changes=True)
    texts = [s.text for s in doc.segments]
    assert "The referral named Amara Okafor as at risk." in texts
    assert "Visits continued." in texts  # the moved-away text is gone from here
    assert "Later visits. Family seen at home." in texts
    assert "cousin" not in doc.text and "Moved:" not in doc.text
    out = tmp_path / "out.docx"
    write_docx(doc, {}, out)
    body = package_text(out)["word/document.xml"]
    for tag in ("w:ins ", "w:del ", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:delText"):
        assert f"<{tag}" not in body
    assert REVIEWER not in body
    assert [p.text for p in docx.Document(out).paragraphs if p.text][1] == "The referral named Amara Okafor as at risk."


# -- bad input -----------------------------------------------------------------------------------


def _error(path: Path, **kwargs: object) -> str:
    with pytest.raises(InputError) as err:
        read_docx(path, **kwargs)
    message = str(err.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    path.write_text("Amara Okafor, notes from the meeting")
    assert "not a readable .docx" in _error(path)


def test_truncated_docx(tmp_path: Path) -> None:
    good = make_simple_docx(tmp_path / "good.docx", ["Some text."] * 50).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(good[: len(good) // 2])
    assert "truncated" in _error(path)


def test_corrupt_member(tmp_path: Path) -> None:
    good = make_simple_docx(tmp_path / "good.docx", ["Some text."] * 50)
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo("word/document.xml")
    # Flip bytes in the compressed body of document.xml (past its local header).
    start = info.header_offset + 30 + len(info.filename) + 10
    data[start : start + 20] = bytes(20)
    path = tmp_path / "bad.docx"
    path.write_bytes(bytes(data))
    message = _error(path)
    assert "damaged" in message or "cannot be unpacked" in message


def test_password_protected_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptionInfo".encode("utf-16-le") + bytes(1000)
    path.write_bytes(ole)
    message = _error(path)
    assert "password-protected" in message and "remove the password" in message


def test_old_doc_file(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000) + "WordDocument".encode("utf-16-le"))
    assert "97-2003" in _error(path)


def test_zip_that_is_not_word(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hello")
    assert "not a Word document" in _error(path)


def test_spreadsheet_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'))
        zf.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert "not a Word document" in _error(path)


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("_rels/.rels", "<Relationships/>")
        with zf.open("word/document.xml", "w") as fh:
            block = bytes(1024 * 1024)
            for _ in range(25):
                fh.write(block)
    assert "zip bomb" in _error(path)


def test_zip_too_big_when_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_simple_docx(tmp_path / "big.docx", ["Some text."])
    monkeypatch.setattr(docx_package, "MAX_UNCOMPRESSED", 10_000)
    assert "over the" in _error(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert "is empty" in _error(path)


def test_malformed_document_xml(tmp_path: Path) -> None:
    good = make_simple_docx(tmp_path / "good.docx", ["Some text."])
    path = tmp_path / "bad.docx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(path, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            zout.writestr(name, b"<w:document><unclosed>" if name == "word/document.xml" else data)
    assert "damaged" in _error(path)


# -- details ---------------------------------------------------------------------------------


def test_deleted_paragraph_mark_joins_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Intro.")
    joined = [
        xml('<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="HW"/></w:rPr></w:pPr>'
            '<w:r><w:t xml:space="preserve">Amara was seen </w:t></w:r></w:p>'),
        xml("<w:p><w:r><w:t>by the GP.</w:t></w:r></w:p>"),
    ]
    last = document.paragraphs[-1]._p
    for el in reversed(joined):
        last.addnext(el)
    path = tmp_path / "join.docx"
    document.save(path)
    assert "1 tracked change" in _error(path)
    doc = read_docx(path, accept_tracked_changes=True)
    assert [s.text for s in doc.segments if s.origin.startswith("body")] == ["Intro.", "Amara was seen by the GP."]


def test_segment_handles_point_at_paragraphs(rich: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    for s in doc.segments:
        if isinstance(s.handle, ParagraphHandle):
            assert paragraph_text(s.handle.p) == s.text
            assert etree.QName(s.handle.p).localname == "p"


def test_reads_from_bytes_identically(rich: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.docx"
    copy.write_bytes(io.BytesIO(rich.read_bytes()).getvalue())
    assert read_docx(copy, accept_tracked_changes=True).text == read_docx(rich, accept_tracked_changes=True).text


# -- the committed sample ----------------------------------------------------------------------


def test_sample_review_d_reads_and_closes_its_side_doors(samples: Path, tmp_path: Path) -> None:
    path = samples / "review-d.docx"
    assert "2 tracked changes" in _error(path)
    doc = read_docx(path, accept_tracked_changes=True)
    assert "Concerning Maisie Calloway, date of birth 22 June 2017" in [s.text for s in doc.segments]
    assert "Maisie Calloway" in segment(doc, "header (section 1)")
    assert "DOB 22/06/2017" in segment(doc, "footer (section 1)")
    assert segment(doc, "table 1, row 4, cell 1") == "Ryan Pritchard"
    assert "(Maisie's stepfather)" not in doc.text  # the tracked deletion
    assert len(doc.text.split()) > 1400
    family = ["Maisie", "Calloway", "Dani", "Pritchard", "Hollis", "Fenwick", "Wensley", "22/06/2017",
              "22 June 2017", "S5 8QX", "S4 7BN", "Renfrew"]
    out = tmp_path / "review-d.anon.docx"
    write_docx(doc, perfect_edits(doc, family), out)
    leaks = [(name, word) for name, text in package_text(out).items() for word in family
             if word.lower() in text.lower()]
    assert leaks == []
    assert docx.Document(out).tables[0].cell(1, 0).text == "[REDACTED] [REDACTED]"


def test_paragraphs_in_unusual_containers_are_still_read(tmp_path: Path) -> None:
    document = docx.Document()
    anchor = document.add_paragraph("Start.")._p
    anchor.addnext(xml('<mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>Choice: Amara</w:t>'
                       '</w:r></w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>Fallback: Amara</w:t></w:r></w:p>'
                       "</mc:Fallback></mc:AlternateContent>"))
    anchor.addnext(xml('<w:sdt><w:sdtContent><x:wrap xmlns:x="urn:example"><w:p><w:r><w:t>Wrapped: Okafor</w:t>'
                       "</w:r></w:p></x:wrap></w:sdtContent></w:sdt>"))
    path = tmp_path / "odd.docx"
    document.save(path)
    doc = read_docx(path)
    found = {s.text: s.origin for s in doc.segments}
    assert found["Choice: Amara"] == "body paragraph 2" and found["Fallback: Amara"] == "body paragraph 3"
    assert found["Wrapped: Okafor"] == "body, other text"
    out = tmp_path / "out.docx"
    write_docx(doc, perfect_edits(doc), out)
    assert "okafor" not in package_text(out)["word/document.xml"].lower()
