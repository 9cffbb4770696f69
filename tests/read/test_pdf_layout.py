"""A PDF's layout survives: tables cell by cell, list items apart, running heads out, title lines apart.

Every PDF here is invented and built with fpdf2 in the test, drawn the way Word and other
exporters draw these things (bullets in a symbol font, ruled tables, a header on every page).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from anonymiser.read.pdf import PdfCell, PdfParagraph, read_pdf
from anonymiser.read.pdf.layout import Line, Word
from anonymiser.read.pdf.markers import mark
from anonymiser.write.docx import write_new_docx

OPENSYMBOL = Path("/usr/share/fonts/truetype/libreoffice/opens___.ttf")
HEADER = "Castleford Safeguarding Partnership - CSPR Child R (Riley Amadi) - draft"


class _Draft(FPDF):
    """A draft with a running header on every page, the first included, and "Page n of N"."""

    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")


def _pdf(running: bool = True) -> FPDF:
    pdf: FPDF = _Draft(format="A4") if running else FPDF(format="A4")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    return pdf


def _para(pdf: FPDF, text: str, size: int = 11, style: str = "") -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def _bullet(pdf: FPDF, font: str, glyph: str, text: str) -> None:
    pdf.set_font(font, "", 11)
    pdf.cell(8, 6, glyph)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, rows: list[tuple[str, ...]]) -> None:
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(30, 106, 30), text_align="LEFT") as table:
        for row in rows:
            cells = table.row()
            for value in row:
                cells.cell(value)
    pdf.ln(5)


def _save(pdf: FPDF, path: Path) -> Path:
    pdf.output(str(path))
    return path


def _body(doc) -> list:  # type: ignore[no-untyped-def]
    return [s for s in doc.segments if not (isinstance(s.handle, PdfParagraph) and s.handle.running)]


FILLER = ("The reviewer met the practitioners who worked with the family during the period under review, "
          "read the chronologies provided by each agency and spoke to the family about what had happened. ")

SENTENCES = [
    "The school nurse recorded the bruise and spoke to the designated safeguarding lead the same day.",
    "A strategy discussion was held two days later, and the police joined it by telephone.",
    "The health visitor had not seen the baby since the six-week check, which was done at home.",
    "Neighbours told the police that they often heard a child crying late at night.",
    "The family support worker visited weekly until the case was closed in the spring.",
    "No agency asked the grandmother what she had seen, although she had raised her worries twice.",
    "The case was stepped down to Early Help without a meeting between the agencies involved.",
]


def _prose(n: int, sentences: int = 5) -> str:
    """A paragraph of its own: the sentences rotated, so no two pages end the same way."""
    return " ".join(SENTENCES[(n + i) % len(SENTENCES)] for i in range(sentences)) + f" (note {n})"


CONTACTS = [
    ("Date", "Event", "Agency"),
    ("04/02/2022", "Riley Amadi seen by the school nurse after a fall in the playground; bruising to the "
                   "left arm recorded and the explanation accepted.", "School"),
    ("19/05/2022", "Grace Amadi tells the health visitor she is worried about money.", "Health"),
    ("02/09/2022", "Anonymous call to the front door about shouting at the flat.", "Police"),
]


# -- tables ------------------------------------------------------------------------------------


def test_a_ruled_table_comes_back_cell_by_cell(tmp_path: Path) -> None:
    pdf = _pdf()
    _para(pdf, "3.1 The table below lists the contacts the review considered most significant.")
    _table(pdf, CONTACTS)
    _para(pdf, "3.2 Each contact was assessed on its own.")
    doc = read_pdf(_save(pdf, tmp_path / "table.pdf"))
    cells = [s for s in doc.segments if isinstance(s.handle, PdfCell)]
    assert [(c.handle.row, c.handle.col) for c in cells] == [(r, c) for r in range(1, 5) for c in range(1, 4)]
    assert cells[3].text == "04/02/2022" and cells[3].origin == "page 1, table 1, row 2, cell 1"
    # A cell that wraps over two lines is one segment, its lines joined; it runs into nothing else.
    assert cells[4].text == ("Riley Amadi seen by the school nurse after a fall in the playground; bruising to the "
                             "left arm recorded and the explanation accepted.")
    texts = [s.text for s in doc.segments]
    assert "3.2 Each contact was assessed on its own." in texts
    assert not any("School" in t and "Riley" in t for t in texts)  # no row flattened into a line

    out = tmp_path / "table.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    word = docx.Document(out)
    assert len(word.tables) == 1
    assert [[c.text for c in row.cells] for row in word.tables[0].rows] == [list(r) for r in CONTACTS]


def test_a_table_carried_over_a_page_break_is_one_table(tmp_path: Path) -> None:
    pdf = _pdf()
    rows = [("Date", "Event", "Agency")] + [
        (f"{day:02d}/03/2022", f"Home visit {day}: the family support worker saw Riley and his mother.", "Early Help")
        for day in range(1, 29)]
    _para(pdf, "The visits are listed below.")
    _table(pdf, rows)  # fpdf2 repeats the heading row at the top of the next page
    doc = read_pdf(_save(pdf, tmp_path / "long-table.pdf"))
    cells = [s.handle for s in doc.segments if isinstance(s.handle, PdfCell)]
    assert {c.table for c in cells} == {1}
    assert len({c.page for c in cells}) == 2
    assert max(c.row for c in cells) == len(rows)
    assert sum(1 for s in doc.segments if s.text == "Agency") == 1  # the repeated heading row, once

    out = tmp_path / "long-table.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    table = docx.Document(out).tables
    assert len(table) == 1 and len(table[0].rows) == len(rows)


# -- lists -------------------------------------------------------------------------------------


def test_bullets_in_symbol_fonts_are_separate_items_with_a_real_bullet(tmp_path: Path) -> None:
    pdf = _pdf()
    _para(pdf, "2.4 The household at the time was:")
    _bullet(pdf, "Symbol", "\xb7", "Riley Amadi, then aged seven;")
    _bullet(pdf, "Symbol", "\xb7", "Grace Amadi, his mother, who worked night shifts at a care home on the edge of "
                                    "town and relied on neighbours to walk Riley to school;")
    _bullet(pdf, "ZapfDingbats", "l", "Tomasz Wiercinski, her partner; and")
    _bullet(pdf, "ZapfDingbats", "n", "Amelia Amadi, his baby sister.")
    pdf.ln(4)
    _para(pdf, "2.5 " + FILLER)
    doc = read_pdf(_save(pdf, tmp_path / "bullets.pdf"))
    items = [s for s in doc.segments if s.handle.style == "List Bullet"]
    assert [s.text for s in items] == [
        "\u2022 Riley Amadi, then aged seven;",
        "\u2022 Grace Amadi, his mother, who worked night shifts at a care home on the edge of town and relied on "
        "neighbours to walk Riley to school;",
        "\u2022 Tomasz Wiercinski, her partner; and",
        "\u2022 Amelia Amadi, his baby sister.",
    ]
    assert all(s.handle.marker == "\u2022" for s in items)
    assert "2.4 The household at the time was:" in [s.text for s in doc.segments]
    assert any(s.text.startswith("2.5 The reviewer") and s.handle.style is None for s in doc.segments)
    assert "\x7f" not in doc.text and "\xb7" not in doc.text

    out = tmp_path / "bullets.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    word = docx.Document(out)
    listed = [p for p in word.paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in listed] == [s.text[2:] for s in items]  # Word draws the bullet itself
    level_text = word.part.numbering_part.element.xpath(".//w:lvl/w:lvlText/@w:val")
    assert "\u2022" in level_text and "\uf0b7" not in level_text


@pytest.mark.skipif(not OPENSYMBOL.exists(), reason="needs LibreOffice's OpenSymbol font for a private-use glyph")
def test_a_private_use_bullet_glyph_becomes_a_bullet(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    pdf.add_font("OpenSymbol", "", str(OPENSYMBOL))
    _para(pdf, "Actions agreed at the strategy meeting:")
    for text in ("a child protection medical for Riley;", "a visit to the grandmother's flat."):
        _bullet(pdf, "OpenSymbol", "\ue00a", text)
    doc = read_pdf(_save(pdf, tmp_path / "pua.pdf"))
    assert [s.text for s in doc.segments if s.handle.style == "List Bullet"] == [
        "\u2022 a child protection medical for Riley;", "\u2022 a visit to the grandmother's flat."]
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in doc.text)


@pytest.mark.parametrize("glyph, font", [("\x7f", "Helvetica"), ("\uf0b7", "SymbolMT"), ("\u25cf", "Arial"),
                                         ("\u00a7", "Wingdings-Regular")])
def test_a_lone_glyph_that_means_nothing_as_text_is_a_bullet(glyph: str, font: str) -> None:
    # What text extraction gives for bullets drawn without a Unicode mapping (U+007F), in the
    # private use area (Word's Symbol bullet), as a real bullet, or in a dingbat font.
    words = [Word(glyph, 72, 76, 100, 111, 11, font), Word("the", 90, 105, 100, 111, 11, "Helvetica"),
             Word("grandmother", 107, 160, 100, 111, 11, "Helvetica")]
    line = Line(words=words, page=1, text=f"{glyph} the grandmother")
    mark(line)
    assert (line.list_kind, line.marker, line.item_text) == ("bullet", "\u2022", "\u2022 the grandmother")


def test_a_bullet_glued_to_its_word_and_a_word_that_is_no_bullet() -> None:
    glued = Line(words=[Word("\u25cfSecond", 72, 110, 100, 111, 11, "Helvetica")], page=1, text="\u25cfSecond")
    mark(glued)
    assert glued.item_text == "\u2022 Second"
    for text in ("Riley", "1.1 The review", "12/03/2021 Police"):
        first, *rest = text.split(" ")
        line = Line(words=[Word(first, 72, 100, 100, 111, 11, "Helvetica")]
                    + [Word(w, 110, 130, 100, 111, 11, "Helvetica") for w in rest], page=1, text=text)
        mark(line)
        assert line.list_kind == "", text


def test_numbered_items_stay_apart_and_keep_their_numbers(tmp_path: Path) -> None:
    pdf = _pdf()
    _para(pdf, "The review was asked to consider:")
    for marker, text in (("(a)", "how agencies responded to the injuries Riley had in 2022, including the fall "
                                 "recorded by the school nurse and the later bruising;"),
                         ("(b)", "whether the family's money worries were known to the school; and"),
                         ("(c)", "how the views of Riley and his mother were sought.")):
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(8, 6, marker)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _para(pdf, "1.1 " + FILLER)  # a section number is not a list item
    doc = read_pdf(_save(pdf, tmp_path / "numbered.pdf"))
    items = [s for s in doc.segments if s.handle.style == "List Number"]
    assert [s.handle.marker for s in items] == ["(a)", "(b)", "(c)"]
    assert items[0].text.endswith("recorded by the school nurse and the later bruising;")
    assert [s.handle.style for s in doc.segments if s.text.startswith("1.1 ")] == [None]

    out = tmp_path / "numbered.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    listed = [p for p in docx.Document(out).paragraphs if p.style.name == "List Number"]
    assert [p.text.split("\t")[0] for p in listed] == ["(a)", "(b)", "(c)"]  # numbered once, as drafted
    assert all(p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val") == ["0"] for p in listed)


def test_a_dash_in_a_wrapped_sentence_is_not_a_list_item(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    pdf.set_font("Helvetica", "", 11)
    for line in ("The reviewer spoke to the grandmother, who had looked after Riley most weekends",
                 "- though not since the summer - and to the school's family support worker."):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    doc = read_pdf(_save(pdf, tmp_path / "dash.pdf"))
    assert [s.handle.style for s in doc.segments] == [None]
    assert "weekends - though not" in doc.text


# -- running headers ---------------------------------------------------------------------------


def test_running_header_and_footer_leave_every_page_the_first_included(tmp_path: Path) -> None:
    pdf = _pdf()
    for n in range(1, 5):
        _para(pdf, f"{n}. Section {n}", size=14, style="B")
        for k in range(3):
            _para(pdf, _prose(3 * n + k, 6))
        if n < 4:
            pdf.add_page()
    doc = read_pdf(_save(pdf, tmp_path / "running.pdf"))
    running = [s for s in doc.segments if s.handle.running]
    assert [s.text for s in running] == [HEADER, "Page 1 of 4"]  # kept once, so detection sees them
    assert not any("Riley Amadi" in s.text or s.text.startswith("Page ") for s in _body(doc))

    out = tmp_path / "running.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    word = docx.Document(out)
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Riley Amadi" not in text and "Page 1" not in text
    assert word.paragraphs[0].text == "1. Section 1"


def test_a_header_on_one_page_only_is_kept_as_text(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    _para(pdf, "Private and confidential: prepared for Riley Amadi's family", size=8)
    _para(pdf, _prose(0, 7))
    for n in range(1, 3):
        pdf.add_page()
        _para(pdf, _prose(n, 7))
    doc = read_pdf(_save(pdf, tmp_path / "once.pdf"))
    assert not any(s.handle.running for s in doc.segments)
    assert [s.text for s in doc.segments][0] == "Private and confidential: prepared for Riley Amadi's family"


# -- title page, columns and headings ----------------------------------------------------------


def test_title_page_lines_and_a_two_column_block_stay_apart(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    for size, style, text in ((12, "", "Castleford Safeguarding Partnership"),
                              (20, "B", "Child Safeguarding Practice Review"),
                              (16, "", "Child R"), (11, "", "Final draft for the panel")):
        pdf.set_font("Helvetica", style, size)
        pdf.cell(0, size * 0.6, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(size * 0.5)
    pdf.set_font("Helvetica", "", 10)
    for row in (("Subject child:", "Riley Amadi", "Reviewer:", "Joanne Threlfall"),
                ("Date of birth:", "14/08/2015", "Draft date:", "3 March 2024")):
        for width, value in zip((30, 55, 25, 56), row):
            pdf.cell(width, 6, value)
        pdf.ln(6)
    pdf.ln(6)
    _para(pdf, "Introduction", style="B")
    _para(pdf, FILLER * 2)
    doc = read_pdf(_save(pdf, tmp_path / "title.pdf"))
    texts = [s.text for s in doc.segments]
    assert texts[:4] == ["Castleford Safeguarding Partnership", "Child Safeguarding Practice Review", "Child R",
                         "Final draft for the panel"]
    assert all(s.handle.centred for s in doc.segments[:4])
    assert texts[4:6] == ["Subject child:\tRiley Amadi\tReviewer:\tJoanne Threlfall",
                          "Date of birth:\t14/08/2015\tDraft date:\t3 March 2024"]
    styles = {s.text: s.handle.style for s in doc.segments}
    # One page: the sizes rank as headings (with later pages, type larger than their headings is a Title).
    assert styles["Child Safeguarding Practice Review"] == "Heading 1" and styles["Child R"] == "Heading 2"
    assert styles["Introduction"] == "Heading 3"  # a lone bold line at body size, by its weight
    assert styles["Final draft for the panel"] is None

    out = tmp_path / "title.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    paragraphs = docx.Document(out).paragraphs
    assert paragraphs[1].alignment == 1  # centred, as on the page
    assert paragraphs[4].text == "Subject child:\tRiley Amadi\tReviewer:\tJoanne Threlfall"


def test_a_title_in_large_type_that_wraps_is_one_heading(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(120, 11, "Child Safeguarding Practice Review: Child R", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    _para(pdf, _prose(1, 6))
    doc = read_pdf(_save(pdf, tmp_path / "wrapped-title.pdf"))
    assert [(s.handle.style, s.text) for s in doc.segments][0] == (
        "Heading 1", "Child Safeguarding Practice Review: Child R")


def test_an_item_indented_under_another_is_a_level_down(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    _para(pdf, "The plan agreed at the conference:")
    for indent, font, glyph, text in ((0, "Symbol", "\xb7", "for Riley:"),
                                      (8, "Courier", "o", "a school place from September;"),
                                      (8, "Courier", "o", "weekly sessions with the school counsellor;"),
                                      (0, "Symbol", "\xb7", "for his mother, a referral to the alcohol service.")):
        pdf.set_x(pdf.l_margin + indent)
        _bullet(pdf, font, glyph, text)
    doc = read_pdf(_save(pdf, tmp_path / "nested.pdf"))
    assert [(s.handle.style, s.text) for s in doc.segments[1:]] == [
        ("List Bullet", "\u2022 for Riley:"),
        ("List Bullet 2", "\u2022 a school place from September;"),
        ("List Bullet 2", "\u2022 weekly sessions with the school counsellor;"),
        ("List Bullet", "\u2022 for his mother, a referral to the alcohol service."),
    ]
    out = tmp_path / "nested.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    assert [p.style.name for p in docx.Document(out).paragraphs][1:] == [
        "List Bullet", "List Bullet 2", "List Bullet 2", "List Bullet"]


def test_a_merged_cell_comes_back_merged(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(30, 106, 30), text_align="LEFT") as table:
        heading = table.row()
        heading.cell("Contacts with Riley's family, 2022", colspan=3)
        for row in CONTACTS[1:]:
            cells = table.row()
            for value in row:
                cells.cell(value)
    doc = read_pdf(_save(pdf, tmp_path / "merged.pdf"))
    cells = [s for s in doc.segments if isinstance(s.handle, PdfCell)]
    assert (cells[0].text, cells[0].handle.col_span, cells[0].handle.row_span) == (
        "Contacts with Riley's family, 2022", 3, 1)
    assert all(c.handle.col_span == 1 for c in cells[1:])
    out = tmp_path / "merged.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    table = docx.Document(out).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Contacts with Riley's family, 2022"] * 3  # one cell, 3 wide
    assert len(table.rows[0]._tr.tc_lst) == 1
    assert [c.text for c in table.rows[1].cells] == list(CONTACTS[1])


def test_a_table_keeps_an_empty_last_column(tmp_path: Path) -> None:
    # A chronology whose "Outcome" column nobody filled in yet: its cells give no segments.
    pdf = _pdf(running=False)
    _table(pdf, [(date, event, "") for date, event, _ in CONTACTS])
    doc = read_pdf(_save(pdf, tmp_path / "empty-column.pdf"))
    assert max(s.handle.col for s in doc.segments if isinstance(s.handle, PdfCell)) == 2
    out = tmp_path / "empty-column.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out)
    assert len(docx.Document(out).tables[0].columns) == 3


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_word_bullets_exported_to_pdf_come_back_as_bullets(tmp_path: Path) -> None:
    # Word's own bullet is U+F0B7 in the Symbol font; exported to PDF it stays a private-use glyph.
    word = docx.Document()
    word.add_paragraph("The household was:")
    for text in ("Riley Amadi, aged seven, who attended the primary school on the estate and was walked "
                 "there most days by a neighbour;", "Grace Amadi, his mother;"):
        word.add_paragraph(text, style="List Bullet")
    word.add_paragraph("The plan agreed:")
    for text in ("a school place;", "a referral to the alcohol service."):
        word.add_paragraph(text, style="List Number")
    word.add_paragraph("After the list, the review went on.")
    source = tmp_path / "household.docx"
    word.save(str(source))
    subprocess.run([shutil.which("soffice") or "soffice", "--headless",
                    f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, capture_output=True, timeout=240)
    doc = read_pdf(tmp_path / "household.pdf")
    assert [(s.handle.style, s.text) for s in doc.segments] == [
        (None, "The household was:"),
        ("List Bullet", "\u2022 Riley Amadi, aged seven, who attended the primary school on the estate and was "
                        "walked there most days by a neighbour;"),
        ("List Bullet", "\u2022 Grace Amadi, his mother;"),
        (None, "The plan agreed:"),
        ("List Number", "1. a school place;"),
        ("List Number", "2. a referral to the alcohol service."),
        (None, "After the list, the review went on."),
    ]


def test_the_word_page_takes_the_pdfs_size_margins_and_type_sizes(tmp_path: Path) -> None:
    pdf = FPDF(format="Letter")
    pdf.set_margins(25.4, 25.4, 25.4)
    pdf.set_auto_page_break(True, margin=25.4)
    pdf.add_page()
    pdf.set_y(25.4)
    _para(pdf, "1. Background", size=16, style="B")
    for n in range(4):
        _para(pdf, _prose(n, 6), size=12)
    doc = read_pdf(_save(pdf, tmp_path / "letter.pdf"))
    layout = doc.source
    assert (round(layout.width), round(layout.height)) == (216, 279)  # US Letter, not A4
    assert abs(layout.left - 25.4) < 1.5 and abs(layout.right - 25.4) < 6 and abs(layout.top - 25.4) < 3
    assert layout.body_size == 12
    out = tmp_path / "letter.docx"
    write_new_docx([(s.text, s.handle) for s in doc.segments], out, layout=layout)
    word = docx.Document(out)
    section = word.sections[0]
    assert round(section.page_width.mm) == 216 and abs(section.left_margin.mm - layout.left) < 0.1
    assert word.styles["Normal"].font.size.pt == 12
    heading = word.paragraphs[0]
    assert heading.style.name == "Heading 1" and heading.runs[0].font.size.pt == 16


def test_glossary_entries_with_a_bold_term_stay_apart(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    _para(pdf, "Glossary", size=14, style="B")
    for term, meaning in (("MASH", "Multi-Agency Safeguarding Hub, where contacts about a child are first screened"),
                          ("ICPC", "Initial Child Protection Conference"),
                          ("LADO", "Local Authority Designated Officer")):
        pdf.set_font("Helvetica", "B", 11)
        pdf.write(6, term + " ")
        pdf.set_font("Helvetica", "", 11)
        pdf.write(6, meaning)
        pdf.ln(6)
    doc = read_pdf(_save(pdf, tmp_path / "glossary.pdf"))
    assert [s.text for s in doc.segments] == [
        "Glossary", "MASH Multi-Agency Safeguarding Hub, where contacts about a child are first screened",
        "ICPC Initial Child Protection Conference", "LADO Local Authority Designated Officer"]


def test_two_columns_of_prose_are_read_one_column_after_the_other(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    _para(pdf, "Learning from the review", size=14, style="B")
    left = ("The first column begins here. " + _prose(0, 5) + " The left column ends with this sentence.")
    right = ("The second column begins here. " + _prose(3, 5) + " The right column ends with this one.")
    pdf.set_font("Helvetica", "", 10)
    with pdf.text_columns(ncols=2, gutter=10, text_align="LEFT") as columns:
        columns.write(left)
        columns.new_column()
        columns.write(right)
    doc = read_pdf(_save(pdf, tmp_path / "columns.pdf"))
    assert [s.text for s in doc.segments] == ["Learning from the review", left, right]


def test_a_glossary_in_two_columns_is_not_taken_for_prose_columns(tmp_path: Path) -> None:
    pdf = _pdf(running=False)
    pdf.set_font("Helvetica", "", 10)
    for term, meaning in (("CIN", "Child in Need plan under section 17 of the Children Act 1989"),
                          ("CP", "Child Protection plan, agreed at an initial conference"),
                          ("DSL", "Designated Safeguarding Lead in a school or college"),
                          ("EHA", "Early Help Assessment, made with the family's agreement"),
                          ("GP", "General Practitioner, the family doctor"),
                          ("MARAC", "Multi-Agency Risk Assessment Conference on domestic abuse"),
                          ("PLO", "Public Law Outline, the stage before care proceedings")):
        pdf.cell(30, 6, term)
        pdf.cell(136, 6, meaning, new_x="LMARGIN", new_y="NEXT")
    doc = read_pdf(_save(pdf, tmp_path / "glossary-columns.pdf"))
    assert [s.text.split("\t")[0] for s in doc.segments] == ["CIN", "CP", "DSL", "EHA", "GP", "MARAC", "PLO"]


def test_a_numbered_paragraph_with_a_tab_after_its_number_is_one_paragraph(tmp_path: Path) -> None:
    # Word's numbered paragraph: the number at the margin, a tab, the text, and the lines after it
    # back at the margin; the gap after the number is no column.
    pdf = _pdf()
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(16, 6, "3.4")
    pdf.cell(0, 6, "The school nurse saw Riley twice in the spring term and wrote to the", new_x="LMARGIN",
             new_y="NEXT")
    pdf.multi_cell(0, 6, "GP about his weight, which had fallen since the autumn. The letter was not answered.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _para(pdf, "The next paragraph starts here.")
    doc = read_pdf(_save(pdf, tmp_path / "tabbed.pdf"))
    texts = [s.text for s in doc.segments if s.text.strip() and "Castleford" not in s.text and "Page" not in s.text]
    assert texts[0].startswith("3.4") and texts[0].endswith("The letter was not answered.")
    assert texts[1] == "The next paragraph starts here."


def test_a_word_a_narrow_cell_broke_without_a_hyphen_is_whole_again(tmp_path: Path) -> None:
    pdf = _pdf()
    _para(pdf, "2.1 The family at the time of the incident.")
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(col_widths=(14, 120, 30), text_align="LEFT") as table:
        for row in (("Relationship", "Name and notes", "Age"), ("Brother", "Riley Amadi, to day and to night", "9")):
            cells = table.row()
            for value in row:
                cells.cell(value)
    doc = read_pdf(_save(pdf, tmp_path / "narrow.pdf"))
    texts = [s.text for s in doc.segments if isinstance(s.handle, PdfCell)]
    assert "Relationship" in texts  # not 'Relationshi p', whose first half a detector may take for a name
    assert "Riley Amadi, to day and to night" in texts  # two words on two lines stay two words
