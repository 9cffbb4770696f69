"""The document model: a sequence of text segments, each knowing where it came from."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any


@dataclass
class Segment:
    """A run of text that detection sees whole: a paragraph, a table cell, a header, a page."""

    text: str
    origin: str  # where a reviewer finds it: "line 12", "page 3", "table 1, row 2, cell 3"
    separator: str = "\n\n"  # what follows it in the document's flat text
    handle: Any = None  # the reader's own object, for its writer (a docx paragraph, say)


# A table cell's origin ('page 3, table 1, row 5, cell 1', 'table 2, row 4, cell 1, paragraph 2'): its row
# is all before ', cell', the innermost table's where tables nest.
_CELL = re.compile(r"^(?P<row>.*table \d+, row \d+), cell (?P<cell>\d+)(?:, paragraph \d+)?$")


@dataclass
class Document:
    """A draft as the pipeline sees it.

    `text` is every segment followed by its separator. All detection offsets are offsets
    into `text`; `locate` turns one back into a segment and a human-readable place.
    """

    path: Path
    kind: str  # "txt", "md", "docx" or "pdf"
    segments: list[Segment]
    warnings: list[str] = field(default_factory=list)
    source: Any = None  # the parsed original (a python-docx Document), for the writer
    embedded: int = 0  # pictures and embedded objects whose content the tool cannot check
    converted_from: str | None = None  # "doc", "odt" or "rtf": read from LibreOffice's .docx of it

    @cached_property
    def starts(self) -> list[int]:
        starts, pos = [], 0
        for seg in self.segments:
            starts.append(pos)
            pos += len(seg.text) + len(seg.separator)
        return starts

    @cached_property
    def text(self) -> str:
        return "".join(seg.text + seg.separator for seg in self.segments)

    @cached_property
    def _line_starts(self) -> list[int]:
        text = self.text
        return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def segment_at(self, offset: int) -> int:
        """Index of the segment holding `offset` (a separator belongs to the segment before it)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def line_of(self, offset: int) -> int:
        """1-based line number of `offset` in the flat text."""
        return bisect.bisect_right(self._line_starts, offset)

    def origin_of(self, offset: int) -> str:
        """Where a reviewer finds `offset` in the original file."""
        if not self.segments:
            return ""
        seg = self.segments[self.segment_at(offset)]
        if self.kind in ("txt", "md"):
            return f"line {self.line_of(offset)}"
        return seg.origin

    def segment_spans(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """Split a flat-text span into (segment index, start, end) pieces inside segments."""
        pieces = []
        i = self.segment_at(start)
        while i < len(self.segments) and self.starts[i] < end:
            seg_start = self.starts[i]
            s = max(start, seg_start) - seg_start
            e = min(end, seg_start + len(self.segments[i].text)) - seg_start
            if e > s:
                pieces.append((i, s, e))
            i += 1
        return pieces

    def table_rows(self) -> list[list[tuple[int, int]]]:
        """Each table row's cells, in order, as spans of the flat text (a cell of several paragraphs
        is one span): the rows only the segments' origins tell, where the flat text shows none."""
        rows: dict[str, dict[int, tuple[int, int]]] = {}
        for seg, start in zip(self.segments, self.starts):
            m = _CELL.match(seg.origin)
            if m is None:
                continue
            cells = rows.setdefault(m.group("row"), {})
            s, e = cells.get(int(m.group("cell")), (start, start + len(seg.text)))
            cells[int(m.group("cell"))] = (min(s, start), max(e, start + len(seg.text)))
        return [[cells[c] for c in sorted(cells)] for cells in rows.values() if len(cells) > 1]


@dataclass(frozen=True)
class Edit:
    """Replace `text[start:end]` of one segment with `new`."""

    start: int
    end: int
    new: str


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits to one segment's text."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            raise ValueError(f"overlapping edits at {e.start}")
        out.append(text[pos : e.start])
        out.append(e.new)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
