"""Pages of lines and tables become segments: paragraphs, list items, headings and table cells.

Lines are joined into one paragraph only where the layout says they belong together: same type
size and weight, the usual line spacing, the same left edge (or a list item's hanging indent),
and the line before running on to the right margin rather than ending a sentence short. Title
page lines (centred, in different sizes, with wide gaps) therefore stay apart. A paragraph that
runs over a page break stays whole. Headings are found by size (larger than the body text) and
weight (a lone bold line); type larger than every heading after the first page is the title's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, is_common_word, word_class
from anonymiser.core.document import Segment
from anonymiser.read.pdf.handles import MM_PER_POINT, PdfCell, PdfLayout, PdfParagraph
from anonymiser.read.pdf.layout import BOLD, Cell, Line, Page, Table, Word, is_column_gap
from anonymiser.read.pdf.markers import mark
from anonymiser.read.pdf.running import split_running

GAP_FACTOR = 1.4  # a vertical gap this many times the usual line spacing ends a paragraph
SHORT_LINE = 0.7  # a line this much shorter than the page's longest may end a paragraph
LEADING = 1.6  # the most line spacing, relative to type size, taken for lines of one paragraph
HEADING_RATIO = 1.1  # type this much larger than the body text is a heading (or a title)
INDENT = 0.6  # a left edge this many type sizes away from the line above's is another block
HEADING_WORDS = 12  # a lone bold line of at most this many words is a heading
MIN_MARGIN_MM, MAX_MARGIN_MM = 10, 50  # margins a Word page is given, whatever the PDF's text reaches
MAX_LEVEL = 3  # Word's list styles go to "List Bullet 3" in the template python-docx uses

_SENTENCE_END = re.compile(r"""[.!?:;]["'\u2019\u201d)\]]*$""")
_TITLE_END = re.compile(rf"\b(?:{vocabulary.alternation(vocabulary.titles('full-stop'))})\.$")
_HYPHENS = ("-", "\u2010")
_LIST_STYLES = {"bullet": "List Bullet", "dash": "List Bullet", "number": "List Number"}


@dataclass
class _Paragraph:
    lines: list[Line]
    text: str
    kind: str = ""  # the list kind of its first line, when it is a list item
    item_x: float = 0.0  # where a list item's text starts (its hanging indent)
    level: int = 1  # a list item's level: 2 for an item indented under another


@dataclass
class _Frame:
    """The text column: its left and right edges, to tell centred lines and full lines."""

    left: float
    right: float

    def centred(self, line: Line) -> bool:
        width = self.right - self.left
        middle = (line.x0 + line.x1) / 2
        return line.x0 - self.left > 0.1 * width and abs(middle - (self.left + self.right) / 2) < 0.03 * width + 2

    def tabs(self, line: Line) -> tuple[float, ...]:
        """Where the line's columns after the first start, as shares of the column's width."""
        if not line.columns:
            return ()
        width = max(self.right - self.left, 1.0)
        starts = [word.x0 for prev, word in zip(line.words, line.words[1:]) if is_column_gap(prev, word)]
        return tuple(round(max(0.0, x - self.left) / width, 3) for x in starts)

    def share(self, width: float) -> float:
        """A width on the page as a share of the column's width."""
        return round(min(1.0, width / max(self.right - self.left, 1.0)), 3)

    def full(self, line: Line) -> bool:
        """Does the line run on to (near) the right margin, as a line that wrapped does?"""
        return self.right - line.x1 < 0.15 * (self.right - self.left)


def join_lines(first: str, second: str) -> str:
    """Join two lines of a paragraph, undoing a hyphen that only split a word at the margin."""
    if first.endswith("\u00ad"):
        return first[:-1] + second
    if first.endswith(_HYPHENS) and len(first) >= 2 and first[-2].isalpha():
        if second[:1].islower():
            return first[:-1] + second  # "Oka-" + "for" -> "Okafor"
        return first + second  # "Brennan-" + "Lowe" -> "Brennan-Lowe"
    return f"{first} {second}"


def page_layout(pages: list[Page]) -> PdfLayout:
    """The page size, the margins round the body text (running heads aside) and the body's type size."""
    all_lines = [line for page in pages for line in page.lines]
    _, _, bodies = split_running([page.lines for page in pages], HEADING_RATIO * _body_size(all_lines))
    body = [line for lines in bodies for line in lines]
    if not pages or not body:
        return PdfLayout()
    width, height = pages[0].width, pages[0].height
    frame = _frame(body)
    tables = [table for page in pages for table in page.tables]
    top = min([line.top for line in body] + [t.top for t in tables])
    bottom = max([line.bottom for line in body] + [t.bottom for t in tables])

    def mm(points: float) -> float:
        return round(min(max(points * MM_PER_POINT, MIN_MARGIN_MM), MAX_MARGIN_MM), 1)

    return PdfLayout(width=round(width * MM_PER_POINT, 1), height=round(height * MM_PER_POINT, 1),
                     left=mm(frame.left), right=mm(width - frame.right), top=mm(top), bottom=mm(height - bottom),
                     body_size=_body_size(body))


def build_segments(pages: list[Page]) -> list[Segment]:
    """Running headers/footers once, then the body's paragraphs and table cells in page order."""
    all_lines = [line for page in pages for line in page.lines]
    headers, footers, bodies = split_running([page.lines for page in pages], HEADING_RATIO * _body_size(all_lines))
    body_lines = [line for lines in bodies for line in lines]
    for line in body_lines:
        mark(line)
    bold_style = _assign_styles(body_lines)
    segments = [_running(line) for line in headers]
    flows = [_flow(lines, page.tables) for lines, page in zip(bodies, pages)]
    frame = _frame(body_lines)
    tables = 0
    last_cells: dict[int, Segment] = {}  # the cells of the table's last row so far, by column
    merged = 0  # rows of this table that only went on with the row above over a page break
    for block in _blocks(flows, _line_spacing(bodies), frame):
        if isinstance(block, tuple):
            table, goes_on, first_row = block
            tables += not goes_on
            if not goes_on:
                last_cells, merged = {}, 0
            carried = _carried_row(table) if goes_on else None
            if carried is not None and carried.col in last_cells:
                # The first cell of a row went on over the page break: it is the row above's.
                above = last_cells[carried.col]
                above.text = join_lines(above.text, _cell_text(carried.lines))
                table = Table(table.page, table.top, table.bottom, table.rows, table.cols,
                              [c for c in table.cells if c.row != carried.row])
                merged += 1
            last_row = max((c.row for c in table.cells), default=0)
            ends: dict[int, Segment] = {}
            for cell in table.cells:
                text = _cell_text(cell.lines)
                if text:
                    row = first_row + cell.row - merged
                    segments.append(Segment(text=text, origin=f"page {table.page}, table {tables}, row {row}, "
                                                               f"cell {cell.col}",
                                            handle=PdfCell(page=table.page, table=tables, row=row, col=cell.col,
                                                           width=frame.share(cell.width), row_span=cell.row_span,
                                                           col_span=cell.col_span, cols=table.cols)))
                    if cell.row == last_row:
                        ends[cell.col] = segments[-1]
            last_cells = ends if table.cells else last_cells
            continue
        first = block.lines[0]
        style = first.style
        if block.kind:
            style = _LIST_STYLES[block.kind] + (f" {block.level}" if block.level > 1 else "")
        elif style is None and _lone_bold(block):
            style = bold_style
        segments.append(Segment(text=block.text, origin=f"page {first.page}", handle=PdfParagraph(
            page=first.page, style=style, marker=first.marker if block.kind else "",
            centred=all(frame.centred(line) for line in block.lines), tabs=frame.tabs(first),
            size=first.size if style and not block.kind else 0.0)))
    segments += [_running(line) for line in footers]
    return segments


def _flow(lines: list[Line], tables: list[Table]) -> list[Line | Table]:
    """A page's lines in reading order (columns kept in theirs), each table before the first line below it."""
    flow: list[Line | Table] = []
    pending = sorted(tables, key=lambda table: table.top)
    for line in lines:
        while pending and pending[0].top <= line.top:
            flow.append(pending.pop(0))
        flow.append(line)
    return flow + pending


def _carried_row(table: Table) -> Cell | None:
    """The first row of a table going on from the page before, when only its first cell has text (and
    spans one column): that cell's text went on over the page break ('("Jo")' under a name)."""
    if not table.cells:
        return None
    top = min(c.row for c in table.cells)
    row = [c for c in table.cells if c.row == top]
    filled = [c for c in row if _cell_text(c.lines)]
    if len(row) < 2 or len(filled) != 1 or filled[0].col != 1 or filled[0].col_span != 1:
        return None
    return filled[0]


def _running(line: Line) -> Segment:
    return Segment(text=line.text.replace("\t", " "), origin="page header/footer",
                   handle=PdfParagraph(page=line.page, running=True))


def _cell_text(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        part = line.text.replace("\t", " ")
        text = (_rejoined(text, part) or join_lines(text, part)) if text else part
    return text


_LAST_WORD, _FIRST_WORD = re.compile(r"[^\W\d_]+$"), re.compile(r"[^\W\d_]+")


def _rejoined(first: str, second: str) -> str | None:
    """A word a narrow cell broke over two lines without a hyphen ('Relationshi' / 'p to'), whole again:
    the two halves are one lexicon word, at least one half is no word, and the second goes on in lower
    case. None when the lines are two words ('to' / 'day', 'Date of' / 'birth')."""
    head, tail = _LAST_WORD.search(first), _FIRST_WORD.match(second)
    if head is None or tail is None or not tail.group(0).islower():
        return None
    whole = head.group(0) + tail.group(0)
    if not is_common_word(whole) or WordClass.UNKNOWN not in (word_class(head.group(0)), word_class(tail.group(0))):
        return None
    return first + second


def _bold(word: Word) -> bool:
    return bool(BOLD.search(word.font))


def _lone_bold(block: _Paragraph) -> bool:
    line = block.lines[0]
    return (len(block.lines) == 1 and line.bold and not line.columns and not re.search(r"[.,;]$", line.text)
            and len(line.text.split()) <= HEADING_WORDS)


def _body_size(lines: list[Line]) -> float:
    """The type size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _assign_styles(lines: list[Line]) -> str:
    """Type larger than the body text becomes Heading 1, 2, 3 by size; the style a lone bold line gets."""
    sizes = {line.size for line in lines}
    if not sizes:
        return "Heading 1"
    body = _body_size(lines)
    larger = sorted({s for s in sizes if s > body * HEADING_RATIO}, reverse=True)
    # Type larger than any heading after the first page is the title page's: Title, then Subtitle.
    later = [line.size for line in lines if line.page > 1 and line.size in larger]
    title = [size for size in larger if later and size > max(later)]
    levels = {size: "Title" if i == 0 else "Subtitle" for i, size in enumerate(title)}
    larger = [size for size in larger if size not in levels]
    levels |= {size: f"Heading {min(i, 3)}" for i, size in enumerate(larger, start=1)}
    for line in lines:
        line.style = levels.get(line.size)
    return f"Heading {min(len(larger) + 1, 3)}"


def _frame(lines: list[Line]) -> _Frame:
    if not lines:
        return _Frame(0.0, 1.0)
    lefts = Counter(round(line.x0) for line in lines)
    return _Frame(float(lefts.most_common(1)[0][0]), max(line.x1 for line in lines))


def _line_spacing(pages: list[list[Line]]) -> float | None:
    """The usual distance between lines of a paragraph (a low quantile: paragraph gaps are rarer)."""
    gaps = []
    for lines in pages:
        for prev, cur in zip(lines, lines[1:]):
            if prev.style is None and cur.style is None:
                gap = cur.top - prev.top
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


def _gap_breaks(prev: Line, cur: Line, spacing: float | None) -> bool:
    size = prev.size or cur.size
    # Line spacing is rarely more than 1.6 times the type size; the cap keeps a short page of
    # widely spaced blocks from passing for one paragraph.
    usual = min(spacing, LEADING * size) if spacing and prev.style is None else LEADING * size
    # (the usual spacing is the body text's: a heading's lines, in larger type, stand further apart)
    gap = cur.top - prev.top
    return gap > usual * GAP_FACTOR or gap < -0.5 * size  # a wide gap, or back up the page


def _starts_item(prev: Line | None, cur: Line, para: _Paragraph | None, spacing: float | None) -> bool:
    """Does `cur` start a list item? A bullet always; a dash or number only after a sentence or item."""
    if not cur.list_kind or cur.style is not None:
        return False
    if cur.list_kind == "number" and cur.bold:
        return False  # "2. The family" in bold is a heading (see `_lone_bold`)
    if cur.list_kind == "bullet" or prev is None or para is None:
        return True
    return (bool(para.kind) or bool(_SENTENCE_END.search(prev.text))
            or (prev.page == cur.page and _gap_breaks(prev, cur, spacing)))


# A section number and the tab after it ('1.1<tab>This review ...', '5A.2<tab>'): Word's numbered
# paragraph, whose first line is no row of columns.
_NUMBER_TAB = re.compile(r"\(?\d{1,3}[A-Z]?(?:\.\d{1,3})*[.)]?\t")


def _columned(line: Line) -> bool:
    """Does the line hold columns, other than the gap after a leading section number?"""
    lead = _NUMBER_TAB.match(line.text)
    return "\t" in (line.text[lead.end():] if lead else line.text)


def _continues(para: _Paragraph, prev: Line, cur: Line, spacing: float | None, frame: _Frame, longest: int) -> bool:
    """Does `cur` (not a new list item) carry on the paragraph whose last line is `prev`?"""
    if prev.style != cur.style or _columned(prev) or cur.columns:
        return False
    tolerance = INDENT * cur.size
    if para.kind and abs(cur.x0 - para.item_x) > tolerance:
        # A list item goes on under its own text, or under its marker after a line that wrapped.
        if not (abs(cur.x0 - para.lines[0].x0) <= tolerance and frame.full(prev)):
            return False
    if prev.page != cur.page or (cur.top < prev.top - cur.size and cur.x0 >= prev.x1):
        # Across a page break, or up to the top of the next column, a paragraph goes on unless
        # the page or column ended a sentence.
        return not _SENTENCE_END.search(prev.text)
    if _gap_breaks(prev, cur, spacing) or prev.bold != cur.bold:
        return False
    if not para.kind:
        if cur.x0 > prev.x0 + tolerance:
            return False  # an indented block (a quotation, a first-line indent) starts here
        if cur.x0 < prev.x0 - tolerance and len(para.lines) > 1:
            return False  # back out to the margin after an indented block
    if _bold(cur.words[0]) and not cur.bold and not _bold(prev.words[-1]):
        return False  # a bold lead-in opens an entry: "MASH Multi-Agency Safeguarding Hub"
    if frame.centred(prev) and frame.centred(cur) and not frame.full(prev) and prev.style is None:
        return False  # title page lines, each centred on its own (a title in large type may wrap)
    return not _ends_paragraph(prev.text, longest)


def _blocks(flows: list[list[Line | Table]], spacing: float | None,
            frame: _Frame) -> Iterator[_Paragraph | tuple[Table, int, int]]:
    """Paragraphs, and tables as (table, 0 for a new table or 1 for one going on, its first row)."""
    para: _Paragraph | None = None
    prev: Line | None = None
    last_table: Table | None = None  # the table just ended, if nothing came after it yet
    rows_so_far = 0
    markers: list[float] = []  # the left edges of the current list's markers, one a level
    for flow in flows:
        longest = max((len(item.text) for item in flow if isinstance(item, Line)), default=0)
        for item in flow:
            if isinstance(item, Table):
                if para is not None:
                    yield para
                para, prev, markers = None, None, []
                if last_table is not None and item.cols == last_table.cols and item.page == last_table.page + 1:
                    # A table carried over a page break, perhaps with its heading row repeated.
                    repeated = item.row_texts(1) == last_table.row_texts(1)
                    shown = Table(item.page, item.top, item.bottom, item.rows, item.cols,
                                  [c for c in item.cells if not (repeated and c.row == 1)])
                    yield shown, 1, rows_so_far - (1 if repeated else 0)
                    rows_so_far += item.rows - (1 if repeated else 0)
                else:
                    yield item, 0, 0
                    rows_so_far = item.rows
                last_table = item
                continue
            last_table = None  # text after a table: the next table is a new one
            if _starts_item(prev, item, para, spacing):
                if para is not None:
                    yield para
                item.text = item.item_text
                second = item.words[1].x0 if len(item.words) > 1 else item.x1
                # The list's indents so far: an item further in than the last is a level down.
                while markers and item.x0 < markers[-1] - INDENT * item.size:
                    markers.pop()
                if not markers or item.x0 > markers[-1] + INDENT * item.size:
                    markers.append(item.x0)
                para = _Paragraph([item], item.text, kind=item.list_kind, item_x=second,
                                  level=min(len(markers), MAX_LEVEL))
            elif para is not None and prev is not None and _continues(para, prev, item, spacing, frame, longest):
                para.lines.append(item)
                para.text = join_lines(para.text, item.text)
            else:
                if para is not None:
                    yield para
                para = _Paragraph([item], item.text)
                markers = []
            prev = item
    if para is not None:
        yield para
