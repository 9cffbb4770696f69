"""Writing Word drafts back: edits land in their runs, formatting and structure kept, side doors
closed, nothing half-written (reading them: tests/read/test_docx_io.py)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anonymiser.core.document import Edit, apply_edits
from anonymiser.read.docx import paragraph_text, read_docx
from anonymiser.write.docx import edit_paragraph, write_docx, write_new_docx
from tests.fixtures_docs import (
    CHILD,
    IDENTIFIERS,
    SPLIT_SENTENCE,
    make_rich_docx,
    make_simple_docx,
    package_text,
    perfect_edits,
    xml,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def rich(tmp_path: Path) -> Path:
    return make_rich_docx(tmp_path / "draft.docx")


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
    assert (core.created.isoformat(), core.modified.isoformat()) == ("2026-03-01T00:00:00+00:00", "2026-05-01T00:00:00+00:00")
    assert core.last_printed is None and core.revision == 1 and "lastPrinted" not in parts["docProps/core.xml"]
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
