"""Reading PDF drafts: paragraphs rebuilt, hyphens undone, running heads kept once, bad files refused."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from anonymiser.core.errors import InputError
from anonymiser.read.pdf import PdfCell, PdfParagraph, join_lines, read_pdf
from anonymiser.write.docx import write_new_docx
from tests.fixtures_docs import AGENCY, encrypt_pdf, make_report_pdf, make_scanned_pdf


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return make_report_pdf(tmp_path / "draft.pdf")


def _error(path: Path, **kwargs: object) -> str:
    with pytest.raises(InputError) as err:
        read_pdf(path, **kwargs)
    message = str(err.value)
    assert message.startswith(str(path)) and "\n" not in message
    return message


def test_paragraphs_are_rebuilt_with_their_pages(report: Path) -> None:
    doc = read_pdf(report)
    assert doc.kind == "pdf" and doc.warnings == []
    body = [s for s in doc.segments if s.origin != "page header/footer"]
    first = body[1]
    assert first.origin == "page 1"
    assert first.text.startswith("This review concerns Amara Okafor, born 14/03/2015, who lived with her mother")
    assert first.text.endswith("serious incident notification in March 2023.")
    assert "\n" not in first.text
    assert [s.origin for s in body if s.text.startswith("Sarah Okafor moved")] == ["page 2"]


def test_a_name_hyphenated_over_a_line_break_is_joined(report: Path) -> None:
    doc = read_pdf(report)
    assert "The health visitor spoke to Sarah Okafor on 3 May 2022 about the family's circumstances." in [
        s.text for s in doc.segments]
    assert "Oka-" not in doc.text
    assert "the well-being of Amara" in doc.text  # a real hyphen inside a line stays


def test_running_header_and_page_numbers_are_kept_once(report: Path) -> None:
    doc = read_pdf(report)
    running = [s for s in doc.segments if s.origin == "page header/footer"]
    assert [s.text for s in running] == [f"{AGENCY} - CSPR Child A (draft)", "Page 1 of 5"]
    assert all(isinstance(s.handle, PdfParagraph) and s.handle.running for s in running)
    assert doc.text.count(AGENCY) == 1
    assert doc.segments[0].text.startswith(AGENCY)  # the header comes first, the footer last
    assert doc.segments[-1].text == "Page 1 of 5"


def test_a_paragraph_running_onto_the_next_page_stays_whole(report: Path) -> None:
    doc = read_pdf(report)
    long = [s for s in doc.segments if s.text.startswith("Between the spring of 2022")]
    assert len(long) == 1
    assert long[0].origin == "page 3"
    assert long[0].text.endswith("CONTINUED-ACROSS-PAGE-END")
    assert AGENCY not in long[0].text and "Page " not in long[0].text


def test_headings_are_marked_for_the_new_docx(report: Path, tmp_path: Path) -> None:
    doc = read_pdf(report)
    headings = [s.text for s in doc.segments if s.handle.style == "Heading 1"]
    assert headings == ["1. Introduction", "2. Family background", "3. Key practice episodes", "4. Findings"]
    out = tmp_path / "from-pdf.docx"
    write_new_docx([(s.text, s.handle.style) for s in doc.segments], out)
    paragraphs = docx.Document(out).paragraphs
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == headings


def test_join_lines() -> None:
    assert join_lines("spoke to Sarah Oka-", "for on 3 May") == "spoke to Sarah Okafor on 3 May"
    assert join_lines("her sister Chloe Brennan-", "Lowe said") == "her sister Chloe Brennan-Lowe said"
    assert join_lines("the mother -", "who was") == "the mother - who was"
    assert join_lines("Oka\u00ad", "for") == "Okafor"
    assert join_lines("concerns for her", "well-being") == "concerns for her well-being"


# -- encryption ----------------------------------------------------------------------------------


def test_encrypted_pdf_needs_a_password(report: Path, tmp_path: Path) -> None:
    locked = encrypt_pdf(report, tmp_path / "locked.pdf", user_password="s3cret")
    assert "--password" in _error(locked)
    assert "password" in _error(locked, password="wrong")
    doc = read_pdf(locked, password="s3cret")
    assert "Amara Okafor" in doc.text


def test_pdf_with_only_an_owner_password_opens(report: Path, tmp_path: Path) -> None:
    restricted = encrypt_pdf(report, tmp_path / "restricted.pdf", user_password="")
    assert "Sarah Okafor" in read_pdf(restricted).text


# -- bad input -----------------------------------------------------------------------------------


def test_scanned_pdf_is_refused(tmp_path: Path) -> None:
    assert "OCR" in _error(make_scanned_pdf(tmp_path / "scan.pdf"))


def test_a_scanned_page_in_a_text_pdf_is_warned_about(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    report = make_report_pdf(tmp_path / "report.pdf")
    scan = make_scanned_pdf(tmp_path / "scan.pdf", pages=1)
    writer = PdfWriter(clone_from=PdfReader(report))
    writer.add_page(PdfReader(scan).pages[0])
    mixed = tmp_path / "mixed.pdf"
    with open(mixed, "wb") as fh:
        writer.write(fh)
    doc = read_pdf(mixed)
    assert any("page 6" in w and "check it by hand" in w for w in doc.warnings)


def test_truncated_pdf(report: Path, tmp_path: Path) -> None:
    data = report.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    assert "truncated" in _error(cut)


def test_damaged_pdf(report: Path, tmp_path: Path) -> None:
    data = bytearray(report.read_bytes())
    middle = len(data) // 3
    data[middle : middle + 400] = b"\x00" * 400
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data))
    try:
        doc = read_pdf(path)  # pypdf may recover some pages; then the text must still be sane
    except InputError as err:
        assert str(err).startswith(str(path))
    else:
        assert doc.segments


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("Amara Okafor: notes\n")
    assert "not a PDF" in _error(path)


def test_garbage_after_header(tmp_path: Path) -> None:
    path = tmp_path / "junk.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage " * 500 + b"\n%%EOF\n")
    message = _error(path)
    assert "damaged" in message or "no pages" in message or "no text layer" in message


def test_empty_pdf(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert "empty" in _error(path)


# -- the committed sample ----------------------------------------------------------------------


def test_sample_review_e(samples: Path) -> None:
    doc = read_pdf(samples / "review-e.pdf")
    pages = {s.handle.page for s in doc.segments}
    assert 4 <= max(pages) <= 6
    running = [s.text for s in doc.segments if s.origin == "page header/footer"]
    assert len(running) == 2 and "CSPR Child T (Tyler Brennan)" in running[0]
    texts = [s.text for s in doc.segments]
    assert any("raise her worries about Tyler with the school" in t for t in texts)
    assert any("Chloe Brennan-Lowe, she said, often arrived" in t for t in texts)
    spanning = [s for s in doc.segments if s.text.startswith("4.3 The burn to Tyler's hand")]
    assert spanning and spanning[0].text.endswith("over the same period.")
    # Its layout: a title page, one table, a bulleted and a lettered list, a glossary in two columns.
    styles = [s.handle.style for s in doc.segments]
    assert styles.count("List Bullet") == 4 and styles.count("List Number") == 4
    assert {s.handle.table for s in doc.segments if isinstance(s.handle, PdfCell)} == {1}
    assert [s.text for s in doc.segments if s.handle.style in ("Title", "Subtitle")] == [
        "Child Safeguarding Practice Review", "Child T"]
    assert "Subject child:\tTyler Brennan\tReviewer:\tMark Ellery" in texts
    assert "MASH\tMulti-Agency Safeguarding Hub" in texts
    assert texts[1] == "Nottingham City Safeguarding Children Partnership"  # after the header kept once


def test_dates_at_the_top_of_pages_are_not_mistaken_for_running_heads(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=11)
    for n, date in enumerate(("12/03/2021", "06/09/2021", "14/02/2022"), start=1):
        pdf.add_page()
        pdf.cell(0, 6, date, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.multi_cell(0, 6, f"Entry {n}: Amara Okafor was seen by the school nurse, who recorded her "
                             "weight and noted that she seemed tired and withdrawn in class.",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.cell(0, 6, str(n), align="C")
    path = tmp_path / "chronology.pdf"
    pdf.output(str(path))
    doc = read_pdf(path)
    texts = [s.text for s in doc.segments]
    assert {"12/03/2021", "06/09/2021", "14/02/2022"} <= set(texts)
    assert [s.text for s in doc.segments if s.origin == "page header/footer"] == ["1"]
