"""The Word output is a real DOCX: headings, tables and styles survive LibreOffice's conversion to PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from anonymiser.cli import main

SOFFICE = shutil.which("soffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_word_output_converts_with_headings_tables_and_styles(samples: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(samples / "review-d.docx"), "--out", str(out),
                                       "--accept-tracked-changes", "--workers", "1"])
    assert result.exit_code == 0, result.output
    produced = next(out.glob("*.anonymised.docx"))
    original, anonymised = docx.Document(samples / "review-d.docx"), docx.Document(produced)
    headings = [p.text for p in anonymised.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) == sum(p.style.name.startswith("Heading") for p in original.paragraphs) > 3
    assert len(anonymised.tables) == len(original.tables) >= 1
    assert {p.style.name for p in anonymised.paragraphs} == {p.style.name for p in original.paragraphs}

    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(produced)],
                   check=True, capture_output=True, timeout=240)
    pdf = tmp_path / (produced.stem + ".pdf")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    for heading in headings[:5]:
        assert " ".join(heading.split()[:3]) in " ".join(text.split())
    for name in ("Maisie", "Calloway", "Pritchard", "Hollis"):
        assert name not in text


def _layout(pdf: Path) -> tuple[int, int, list[str]]:
    """Tables, list items and running lines the PDF reader finds in `pdf`."""
    from anonymiser.read.pdf import PdfCell, PdfParagraph, read_pdf

    doc = read_pdf(pdf)
    tables = {s.handle.table for s in doc.segments if isinstance(s.handle, PdfCell)}
    items = [s for s in doc.segments if isinstance(s.handle, PdfParagraph) and s.handle.marker]
    return len(tables), len(items), [s.text for s in doc.segments if isinstance(s.handle, PdfParagraph) and s.handle.running]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_a_pdf_draft_comes_back_as_a_word_document_that_looks_like_it(samples: Path, tmp_path: Path) -> None:
    """The visual check: the PDF sample's Word output, printed to PDF again, has the same tables and list
    items as the draft, and its first page holds no running-header text."""
    draft = samples / "review-e.pdf"
    tables, items, running = _layout(draft)
    assert tables >= 1 and items >= 6 and len(running) == 2  # the sample has all three on its first page
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(draft), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    produced = next(out.glob("*.anonymised.docx"))
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(produced)],
                   check=True, capture_output=True, timeout=240)
    printed = tmp_path / (produced.stem + ".pdf")
    assert _layout(printed)[:2] == (tables, items)
    assert len(docx.Document(produced).tables) == tables
    first_page = " ".join(PdfReader(printed).pages[0].extract_text().split())
    assert "Page 1 of" not in first_page and "DRAFT v2" not in first_page and "CSPR Child T" not in first_page
    assert "Child Safeguarding Practice Review" in first_page  # the title page is there, without the header
    text = " ".join(page.extract_text() for page in PdfReader(printed).pages)
    for name in ("Tyler", "Brennan", "Darren Lowe", "Pauline", "Harrow Lane", "Ellery"):
        assert name not in text
