"""Reading and writing Word drafts: every story read whole, edits in runs, side doors closed."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from fixtures_docs import (
    CARER,
    CHILD,
    IDENTIFIERS,
    MOTHER,
    REVIEWER,
    SPLIT_SENTENCE,
    make_rich_docx,
    make_simple_docx,
    make_tracked_docx,
    package_text,
    xml,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from anonymiser.core.document import Document, Edit, apply_edits
from anonymiser.core.errors import InputError
from anonymiser.read.docx import ParagraphHandle, paragraph_text, read_docx
from anonymiser.read.docx import package as docx_package
from anonymiser.write.docx import edit_paragraph, write_docx, write_new_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    return make_rich_docx(tmp_path / "draft.docx")


def perfect_edits(doc: Document, identifiers: list[str] = IDENTIFIERS) -> dict[int, list[Edit]]:
    """What flawless detection would do: replace every identifier wherever it occurs."""
    pattern = re.compile("|".join(re.escape(i) for i in identifiers), re.I)
    edits = {}
    for i, segment in enumerate(doc.segments):
        found = [Edit(m.start(), m.end(), "[REDACTED]") for m in pattern.finditer(segment.text)]
        if found:
            edits[i] = found
    return edits


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


# -- writing -------------------------------------------------------------------------------------


def test_an_edit_across_three_runs_lands_in_the_first_run(rich: Path, tmp_path: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    index = next(i for i, s in enumerate(doc.segments) if s.text == SPLIT_SENTENCE)
    start = SPLIT_SENTENCE.index(CHILD)
    out = tmp_path / "out.docx"
    write_docx(doc, {index: [Edit(start, start + len(CHILD), "Child A")]}, out)
    paragraph = next(p for p in docx.Document(out).paragraphs if p.text.startswith("The reviewer met"))
    assert paragraph.text == "The reviewer met Child A at school."
    child_run = next(r for r in paragraph.runs if "Child A" in r.text)
    assert child_run.text == "Child A" and child_run.bold
    assert paragraph.runs[0].text == "The reviewer met " and not paragraph.runs[0].bold
    assert paragraph.runs[-1].text == " at school."


def test_side_doors_are_closed(rich: Path, tmp_path: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    out = tmp_path / "out.docx"
    write_docx(doc, perfect_edits(doc), out)
    parts = package_text(out)
    leaks = [(name, ident) for name, text in parts.items() for ident in IDENTIFIERS if ident.lower() in text.lower()]
    assert leaks == []
    names = set(parts)
    assert not any(n.startswith("customXml/") for n in names)
    assert {"word/comments.xml", "word/people.xml", "docProps/custom.xml", "docProps/thumbnail.jpeg"}.isdisjoint(names)
    body = parts["word/document.xml"]
    for marker in ("commentRangeStart", "commentRangeEnd", "commentReference", "w:dataBinding", "w:fullDate",
                   "w:listItem", "HYPERLINK", " XE "):
        assert marker not in body, marker
    assert "docVars" not in parts["word/settings.xml"]
    assert 'w:name="BookmarkA"' in body and "REF BookmarkA" in body  # renamed, reference kept working
    app = parts["docProps/app.xml"]
    assert "Company" not in app and "Manager" not in app and "TitlesOfParts" not in app and "Template" not in app
    core = docx.Document(out).core_properties
    assert core.author == "" and core.last_modified_by == "" and core.identifier == ""
    assert core.title == "CSPR concerning [REDACTED] [REDACTED]"
    footer = next(text for name, text in parts.items() if "PAGE" in text and name.startswith("word/footer"))
    assert "fldChar" in footer  # page numbers stay live fields


def test_output_keeps_structure_and_formatting(rich: Path, tmp_path: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    out = tmp_path / "out.docx"
    write_docx(doc, perfect_edits(doc), out)
    before, after = docx.Document(rich), docx.Document(out)
    assert after.paragraphs[0].style.name == "Heading 1"
    assert [p.style.name for p in after.paragraphs if p.style.name == "List Number"] == ["List Number"] * 2
    assert len(after.tables) == 1 and len(after.tables[0].cell(2, 1).tables) == 1
    assert after.tables[0].style.name == "Table Grid"
    assert after.tables[0].cell(1, 0).text == "[REDACTED] [REDACTED]"
    assert len(after.inline_shapes) == len(before.inline_shapes) == 1
    section = after.sections[0]
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == "CONFIDENTIAL - [REDACTED] [REDACTED]"
    assert section.even_page_footer.paragraphs[0].text == "Family: [REDACTED] [REDACTED] and [REDACTED] [REDACTED]"
    again = read_docx(out)
    # Content controls lose their titles ("Child name"), so the origins name them plainly.
    assert [s.origin for s in again.segments] == [re.sub(r"content control '[^']*'", "content control", s.origin)
                                                  for s in doc.segments]
    assert again.text == "".join(apply_edits(s.text, perfect_edits(doc).get(i, [])) + "\n\n"
                                 for i, s in enumerate(doc.segments))


def test_writing_twice_gives_the_same_text(rich: Path, tmp_path: Path) -> None:
    doc = read_docx(rich, accept_tracked_changes=True)
    edits = perfect_edits(doc)
    write_docx(doc, edits, tmp_path / "a.docx")
    write_docx(doc, edits, tmp_path / "b.docx")
    assert read_docx(tmp_path / "a.docx").text == read_docx(tmp_path / "b.docx").text


def test_write_replaces_atomically_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = make_simple_docx(tmp_path / "in.docx", [f"{CHILD} was seen."])
    out = tmp_path / "out" / "anon.docx"
    out.parent.mkdir()
    out.write_bytes(b"old")
    doc = read_docx(path)
    write_docx(doc, {0: [Edit(0, len(CHILD), "Child A")]}, out)
    assert [p.name for p in out.parent.iterdir()] == ["anon.docx"]
    assert docx.Document(out).paragraphs[0].text == "Child A was seen."


def test_overlapping_edits_are_rejected(tmp_path: Path) -> None:
    doc = read_docx(make_simple_docx(tmp_path / "in.docx", [f"{CHILD} was seen."]))
    with pytest.raises(ValueError):
        write_docx(doc, {0: [Edit(0, 5, "A"), Edit(3, 8, "B")]}, tmp_path / "out.docx")


def test_write_new_docx_builds_a_clean_document(tmp_path: Path) -> None:
    out = tmp_path / "new.docx"
    write_new_docx([("Background", "Heading 1"), ("Child A lives with her mother.\x0c", None),
                    ("Odd style", "No Such Style")], out)
    document = docx.Document(out)
    assert [(p.text, p.style.name) for p in document.paragraphs[-3:]] == [
        ("Background", "Heading 1"), ("Child A lives with her mother.", "Normal"), ("Odd style", "Normal")]
    parts = package_text(out)
    assert "python-docx" not in "".join(parts.values())
    assert "docProps/thumbnail.jpeg" not in parts
    assert round(document.sections[0].page_width.mm) == 210


# -- the run model, on random splits and edits -----------------------------------------------


def _paragraph(chunks: list[str]):
    runs = []
    for i, chunk in enumerate(chunks):
        bold = "<w:rPr><w:b/></w:rPr>" if i % 2 else ""
        parts = re.split(r"(\t)", chunk)
        inner = "".join("<w:tab/>" if part == "\t" else f'<w:t xml:space="preserve">{part}</w:t>'
                        for part in parts if part)
        runs.append(f"<w:r>{bold}{inner}</w:r>")
    return xml("<w:p>" + "".join(runs) + "</w:p>")


@settings(max_examples=200, deadline=None)
@given(
    chunks=st.lists(st.text(alphabet="ab \tc", min_size=1, max_size=6), min_size=1, max_size=6),
    cuts=st.lists(st.integers(min_value=0, max_value=40), max_size=6),
    news=st.lists(st.sampled_from(["", "X", "Child A", " "]), min_size=6, max_size=6),
)
def test_edits_land_exactly_whatever_the_run_split(chunks: list[str], cuts: list[int], news: list[str]) -> None:
    p = _paragraph(chunks)
    text = paragraph_text(p)
    points = sorted({min(c, len(text)) for c in cuts})
    edits = [Edit(a, b, news[i]) for i, (a, b) in enumerate(zip(points[::2], points[1::2]))]
    edit_paragraph(p, text, edits)
    assert paragraph_text(p) == apply_edits(text, edits)


def test_an_insertion_and_an_edit_over_a_tab(tmp_path: Path) -> None:
    p = _paragraph(["Name:", "\t", "Amara"])
    edit_paragraph(p, "Name:\tAmara", [Edit(4, 6, " = "), Edit(11, 11, " O.")])
    assert paragraph_text(p) == "Name = Amara O."
    assert p.find(f".//{W}tab") is None


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
