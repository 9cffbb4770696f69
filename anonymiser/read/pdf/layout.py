"""A PDF page as pdfplumber lays it out: text lines with their position, size and weight, and ruled tables.

pdfplumber (on pdfminer.six) gives every word with its box and font. From those a page becomes
lines (words sharing a baseline band, left to right; a wide gap between two words is a column
break and becomes a tab) and tables (pdfplumber's ruling-line detector), each table cell's words
read as lines of their own so they never run into the body text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

COLUMN_GAP = 1.5  # a gap between words this many times the type size separates columns
BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
SYMBOL_FONT = re.compile(r"symbol|dingbat|wingding|webding", re.IGNORECASE)

_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                            "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u00a0": " "})


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


@dataclass
class Line:
    """One line of text on a page (or in a table cell)."""

    words: list[Word]
    page: int
    text: str = ""
    style: str | None = None
    marker: str = ""  # the list marker it starts with, normalised ("•", "2.", "(a)")
    list_kind: str = ""  # "bullet", "dash" or "number" when it may start a list item
    item_text: str = ""  # its text as a list item, the marker normalised

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        """The type size most of the line's letters are set in."""
        weights: dict[float, int] = {}
        for w in self.words:
            weights[round(w.size, 1)] = weights.get(round(w.size, 1), 0) + len(w.text)
        return max(weights, key=lambda s: weights[s])

    @property
    def bold(self) -> bool:
        text = [w for w in self.words if not SYMBOL_FONT.search(w.font)]
        return bool(text) and all(BOLD.search(w.font) for w in text)

    @property
    def columns(self) -> bool:
        return "\t" in self.text


@dataclass
class Cell:
    row: int
    col: int
    lines: list[Line]
    width: float = 0.0  # points, for a cell one column wide (0 for a merged cell)
    row_span: int = 1
    col_span: int = 1


@dataclass
class Table:
    """A ruled table: its cells (merged cells appear once, at their first row and column)."""

    page: int
    top: float
    bottom: float
    rows: int
    cols: int
    cells: list[Cell] = field(default_factory=list)

    def row_texts(self, row: int) -> list[str]:
        return [" ".join(line.text for line in c.lines) for c in self.cells if c.row == row]


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[Table]


def clean(text: str) -> str:
    return text.translate(_LIGATURES)


def read_page(page: Any, number: int) -> Page:
    """Lines and tables of one pdfplumber page."""
    words = [Word(clean(w["text"]), w["x0"], w["x1"], w["top"], w["bottom"], float(w["size"]), str(w["fontname"]))
             for w in page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
             if clean(w["text"]).strip()]
    tables = []
    for found in page.find_tables():
        x0, top, x1, bottom = found.bbox
        table = Table(page=number, top=top, bottom=bottom, rows=len(found.rows), cols=0)
        taken: set[int] = set()
        boxes = [box for row in found.rows for box in row.cells if box is not None]
        lefts, tops = _edges(b[0] for b in boxes), _edges(b[1] for b in boxes)
        for r, row in enumerate(found.rows, start=1):
            table.cols = max(table.cols, len(row.cells))
            for c, box in enumerate(row.cells, start=1):
                if box is None:
                    continue  # the rest of a merged cell
                inside = [i for i, w in enumerate(words) if i not in taken and _within(w, box)]
                taken.update(inside)
                # A merged cell covers every column (row) that starts inside it.
                col_span = sum(1 for x in lefts if box[0] - 1 <= x < box[2] - 1)
                row_span = sum(1 for y in tops if box[1] - 1 <= y < box[3] - 1)
                table.cells.append(Cell(r, c, group_lines([words[i] for i in inside], number),
                                        box[2] - box[0] if col_span == 1 else 0.0, max(1, row_span),
                                        max(1, col_span)))
        # Words inside the table's frame but in no cell (a caption drawn inside it) stay body text.
        words = [w for i, w in enumerate(words) if i not in taken]
        tables.append(table)
    return Page(number=number, width=float(page.width), height=float(page.height), lines=group_lines(words, number),
                tables=tables)


def _edges(values: Iterator[float]) -> list[float]:
    """Distinct cell edges: values within a point of each other are one edge."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value > edges[-1] + 1:
            edges.append(value)
    return edges


def _within(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def group_lines(words: list[Word], page: int) -> list[Line]:
    """Words into lines: a word whose middle lies within a line's height is on that line."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        middle = (word.top + word.bottom) / 2
        for line in reversed(lines[-3:]):
            if min(w.top for w in line) <= middle <= max(w.bottom for w in line):
                line.append(word)
                break
        else:
            lines.append([word])
    result = []
    for line_words in lines:
        line_words.sort(key=lambda w: w.x0)
        result.append(Line(words=line_words, page=page, text=line_text(line_words)))
    result.sort(key=lambda line: line.top)
    return result


def is_column_gap(prev: Word, word: Word) -> bool:
    """Is the space between two words on a line a gap between columns?"""
    return word.x0 - prev.x1 > COLUMN_GAP * max(prev.size, word.size)


def line_text(words: list[Word]) -> str:
    """The words of one line as text, a column gap as a tab."""
    parts = [words[0].text]
    for prev, word in zip(words, words[1:]):
        parts.append("\t" if is_column_gap(prev, word) else " ")
        parts.append(word.text)
    return "".join(parts).strip()
