"""What a PDF segment tells `write_new_docx`: where it was on the page and how to rebuild it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PdfParagraph:
    """Handle of a PDF paragraph: its page and the style `write_new_docx` should give it."""

    page: int
    style: str | None = None  # "Heading 1".., "List Bullet", "List Number", or None for body text
    running: bool = False  # a running header or footer, kept once for detection, never written
    marker: str = ""  # a list item's marker, as its text starts: "•", "2.", "(a)"
    centred: bool = False  # set centred on the page (a title page's lines)
    tabs: tuple[float, ...] = ()  # where each column after a tab starts, as a share of the text width
    size: float = 0.0  # a heading's or title's type size in points, as on the page (0: the style's own)


@dataclass(frozen=True)
class PdfCell:
    """Handle of one table cell: which table of the document, and where in it (from 1)."""

    page: int
    table: int
    row: int
    col: int
    width: float = 0.0  # the cell's width as a share of the text width (0: not known, or merged)
    row_span: int = 1  # a merged cell: how many rows and columns it covers
    col_span: int = 1
    cols: int = 0  # how many columns its table has (an empty last column has no segment)
    style: None = None  # cells carry no paragraph style; here so every handle answers `.style`


MM_PER_POINT = 25.4 / 72


@dataclass(frozen=True)
class PdfLayout:
    """The draft's page, for `write_new_docx` to set the same: its size and margins (mm), and the
    body text's type size (points; 0 leaves the template's own)."""

    width: float = 210.0
    height: float = 297.0
    left: float = 25.0
    right: float = 25.0
    top: float = 25.0
    bottom: float = 25.0
    body_size: float = 0.0

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right
