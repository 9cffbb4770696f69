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
