"""Writing a .docx: a read document's edits applied through its handles, or a new plain document."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.shared import Mm

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
from anonymiser.write.atomic import atomic_path
from anonymiser.write.docx.parts import flush
from anonymiser.write.docx.runs import edit_paragraph, xml_safe
from anonymiser.write.docx.side_doors import close_side_doors

MAX_PROPERTY = 255  # python-docx (and the OPC schema in practice) cap core text properties


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


def write_new_docx(paragraphs: list[tuple[str, str | None]], out_path: Path) -> None:
    """Build a plain A4 .docx from (text, style) pairs, e.g. ("Background", "Heading 1")."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(25))
    for text, style in paragraphs:
        paragraph = document.add_paragraph(xml_safe(text))
        if style:
            try:
                paragraph.style = document.styles[style]
            except KeyError:
                pass  # an unknown style name should not cost the text
    source = DocxSource(data=b"", accept_tracked_changes=False, document=document,
                        stories=[Story(document.part, document.part.element, "body")])
    # The python-docx template carries its own metadata and a thumbnail; none of it belongs.
    for name in TEXT_PROPERTIES:
        setattr(document.core_properties, name, "")
    close_side_doors(source)
    save(source, Path(out_path))


def save(source: DocxSource, out_path: Path) -> None:
    """Save through python-docx (byte-only parts already put back) and replace atomically."""
    flush(source)
    buffer = io.BytesIO()
    source.document.save(buffer)
    with atomic_path(out_path) as tmp:
        tmp.write_bytes(buffer.getvalue())
