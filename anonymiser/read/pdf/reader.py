"""Opening a PDF draft: the checks and the one-line refusals, then pdfplumber's layout of each page.

pypdf opens the file first: it tells a damaged, truncated, encrypted or scanned file apart, and
finds the password that opens it (often none: a file "encrypted" only against printing). pdfplumber
then lays out the pages with that password (see `layout`).
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from anonymiser.core.document import Document
from anonymiser.core.errors import InputError
from anonymiser.read.pdf.blocks import build_segments, page_layout
from anonymiser.read.pdf.columns import read_columns
from anonymiser.read.pdf.layout import Page, read_page

MIN_CHARS_PER_PAGE = 20  # below this on average, the PDF is pictures of pages


def read_pdf(path: Path, password: str | None = None) -> Document:
    """Read a PDF's text into paragraph, list and table-cell segments; bad input raises InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})", "Check the file's permissions.") from None
    if not data:
        raise InputError(path, "is empty", "Check you exported the right file.")
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "is not a PDF", "Check the file; export the draft from Word as PDF or give the .docx.")
    if b"%%EOF" not in data[-2048:]:
        raise InputError(path, "is truncated (the end of the PDF is missing)",
                         "Download or export it again and retry.")
    with quiet():
        try:
            pages = _read_pages(path, data, password)
        except InputError:
            raise
        except DependencyError:
            raise InputError(path, "uses encryption that needs the 'cryptography' package",
                             "Install it (pip install cryptography) and run again.") from None
        except FileNotDecryptedError:
            raise InputError(path, "is password-protected", "Run again with --password.") from None
        except Exception as exc:  # pypdf and pdfminer raise many types on damaged files
            raise InputError(path, f"is damaged and cannot be read ({type(exc).__name__})",
                             "Open it in a PDF viewer and save or print it to a new PDF, then retry.") from None
    if not pages:
        raise InputError(path, "has no pages", "Check you exported the right file.")
    chars = [_chars(page) for page in pages]
    if sum(chars) / len(pages) < MIN_CHARS_PER_PAGE:
        raise InputError(path, "has no text layer (it looks scanned)",
                         "Run it through OCR first (for example Adobe Acrobat's Recognize Text), then retry.")
    notes = [f"{path.name}: page {n} has little or no text (a scanned image?); check it by hand"
             for n, count in enumerate(chars, start=1) if count < MIN_CHARS_PER_PAGE]
    return Document(path=path, kind="pdf", segments=build_segments(pages), warnings=notes, source=page_layout(pages))


def _chars(page: Page) -> int:
    lines = page.lines + [line for table in page.tables for cell in table.cells for line in cell.lines]
    return sum(1 for line in lines for ch in line.text if not ch.isspace())


@contextmanager
def quiet() -> Iterator[None]:
    """pypdf and pdfminer log and warn about damaged files; the user gets one InputError line instead."""
    loggers = [logging.getLogger(name) for name in ("pypdf", "pdfminer", "pdfplumber")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


def _read_pages(path: Path, data: bytes, password: str | None) -> list[Page]:
    reader = PdfReader(io.BytesIO(data))
    opened_with = ""
    if reader.is_encrypted:
        # An empty user password is common: the file opens without one but is "encrypted"
        # to restrict printing or copying.
        if not _decrypt(reader, ""):
            if password is None:
                raise InputError(path, "is password-protected", "Run again with --password.")
            if not _decrypt(reader, password):
                raise InputError(path, "could not be opened with the password given",
                                 "Check the password and run again with --password.")
            opened_with = password
    if not len(reader.pages):
        return []
    import pdfplumber  # here, so importing the PDF handles (the Word writer does) stays light

    with pdfplumber.open(io.BytesIO(data), password=opened_with) as pdf:
        pages = []
        for number, page in enumerate(pdf.pages, start=1):
            laid_out = read_page(page, number)
            laid_out.lines = read_columns(laid_out.lines, number)
            pages.append(laid_out)
            page.close()  # drop the page's parsed objects: memory stays flat on a long draft
        return pages


def _decrypt(reader: PdfReader, password: str) -> bool:
    try:
        return bool(reader.decrypt(password))
    except FileNotDecryptedError:
        return False
