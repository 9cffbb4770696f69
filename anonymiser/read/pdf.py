"""PDF drafts: the text layer, rebuilt into paragraphs so a name broken over a line is whole.

pypdf gives each page's text line by line, with the position and size of every piece. From
those the reader drops running headers and footers (kept once, as their own segments),
joins lines into paragraphs across line and page breaks, undoes end-of-line hyphenation,
and marks larger type as headings for `write_new_docx`.
"""

from __future__ import annotations

import io
import logging
import math
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from anonymiser.config import vocabulary
from anonymiser.core.document import Document, Segment
from anonymiser.core.errors import InputError

MIN_CHARS_PER_PAGE = 20  # below this on average, the PDF is pictures of pages
ZONE = 3  # lines at the top and bottom of a page that may be a running header or footer
GAP_FACTOR = 1.4  # a vertical gap this many times the usual line spacing ends a paragraph
SHORT_LINE = 0.7  # a line this much shorter than the page's longest may end a paragraph
LEADING = 1.6  # the most line spacing, relative to type size, taken for lines of one paragraph
HEADING_RATIO = 1.1  # type this much larger than the body text is a heading

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00a0": " "})
_SENTENCE_END = re.compile(r"""[.!?:;]["'\u2019\u201d)\]]*$""")
_TITLE_END = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.titles('full-stop'))})\.$")
_BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u2219*\u2013-]\s|\(?\d+(?:\.\d+)*[.)]\s|\(?(?:[a-z]|[ivx]{1,4})\)\s)")
_HYPHENS = ("-", "\u2010")
_TABLE_GAP = re.compile(r"\S(?: {3,}|\t)\S")


@dataclass(frozen=True)
class PdfParagraph:
    """Handle of a PDF segment: where it starts and the style `write_new_docx` should give it."""

    page: int
    style: str | None = None  # "Heading 1", "Heading 2"... or None for body text
    running: bool = False  # a running header or footer, kept once for the whole document


@dataclass
class _Line:
    text: str
    page: int
    y: float | None = None
    size: float | None = None
    style: str | None = None


# -- public ----------------------------------------------------------------------------------


def read_pdf(path: Path, password: str | None = None) -> Document:
    """Read a PDF's text layer into paragraph segments; bad input raises InputError."""
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
    with _quiet_pypdf():
        try:
            pages = _read_pages(path, data, password)
        except InputError:
            raise
        except DependencyError:
            raise InputError(path, "uses encryption that needs the 'cryptography' package",
                             "Install it (pip install cryptography) and run again.") from None
        except FileNotDecryptedError:
            raise InputError(path, "is password-protected", "Run again with --password.") from None
        except (PyPdfError, Exception) as exc:  # pypdf raises many types on damaged files
            raise InputError(path, f"is damaged and cannot be read ({type(exc).__name__})",
                             "Open it in a PDF viewer and save or print it to a new PDF, then retry.") from None
    if not pages:
        raise InputError(path, "has no pages", "Check you exported the right file.")
    chars = [sum(1 for line in lines for ch in line.text if not ch.isspace()) for lines in pages]
    if sum(chars) / len(pages) < MIN_CHARS_PER_PAGE:
        raise InputError(path, "has no text layer (it looks scanned)",
                         "Run it through OCR first (for example Adobe Acrobat's Recognize Text), then retry.")
    notes = [f"{path.name}: page {n} has little or no text (a scanned image?); check it by hand"
             for n, count in enumerate(chars, start=1) if count < MIN_CHARS_PER_PAGE]
    segments = build_segments(pages)
    return Document(path=path, kind="pdf", segments=segments, warnings=notes)


def build_segments(pages: list[list[_Line]]) -> list[Segment]:
    """Running headers/footers once, then the body as paragraphs, from each page's lines."""
    headers, footers, body = _split_running(pages)
    _assign_styles([line for page in body for line in page])
    segments = [Segment(text=t, origin="page header/footer", handle=PdfParagraph(page=p, running=True))
                for t, p in headers]
    for text, first in _paragraphs(body):
        segments.append(Segment(text=text, origin=f"page {first.page}",
                                handle=PdfParagraph(page=first.page, style=first.style)))
    segments += [Segment(text=t, origin="page header/footer", handle=PdfParagraph(page=p, running=True))
                 for t, p in footers]
    return segments


# -- extraction ------------------------------------------------------------------------------


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs and warns about damaged files; the user gets one InputError line instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def _read_pages(path: Path, data: bytes, password: str | None) -> list[list[_Line]]:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        # An empty user password is common: the file opens without one but is "encrypted"
        # to restrict printing or copying.
        if not _decrypt(reader, ""):
            if password is None:
                raise InputError(path, "is password-protected", "Run again with --password.")
            if not _decrypt(reader, password):
                raise InputError(path, "could not be opened with the password given",
                                 "Check the password and run again with --password.")
    return [_page_lines(page, number) for number, page in enumerate(reader.pages, start=1)]


def _decrypt(reader: PdfReader, password: str) -> bool:
    try:
        return bool(reader.decrypt(password))
    except FileNotDecryptedError:
        return False


def _page_lines(page: Any, number: int) -> list[_Line]:
    """The page's text lines, each with the position and size of its first piece of text."""
    pieces: list[tuple[int, int, float, float]] = []  # (start, end, y, size) in the page text
    offset = 0

    def visit(text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        nonlocal offset
        if text.strip():
            # Text space to page space: the text matrix, then the current transformation.
            a = tm[0] * cm[0] + tm[1] * cm[2]
            b = tm[0] * cm[1] + tm[1] * cm[3]
            c = tm[2] * cm[0] + tm[3] * cm[2]
            d = tm[2] * cm[1] + tm[3] * cm[3]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size = abs(font_size) * math.sqrt(abs(a * d - b * c))
            pieces.append((offset, offset + len(text), y, size))
        offset += len(text)

    text = page.extract_text(visitor_text=visit)
    lines: list[_Line] = []
    start = 0
    for raw in text.split("\n"):
        end = start + len(raw)
        inside = [p for p in pieces if p[0] < end and p[1] > start]
        line = _Line(text=_clean(raw), page=number)
        if inside:
            line.y = inside[0][2]
            line.size = round(max(inside, key=lambda p: p[1] - p[0])[3], 1)
        lines.append(line)
        start = end + 1
    return lines


def _clean(text: str) -> str:
    text = text.translate(_LIGATURES).rstrip()
    if _TABLE_GAP.search(text):
        return text.strip()  # columns of a table: keep the gaps that separate cells
    return re.sub(r"[ \t]+", " ", text).strip()


# -- running headers and footers -------------------------------------------------------------


def _key(text: str) -> str:
    """Compare lines ignoring numbers, so "Page 3 of 9" matches "Page 4 of 9"."""
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def _zone(lines: list[_Line]) -> int:
    """How many lines at each end of a page may be running heads (fewer on a sparse page)."""
    return max(1, min(ZONE, len(lines) // 3))


def _page_numbered(occurrences: list[tuple[int, str]]) -> bool:
    """Do lines that differ only in numbers carry the page number (at a fixed offset)?"""
    offsets: set[int] | None = None
    for page, text in occurrences:
        here = {int(n) - page for n in re.findall(r"\d{1,5}", text)}
        offsets = here if offsets is None else offsets & here
        if not offsets:
            return False
    return True


def _split_running(pages: list[list[_Line]]) -> tuple[list[tuple[str, int]], list[tuple[str, int]], list[list[_Line]]]:
    """Lines repeated at the top or bottom of most pages, and each page without them."""
    filled = [[line for line in page if line.text] for page in pages]
    if len(pages) < 2:
        return [], [], filled
    seen: dict[str, dict[int, str]] = {}
    for number, lines in enumerate(filled, start=1):
        zone = _zone(lines)
        for line in lines[:zone] + lines[-zone:]:
            seen.setdefault(_key(line.text), {}).setdefault(number, line.text)
    need = max(2, len(pages) // 2 + 1)
    repeated = set()
    for key, found in seen.items():
        if len(found) < need:
            continue
        texts = set(found.values())
        # The same words on most pages is a running head; words that change only in their
        # numbers are one if the numbers follow the pages ("Page 3 of 9").
        if len(texts) == 1 or _page_numbered(sorted(found.items())):
            repeated.add(key)
    headers: dict[str, tuple[str, int]] = {}
    footers: dict[str, tuple[str, int]] = {}
    body = []
    for lines in filled:
        zone = _zone(lines)
        keep = []
        for i, line in enumerate(lines):
            key = _key(line.text)
            at_top, at_bottom = i < zone, i >= len(lines) - zone
            if key in repeated and (at_top or at_bottom):
                target = headers if at_top and key not in footers else footers
                if key not in headers and key not in footers:
                    target[key] = (line.text, line.page)
                continue
            keep.append(line)
        body.append(keep)
    return list(headers.values()), list(footers.values()), body


# -- paragraphs ------------------------------------------------------------------------------


def _assign_styles(lines: list[_Line]) -> None:
    """Type larger than the body text becomes Heading 1, 2, 3 by size."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size:
            sizes[line.size] += len(line.text)
    if not sizes:
        return
    body = sizes.most_common(1)[0][0]
    larger = sorted({s for s in sizes if s > body * HEADING_RATIO}, reverse=True)
    levels = {size: f"Heading {min(i, 3)}" for i, size in enumerate(larger, start=1)}
    for line in lines:
        if line.size in levels:
            line.style = levels[line.size]


def _line_spacing(pages: list[list[_Line]]) -> float | None:
    """The usual distance between lines of a paragraph (a low quantile: paragraph gaps are rarer)."""
    gaps = []
    for lines in pages:
        for prev, cur in zip(lines, lines[1:]):
            if prev.y is not None and cur.y is not None and prev.style is None and cur.style is None:
                gap = prev.y - cur.y
                if gap > 0:
                    gaps.append(gap)
    if not gaps:
        return None
    gaps.sort()
    return gaps[len(gaps) // 4]


def _ends_paragraph(line: str, longest: int) -> bool:
    """A short line ending a sentence is the last line of a paragraph."""
    return (bool(_SENTENCE_END.search(line)) and not _TITLE_END.search(line)
            and len(line) < SHORT_LINE * longest)


def _breaks(prev: _Line, cur: _Line, spacing: float | None, longest: int) -> bool:
    """Does a new paragraph start at `cur` (on the same page as `prev`)?"""
    if prev.style != cur.style:
        return True
    if _TABLE_GAP.search(prev.text) or _TABLE_GAP.search(cur.text):
        return True  # table rows stay apart so cells don't run together
    size = prev.size or cur.size
    if prev.y is not None and cur.y is not None and size:
        # Line spacing is rarely more than 1.6 times the type size; the cap keeps a short
        # page of widely spaced blocks from passing for one paragraph.
        usual = min(spacing, LEADING * size) if spacing else LEADING * size
        gap = prev.y - cur.y
        if gap > usual * GAP_FACTOR:
            return True
        if gap < -0.5 * size:
            return True  # back up the page: the next table cell, or a new column
    if _BULLET.match(cur.text):
        # A dash at the start of a line may just be a dash in a sentence that wrapped.
        if cur.text[0] not in "-*\u2013" or _SENTENCE_END.search(prev.text):
            return True
    return _ends_paragraph(prev.text, longest)


def join_lines(first: str, second: str) -> str:
    """Join two lines of a paragraph, undoing a hyphen that only split a word at the margin."""
    if first.endswith("\u00ad"):
        return first[:-1] + second
    if first.endswith(_HYPHENS) and len(first) >= 2 and first[-2].isalpha():
        if second[:1].islower():
            return first[:-1] + second  # "Oka-" + "for" -> "Okafor"
        return first + second  # "Brennan-" + "Lowe" -> "Brennan-Lowe"
    return f"{first} {second}"


def _paragraphs(pages: list[list[_Line]]) -> Iterator[tuple[str, _Line]]:
    """(text, first line) for each paragraph, carried across page breaks mid-sentence."""
    spacing = _line_spacing(pages)
    text, first, prev = "", None, None
    for lines in pages:
        longest = max((len(line.text) for line in lines), default=0)
        for line in lines:
            if prev is None:
                start = True
            elif prev.page != line.page:
                # Across a page break a paragraph goes on unless the page ended a sentence.
                start = (prev.style != line.style or bool(_SENTENCE_END.search(prev.text))
                         or bool(_BULLET.match(line.text)) or bool(_TABLE_GAP.search(line.text)))
            else:
                start = _breaks(prev, line, spacing, longest)
            if start:
                if first is not None:
                    yield text, first
                text, first = line.text, line
            else:
                text = join_lines(text, line.text)
            prev = line
    if first is not None:
        yield text, first
