"""PDF drafts: the text rebuilt as the page shows it, into paragraphs, list items, headings and table cells.

`reader` opens the file (checks and refusals), `layout` gets each page's lines and ruled tables
from pdfplumber, `columns` puts a page set in two columns in reading order, `running` takes out
running headers and footers, `markers` finds list markers,
and `blocks` joins lines into paragraphs and makes the segments, whose handles (`handles`) tell
`write_new_docx` how to rebuild the page as a Word document.
"""

from anonymiser.read.pdf.blocks import build_segments, join_lines
from anonymiser.read.pdf.handles import PdfCell, PdfLayout, PdfParagraph
from anonymiser.read.pdf.reader import read_pdf

__all__ = ["PdfCell", "PdfLayout", "PdfParagraph", "build_segments", "join_lines", "read_pdf"]
