"""Writing a .docx: a read document's edits applied through its handles, or a new plain document."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from anonymiser.core.document import Document, Edit, apply_edits
from anonymiser.read.docx import (
    TEXT_PROPERTIES,
    AttributeHandle,
    DocxSource,
    LinkHandle,
    ParagraphHandle,
    PropertyHandle,
    Story,
    TextHandle,
    load,
)
from anonymiser.read.pdf.handles import PdfCell, PdfLayout, PdfParagraph
from anonymiser.write.atomic import atomic_path
from anonymiser.write.docx.parts import flush
from anonymiser.write.docx.runs import edit_paragraph, xml_safe
from anonymiser.write.docx.side_doors import close_side_doors

MAX_PROPERTY = 255  # python-docx (and the OPC schema in practice) cap core text properties
LIST_INDENT_MM = 10  # a numbered item's hanging indent: room for "(iv)" and a clear gap after it
BULLET = "\u2022"


def write_docx(doc: Document, edits: dict[int, list[Edit]], out_path: Path) -> None:
    """Apply per-segment edits to a document from `read_docx`, close side doors, write atomically."""
    source = doc.source
    if not isinstance(source, DocxSource):
        raise TypeError("write_docx needs a Document made by read_docx")
    # Work on a fresh parse of the same bytes, so writing twice (or after a failed write)
    # always starts from what detection saw.
    fresh, segments, _ = load(doc.path, source.data, source.accept_tracked_changes)
    if [s.text for s in segments] != [s.text for s in doc.segments]:
        raise ValueError(f"{doc.path}: segments differ from a fresh read; edits would land in the wrong place")
    for index, segment_edits in sorted(edits.items()):
        if not segment_edits:
            continue
        segment = segments[index]
        new_text = apply_edits(segment.text, segment_edits)  # also rejects overlapping edits
        handle = segment.handle
        if isinstance(handle, ParagraphHandle):
            edit_paragraph(handle.p, segment.text, segment_edits)
        elif isinstance(handle, PropertyHandle):
            setattr(fresh.document.core_properties, handle.name, xml_safe(new_text)[:MAX_PROPERTY])
        elif isinstance(handle, AttributeHandle):
            handle.element.set(handle.attribute, xml_safe(new_text))
        elif isinstance(handle, TextHandle):
            handle.element.text = xml_safe(new_text)
        elif isinstance(handle, LinkHandle):
            rels = handle.part.rels
            reltype = rels[handle.rId].reltype
            del rels[handle.rId]
            # An empty target makes an invalid package; "#" is a link to nowhere.
            rels.add_relationship(reltype, xml_safe(new_text).strip() or "#", handle.rId, is_external=True)
        else:
            raise TypeError(f"segment {index} ({segment.origin}) has no docx handle")
    close_side_doors(fresh)
    save(fresh, Path(out_path))


def write_new_docx(blocks: Sequence[tuple[str, Any]], out_path: Path, layout: PdfLayout | None = None) -> None:
    """Build a plain .docx from (text, handle) pairs, a handle being a PDF reader's or a style name.

    A `PdfParagraph` gives its style (a heading, a list item), a `PdfCell` its place in a table
    (consecutive cells of one table become one Word table), a running header or footer is left
    out (it was kept once only so detection sees it), and a plain string is a style name
    ("Heading 1") or None for body text. `layout` gives the page's size, margins and body type
    size (A4 with 25 mm margins without it).
    """
    layout = layout or PdfLayout()
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(layout.width), Mm(layout.height)
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", Mm(getattr(layout, side)))
    if layout.body_size:
        document.styles["Normal"].font.size = Pt(round(layout.body_size * 2) / 2)
    width = layout.text_width
    _real_bullet(document)
    cells: list[tuple[str, PdfCell]] = []
    page = None  # the PDF page of the last block written: a block that starts a later one starts a new page

    def new_page(at: int) -> bool:
        nonlocal page
        starts = page is not None and at > page
        page = at if page is None or at > page else page
        return starts

    for text, handle in blocks:
        if isinstance(handle, PdfCell):
            if cells and cells[-1][1].table != handle.table:
                _add_table(document, cells, width)
                cells = []
            if not cells and new_page(handle.page):
                document.add_paragraph().paragraph_format.page_break_before = True
            cells.append((text, handle))
            continue
        if cells:
            _add_table(document, cells, width)
            cells = []
        if isinstance(handle, PdfParagraph) and handle.running or not text.strip():
            continue
        paragraph_handle = handle if isinstance(handle, PdfParagraph) else PdfParagraph(page=0, style=handle)
        paragraph = _add_paragraph(document, text, paragraph_handle, width)
        if new_page(paragraph_handle.page):
            paragraph.paragraph_format.page_break_before = True  # page for page, as the PDF was
    if cells:
        _add_table(document, cells, width)
    source = DocxSource(data=b"", accept_tracked_changes=False, document=document,
                        stories=[Story(document.part, document.part.element, "body")])
    # The python-docx template carries its own metadata and a thumbnail; none of it belongs.
    for name in TEXT_PROPERTIES:
        setattr(document.core_properties, name, "")
    close_side_doors(source)
    save(source, Path(out_path))


def _add_paragraph(document: Any, text: str, handle: PdfParagraph, width: float) -> Any:
    style = handle.style or ""
    numbered = style.startswith("List Number")
    if style.startswith("List Bullet") and handle.marker and text.startswith(handle.marker):
        text = text[len(handle.marker):].lstrip()  # Word draws the bullet
    elif numbered and handle.marker and text.startswith(handle.marker):
        # The number stays as the draft wrote it ("(b)", "2."), before a tab to the hanging indent.
        text = f"{handle.marker}\t{text[len(handle.marker):].lstrip()}"
    paragraph = document.add_paragraph(xml_safe(text))
    if style:
        try:
            paragraph.style = document.styles[style]
        except KeyError:
            pass  # an unknown style name should not cost the text
    if numbered:
        # The style's own numbering would number the items again: none, and the indent set here.
        level = int(style.rsplit(" ", 1)[1]) if style[-1].isdigit() else 1
        p_pr = paragraph._p.get_or_add_pPr()
        p_pr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>'))
        paragraph.paragraph_format.left_indent = Mm(LIST_INDENT_MM * level)
        paragraph.paragraph_format.first_line_indent = -Mm(LIST_INDENT_MM)
    if handle.size:
        for run in paragraph.runs:
            run.font.size = Pt(round(handle.size * 2) / 2)  # a heading as large as on the page
    if handle.centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for share in handle.tabs:
        # Columns start where they did on the PDF's page, in proportion to the text width.
        paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(width * share))
    return paragraph


def _add_table(document: Any, cells: list[tuple[str, PdfCell]], width: float) -> None:
    """One Word table, cell by cell, as the PDF's table had them."""
    rows = max(handle.row for _, handle in cells)
    first_row = min(handle.row for _, handle in cells)
    cols = max(max(handle.col, handle.cols) for _, handle in cells)
    table = document.add_table(rows=rows - first_row + 1, cols=cols)
    table.style = document.styles["Table Grid"]
    widths: dict[int, float] = {}
    for text, handle in cells:
        cell = table.cell(handle.row - first_row, handle.col - 1)
        if handle.row_span > 1 or handle.col_span > 1:
            last_row = min(handle.row - first_row + handle.row_span, len(table.rows)) - 1
            cell = cell.merge(table.cell(last_row, min(handle.col - 1 + handle.col_span, cols) - 1))
        cell.text = xml_safe(text)
        if handle.width:
            widths[handle.col] = min(widths.get(handle.col, handle.width), handle.width)
    if len(widths) == cols:
        # Columns as wide as on the PDF's page, in proportion (scaled down if they overflow).
        scale = min(1.0, 1.0 / sum(widths.values()))
        table.autofit = False
        for col, column in enumerate(table.columns, start=1):
            column.width = Mm(width * widths[col] * scale)  # the grid LibreOffice reads
        for row in table.rows:
            for col, cell in enumerate(row.cells, start=1):
                cell.width = Mm(width * widths[col] * scale)
    document.add_paragraph()  # Word needs a paragraph between two tables, and one after a table


def _real_bullet(document: Any) -> None:
    """Draw bullets as U+2022 in the text font, not U+F0B7 in Symbol (a box wherever Symbol is missing)."""
    numbering = document.part.numbering_part.element
    for level in numbering.iter(qn("w:lvl")):
        fmt = level.find(qn("w:numFmt"))
        if fmt is None or fmt.get(qn("w:val")) != "bullet":
            continue
        for text in level.findall(qn("w:lvlText")):
            text.set(qn("w:val"), BULLET)
        for fonts in level.findall(f"{qn('w:rPr')}/{qn('w:rFonts')}"):
            fonts.getparent().remove(fonts)


def save(source: DocxSource, out_path: Path) -> None:
    """Save through python-docx (byte-only parts already put back) and replace atomically."""
    flush(source)
    buffer = io.BytesIO()
    source.document.save(buffer)
    with atomic_path(out_path) as tmp:
        tmp.write_bytes(buffer.getvalue())
