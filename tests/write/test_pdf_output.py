"""A PDF draft through the whole run: the running header naming the child is found, and reaches no output."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner
from fpdf import FPDF

from anonymiser.cli import main
from anonymiser.verify.leaks import output_texts
from tests.price_case import price_register

HEADER = "CSPR Child J (Jayden Price) - restricted draft"


class _Draft(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)


def _draft(path: Path) -> Path:
    pdf = _Draft(format="A4")
    pdf.set_auto_page_break(True, margin=22)
    for n, heading in enumerate(("1. Background", "2. Contacts", "3. Findings"), start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 8, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 6, f"{n}.1 The school nurse saw the boy in the autumn term and spoke to his mother "
                             "about his attendance, which had fallen over the year.", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        if n == 2:
            with pdf.table(col_widths=(30, 120)) as table:
                for row in (("Date", "Event"), ("14/02/2022", "Kerry Price phones the school about the bus.")):
                    cells = table.row()
                    for value in row:
                        cells.cell(value)
    pdf.output(str(path))
    return path


def test_a_running_header_naming_the_child_is_found_and_leaks_nowhere(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "register.yaml").write_text(price_register("CSPR pdf output"), encoding="utf-8")
    _draft(folder / "review.pdf")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(folder / "review.pdf"), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output

    audit = [json.loads(line) for line in (out / "review.audit.jsonl").read_text().splitlines()]
    found = {(r.get("location", {}).get("where"), r.get("original")) for r in audit}
    assert ("page header/footer", "Jayden Price") in found  # detection saw the header, once
    assert ("page 2, table 1, row 2, cell 2", "Kerry Price") in found  # a cell knows where it came from

    for output in (out / "review.anonymised.docx", out / "review.anonymised.txt"):
        for where, text in output_texts(output):
            assert "Jayden" not in text and "Kerry" not in text and "Price" not in text, where
    word = docx.Document(out / "review.anonymised.docx")
    body = "\n".join(p.text for p in word.paragraphs)
    assert "CSPR Child J" not in body and "restricted draft" not in body  # no running header in the body
    assert [p.text for p in word.paragraphs if p.style.name.startswith("Heading")] == [
        "1. Background", "2. Contacts", "3. Findings"]
    assert len(word.tables) == 1 and word.tables[0].cell(1, 0).text != "14/02/2022"  # the date replaced too


def test_each_pdf_page_starts_a_word_page(tmp_path: Path) -> None:
    import docx

    from anonymiser.read.pdf.handles import PdfCell, PdfParagraph
    from anonymiser.write.docx.writer import write_new_docx

    blocks = [("1. Introduction", PdfParagraph(page=1, style="Heading 1")), ("It began in 2021.", PdfParagraph(page=1)),
              ("2. Background", PdfParagraph(page=2, style="Heading 1")), ("Header", PdfParagraph(page=3, running=True)),
              ("Date", PdfCell(page=3, table=1, row=1, col=1)), ("Event", PdfCell(page=3, table=1, row=1, col=2)),
              ("3. Findings", PdfParagraph(page=3))]
    out = tmp_path / "out.docx"
    write_new_docx(blocks, out)
    paragraphs = docx.Document(str(out)).paragraphs
    breaks = [(p.text, bool(p.paragraph_format.page_break_before)) for p in paragraphs]
    # page 2 opens with its heading; page 3 with its table (an empty paragraph carries the break)
    assert breaks[:3] == [("1. Introduction", False), ("It began in 2021.", False), ("2. Background", True)]
    assert ("", True) in breaks and ("3. Findings", False) in breaks
    plain = tmp_path / "plain.docx"
    write_new_docx([("Title", "Heading 1"), ("Body", None)], plain)
    assert not any(p.paragraph_format.page_break_before for p in docx.Document(str(plain)).paragraphs)
