"""Walking the stories (body, headers, footers, notes, text boxes, content controls...) in
reading order, and the text outside them: properties, alt text, links, charts and SmartArt."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from anonymiser.core.document import Segment
from anonymiser.read.docx.ooxml import (
    MC_ALTERNATE,
    MC_FALLBACK,
    TRANSPARENT,
    W_P,
    W_RT,
    W_SDT,
    W_SDTCONTENT,
    W_SDTPR,
    W_TBL,
    W_TC,
    W_TR,
    W_TXBX,
    W_VAL,
    qn,
    rid_order,
    xml_root,
)
from anonymiser.read.docx.paragraphs import owner_paragraph, paragraph_text
from anonymiser.read.docx.parts import CHARTS, DIAGRAMS
from anonymiser.read.docx.source import (
    AttributeHandle,
    DocxSource,
    LinkHandle,
    ParagraphHandle,
    PropertyHandle,
    Story,
    TextHandle,
)

# Core properties that carry free text worth checking; the writer clears the rest.
TEXT_PROPERTIES = ("title", "subject", "keywords", "comments", "category")
PROPERTY_LABELS = {"comments": "comments (description)"}

HEADER_KINDS = {"default": "", "first": ", first page", "even": ", even pages"}


def find_stories(document: Any, xml_parts: dict[str, Any]) -> list[Story]:
    """The body, then each header and footer by section, then unused ones and the notes: each part once."""
    main = document.part
    stories = [Story(main, main.element, "body")]
    seen: set[int] = {id(main)}
    # A w:sectPr inside w:sectPrChange is a tracked old version, not a section of its own.
    sect_prs = [s for s in main.element.body.iter(qn("w:sectPr")) if s.getparent().tag != qn("w:sectPrChange")]
    for number, sect_pr in enumerate(sect_prs, start=1):
        for ref in sect_pr:
            if ref.tag not in (qn("w:headerReference"), qn("w:footerReference")):
                continue
            part = main.related_parts.get(ref.get(qn("r:id")))
            if part is None or id(part) in seen:
                continue
            seen.add(id(part))
            kind = "header" if ref.tag == qn("w:headerReference") else "footer"
            detail = HEADER_KINDS.get(ref.get(qn("w:type"), "default"), "")
            stories.append(Story(part, xml_root(part, xml_parts), f"{kind} (section {number}{detail})"))
    # Headers and footers no section uses still travel in the file, so they are read too.
    for reltype, name in ((RT.HEADER, "header (not used by any section)"),
                          (RT.FOOTER, "footer (not used by any section)"),
                          (RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        for rel in list(main.rels.values()):
            if rel.reltype == reltype and not rel.is_external and id(rel.target_part) not in seen:
                seen.add(id(rel.target_part))
                stories.append(Story(rel.target_part, xml_root(rel.target_part, xml_parts), name))
    return stories


def _blocks(container: Any) -> Iterator[Any]:
    """Children of a container, looking through custom-XML, smart-tag and alternate-content wrappers."""
    for child in container:
        if child.tag in TRANSPARENT:
            yield from _blocks(child)
        elif child.tag == MC_ALTERNATE:
            for branch in child:  # both branches travel in the file, so both are read
                yield from _blocks(branch)
        else:
            yield child


def _sdt_label(sdt: Any) -> str:
    pr = sdt.find(W_SDTPR)
    name = ""
    if pr is not None:
        # A cover page or table of contents has no alias, only its gallery ("Cover Pages").
        for path in ("w:alias", "w:tag", "w:docPartObj/w:docPartGallery"):
            el = pr.find("/".join(qn(t) for t in path.split("/")))
            if el is not None and el.get(W_VAL):
                name = el.get(W_VAL)
                break
    return f"content control '{name}'" if name else "content control"


class _Collector:
    """Walks stories in reading order and lists their segments."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []

    def add(self, text: str, origin: str, handle: Any) -> None:
        if text.strip():
            self.segments.append(Segment(text=text, origin=origin, separator="\n\n", handle=handle))

    def container(self, el: Any, label: str | None) -> None:
        """Paragraphs, tables and content controls of a body, cell, note, header or text box."""
        blocks = list(_blocks(el))
        n_paragraphs = sum(1 for b in blocks if b.tag == W_P)
        paragraphs = tables = 0
        for block in blocks:
            if block.tag == W_P:
                paragraphs += 1
                if label is None:
                    origin = f"body paragraph {paragraphs}"
                elif n_paragraphs == 1:
                    origin = label
                else:
                    origin = f"{label}, paragraph {paragraphs}"
                self.paragraph(block, origin)
            elif block.tag == W_TBL:
                tables += 1
                self.table(block, f"table {tables}" if label is None else f"{label}, table {tables}")
            elif block.tag == W_SDT:
                content = block.find(W_SDTCONTENT)
                if content is not None:
                    name = _sdt_label(block)
                    self.container(content, name if label is None else f"{label}, {name}")

    def table(self, tbl: Any, label: str) -> None:
        rows = [b for b in _blocks_deep(tbl) if b.tag == W_TR]
        for r, tr in enumerate(rows, start=1):
            cells = [b for b in _blocks_deep(tr) if b.tag == W_TC]
            for c, tc in enumerate(cells, start=1):
                self.container(tc, f"{label}, row {r}, cell {c}")

    def paragraph(self, p: Any, origin: str) -> None:
        self.add(paragraph_text(p), origin, ParagraphHandle(p))
        for rt in p.iter(W_RT):
            if owner_paragraph(rt) is p:
                self.add(paragraph_text(rt), f"ruby text in {origin}", ParagraphHandle(rt))
        for box in p.iter(W_TXBX):
            if owner_paragraph(box) is not p:
                continue  # a text box inside a text box: walked with its own paragraph
            in_fallback = any(a.tag == MC_FALLBACK for a in box.iterancestors())
            # Word stores a modern text box twice, once for older versions; both are checked.
            label = f"text box in {origin}" + (" (copy for older Word)" if in_fallback else "")
            self.container(box, label)


def _blocks_deep(el: Any) -> Iterator[Any]:
    """Rows or cells, looking through wrappers including row- and cell-level content controls."""
    for child in _blocks(el):
        if child.tag == W_SDT:
            content = child.find(W_SDTCONTENT)
            if content is not None:
                yield from _blocks_deep(content)
        else:
            yield child


def story_segments(document: Any, stories: list[Story]) -> list[Segment]:
    """Every segment of the stories in reading order, then properties, attribute text and link addresses."""
    collector = _Collector()
    for story in stories:
        if story.name == "body":
            collector.container(story.root.find(qn("w:body")), None)
        elif story.name in ("footnote", "endnote"):
            number = 0
            for note in story.root:
                if note.get(qn("w:type")) not in (None, "normal"):
                    continue  # separator lines, not notes
                number += 1
                collector.container(note, f"{story.name} {number}")
        else:
            collector.container(story.root, story.name)
    # A safety net for paragraphs in containers the walk above does not know.
    walked = {id(s.handle.p) for s in collector.segments if isinstance(s.handle, ParagraphHandle)}
    for story in stories:
        for p in story.root.iter(W_P):
            if id(p) not in walked and paragraph_text(p).strip():
                collector.add(paragraph_text(p), f"{story.name}, other text", ParagraphHandle(p))

    properties = document.core_properties
    for name in TEXT_PROPERTIES:
        value = getattr(properties, name) or ""
        collector.add(value, f"document properties: {PROPERTY_LABELS.get(name, name)}", PropertyHandle(name))

    for story in stories:
        for element, attribute, label in text_attributes(story.root):
            collector.add(element.get(attribute), label, AttributeHandle(element, attribute))
    for story in stories:
        for rId, rel in sorted(story.part.rels.items(), key=lambda item: rid_order(item[0])):
            if rel.is_external:
                kind = "hyperlink address" if rel.reltype == RT.HYPERLINK else "linked file address"
                collector.add(rel.target_ref, f"{kind} ({story.name})", LinkHandle(story.part, rId))
    return collector.segments


# Chart values that are words: series names, category labels, literal strings.
CHART_STRING_HOLDERS = {qn("c:strCache"), qn("c:strLit"), qn("c:tx"), qn("c:multiLvlStrCache")}


def graphic_text_elements(root: Any) -> Iterator[Any]:
    """Elements of a chart or SmartArt part whose own text is shown: a:t runs, chart string values."""
    for el in root.iter(qn("a:t"), qn("c:v")):
        if (el.tag == qn("c:v") and not any(ch.isalpha() for ch in el.text or "")
                and not any(a.tag in CHART_STRING_HOLDERS for a in el.iterancestors())):
            continue  # a number
        if el.text and el.text.strip():
            yield el


def graphics_segments(source: DocxSource) -> list[Segment]:
    """Chart and SmartArt text, read like any other text so it is anonymised in place."""
    collector = _Collector()
    numbers: dict[str, int] = {}
    for kind, part in source.survey.kept:
        if kind not in CHARTS | DIAGRAMS:
            continue
        numbers[kind] = numbers.get(kind, 0) + 1
        name = "chart" if kind in CHARTS else "SmartArt"
        where = f"{name} {numbers[kind]}" + (" (drawing copy)" if kind == "diagramDrawing" else "")
        for n, el in enumerate(graphic_text_elements(xml_root(part, source.xml_parts)), start=1):
            collector.add(el.text, f"{where}, text {n}", TextHandle(el))
    # A list's number text is shown on the page ("Child %1:"), though it lives in numbering.xml.
    for part in source.survey.parts({"numbering"}):
        for el in xml_root(part, source.xml_parts).iter(qn("w:lvlText")):
            if any(ch.isalpha() for ch in el.get(W_VAL, "")):
                collector.add(el.get(W_VAL), "list numbering text", AttributeHandle(el, W_VAL))
    return collector.segments


def text_attributes(root: Any) -> Iterator[tuple[Any, str, str]]:
    """(element, attribute, origin) for every attribute that holds readable text."""
    for el in root.iter(qn("wp:docPr"), "{*}cNvPr"):
        for attr, label in (("descr", "image alt text"), ("title", "image title")):
            if el.get(attr):
                yield el, attr, label
    for el in root.iter(qn("v:shape"), qn("v:rect"), qn("v:roundrect"), qn("v:oval"), qn("v:group")):
        if el.get("alt"):
            yield el, "alt", "image alt text"
        if el.get(qn("o:title")):
            yield el, qn("o:title"), "image title"
    for el in root.iter(qn("v:imagedata")):
        if el.get(qn("o:title")):
            yield el, qn("o:title"), "image title"
    for el in root.iter(qn("v:textpath")):
        if el.get("string"):
            yield el, "string", "watermark or WordArt text"
    for el in root.iter(qn("w:hyperlink")):
        if el.get(qn("w:tooltip")):
            yield el, qn("w:tooltip"), "hyperlink screen tip"
        # LibreOffice writes a link's screen tip (from .odt, .doc or .rtf) as its target frame.
        if el.get(qn("w:tgtFrame")) and el.get(qn("w:tgtFrame")) not in _FRAMES:
            yield el, qn("w:tgtFrame"), "hyperlink screen tip"
    for el in root.iter(qn("a:hlinkClick"), qn("a:hlinkHover")):
        if el.get("tooltip"):
            yield el, "tooltip", "hyperlink screen tip"
    # Typed by the author in dialogs, never on the page: a table's alt text ("Amara's contacts"),
    # and a legacy form field's help, status bar text, default text and drop-down choices.
    for el in root.iter(*_VALUE_TEXT):
        if any(ch.isalpha() for ch in el.get(W_VAL, "")):
            yield el, W_VAL, _VALUE_TEXT[el.tag]


_FRAMES = {"_blank", "_self", "_parent", "_top"}  # the frame names HTML defines; any other is typed text
_VALUE_TEXT = {qn("w:tblCaption"): "table alt text (title)", qn("w:tblDescription"): "table alt text",
               qn("w:helpText"): "form field help text", qn("w:statusText"): "form field status text",
               qn("w:default"): "form field default text", qn("w:listEntry"): "form field choice"}
