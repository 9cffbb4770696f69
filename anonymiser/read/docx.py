"""Word .docx drafts: every place text can hide, each paragraph read whole.

A paragraph is one segment however Word split it into runs, so a name typed as "Am" + "ara"
is one string to detection. Besides the body and its tables the reader covers headers and
footers of every section, footnotes, endnotes, text boxes, content controls, the text-bearing
core properties, image alt text, WordArt/watermark text and hyperlink addresses.

Reading also changes the parsed copy: hidden text is deleted (it never reaches detection or
the output) and, when asked, tracked changes are accepted. `write_docx` starts from a fresh
parse of the same bytes, so it sees exactly what detection saw.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from anonymiser.core.document import Document, Segment
from anonymiser.core.errors import InputError
from anonymiser.read.docx_parts import CHARTS, DIAGRAMS, Survey, drop_warnings, survey

MAX_UNCOMPRESSED = 500 * 1024 * 1024  # no review comes near this; a zip that claims it is a bomb
MAX_RATIO = 200  # deflate tops out near 1000:1; real Word XML stays well under 100:1
MAX_RATIO_MIN_SIZE = 20 * 1024 * 1024  # small members may compress absurdly well and do no harm
MAX_MEMBERS = 10_000
# One part, whatever its ratio. The document.xml of a generated 300-page draft (150,000 words,
# Word's revision ids and fonts on every run, a table every ten pages) is 2.1 MB, so 16 MB is
# over seven times that; an XML part is parsed and walked whole, so a bigger one only costs time.
MAX_XML_PART = 16 * 1024 * 1024
MAX_BINARY_PART = 64 * 1024 * 1024  # a picture or embedded file: a phone photo is under 10 MB

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "dgm": "http://schemas.openxmlformats.org/drawingml/2006/diagram",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}


def qn(tag: str) -> str:
    """Clark name for a prefixed tag: qn("w:p") -> "{...main}p"."""
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


W_P, W_R, W_T, W_TBL, W_TR, W_TC = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tbl", "w:tr", "w:tc"))
W_SDT, W_SDTCONTENT, W_SDTPR = qn("w:sdt"), qn("w:sdtContent"), qn("w:sdtPr")
W_TXBX = qn("w:txbxContent")
W_RT = qn("w:rt")  # ruby (phonetic) text over a base text: read as a segment of its own
W_PPR, W_RPR = qn("w:pPr"), qn("w:rPr")
W_VAL = qn("w:val")
MC_FALLBACK, MC_ALTERNATE = qn("mc:Fallback"), qn("mc:AlternateContent")

# What each run child contributes to a paragraph's text. Field codes (w:instrText) and deleted
# text are not shown, so they are not text; the writer deals with them separately.
ATOM_TEXT: dict[str, str | None] = {
    qn("w:t"): None,  # None: the element's own text
    qn("m:t"): None,  # an equation's text, shown in the line like any run
    qn("w:tab"): "\t",
    qn("w:ptab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "-",
}

TEXT_TAGS = frozenset(tag for tag, fixed in ATOM_TEXT.items() if fixed is None)  # what holds typed text

# Containers that only group content and can be looked through.
TRANSPARENT = {qn("w:customXml"), qn("w:smartTag")}

REVISION_TAGS = tuple(qn(t) for t in ("w:ins", "w:del", "w:moveFrom", "w:moveTo"))
# Tracked formatting changes keep the old formatting plus the author's name and a date.
PROPERTY_CHANGE_TAGS = tuple(
    qn(f"w:{t}")
    for t in (
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
        "tblGridChange", "tblPrExChange", "numberingChange",
    )
)
MOVE_RANGE_TAGS = tuple(
    qn(f"w:{t}")
    for t in ("moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd")
)

# Core properties that carry free text worth checking; the writer clears the rest.
TEXT_PROPERTIES = ("title", "subject", "keywords", "comments", "category")
PROPERTY_LABELS = {"comments": "comments (description)"}

HEADER_KINDS = {"default": "", "first": ", first page", "even": ", even pages"}


# -- handles: what the writer needs to put a segment's new text back -----------------------


@dataclass(eq=False)
class ParagraphHandle:
    """A w:p element; its text is the text of its own runs (not of text boxes inside it)."""

    p: Any


@dataclass(frozen=True)
class PropertyHandle:
    """A core document property (python-docx `CoreProperties` attribute name)."""

    name: str


@dataclass(eq=False)
class AttributeHandle:
    """An XML attribute that holds text: image alt text or title, WordArt text, a screen tip."""

    element: Any
    attribute: str  # Clark name


@dataclass(eq=False)
class TextHandle:
    """An element whose own text is the segment: a chart label or a SmartArt text run."""

    element: Any


@dataclass(eq=False)
class LinkHandle:
    """An external hyperlink relationship (the address behind a link)."""

    part: Part
    rId: str


@dataclass(eq=False)
class Story:
    """One XML part with document text: the body, a header, a footer, the footnotes."""

    part: Part
    root: Any
    name: str  # how origins refer to it: "header (section 1, first page)"


@dataclass(eq=False)
class DocxSource:
    """What `write_docx` needs: the original bytes and the options they were read with."""

    data: bytes
    accept_tracked_changes: bool
    document: Any = None  # python-docx Document of the read (already changed: see module doc)
    stories: list[Story] = field(default_factory=list)
    # Parts python-docx keeps only as bytes (footnotes, endnotes): zip member name -> parsed
    # root. The writer serialises these over the members python-docx saves unchanged.
    xml_parts: dict[str, Any] = field(default_factory=dict)
    survey: Survey = field(default_factory=Survey)  # what the output keeps and drops


# -- public ----------------------------------------------------------------------------------


def read_docx(path: Path, accept_tracked_changes: bool = False) -> Document:
    """Read a .docx draft into segments; bad, encrypted or oversized files raise InputError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})", "Check the file's permissions.") from None
    check_package(path, data)
    source, segments, notes = load(path, data, accept_tracked_changes)
    warnings = [f"{path.name}: {note}" for note in notes]
    return Document(path=path, kind="docx", segments=segments, warnings=warnings, source=source)


def check_package(path: Path, data: bytes) -> None:
    """Refuse anything that is not a sound, reasonably sized .docx before python-docx sees it."""
    if not data:
        raise InputError(path, "is empty", "Check you exported the right file.")
    if data.startswith(OLE_MAGIC):
        # Word saves a password-protected .docx as an OLE container holding the encrypted
        # package; the stream names are stored in UTF-16.
        if any(name.encode("utf-16-le") in data for name in ("EncryptionInfo", "EncryptedPackage")):
            raise InputError(path, "is password-protected",
                             "Open it in Word, remove the password (File, Info, Protect Document), save and try again.")
        raise InputError(path, "is an old Word 97-2003 (.doc) file, not .docx",
                         "Open it in Word and save it as Word Document (.docx).")
    if data.startswith(b"%PDF"):
        raise InputError(path, "is a PDF, not a Word document", "Rename it to .pdf and run again.")
    if data.startswith(b"{\\rtf"):
        raise InputError(path, "is an RTF file, not .docx", "Open it in Word and save it as Word Document (.docx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise InputError(path, f"holds {len(infos)} files inside, far more than any Word document",
                                 "Check it is the right file; re-save it from Word.")
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise InputError(path, f"unpacks to {total // (1024 * 1024)} MB, over the "
                                 f"{MAX_UNCOMPRESSED // (1024 * 1024)} MB limit",
                                 "Check it is the right file; remove large embedded media in Word and re-save.")
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > MAX_RATIO_MIN_SIZE and ratio > MAX_RATIO:
                    # Part names are not quoted: a draft's own file names ("media/amara.png") can identify.
                    raise InputError(path, f"contains a part compressed {ratio:.0f} to 1, "
                                     "which no real Word document does (a zip bomb?)",
                                     "Do not open it; ask the sender for the original draft.")
                limit = MAX_XML_PART if _is_xml_name(info.filename) else MAX_BINARY_PART
                if info.file_size > limit:
                    kind = "XML part" if limit == MAX_XML_PART else "part"
                    raise InputError(path, f"contains a {kind} that unpacks to {info.file_size // (1024 * 1024)} MB, "
                                     f"over the {limit // (1024 * 1024)} MB limit for one {kind}",
                                     "Check it is the right file; split the draft or remove large embedded "
                                     "media in Word and re-save.")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "_rels/.rels" not in names:
                raise InputError(path, "is a zip file but not a Word document",
                                 "Open it in Word and save it as Word Document (.docx).")
            bad = zf.testzip()  # reads every member, so the bomb checks above must come first
            if bad is not None:
                raise InputError(path, "is damaged (a part inside it fails its checksum)",
                                 "Open it in Word (which may repair it), save it and try again.")
    except zipfile.BadZipFile:
        raise InputError(path, "is damaged or truncated (not a readable .docx zip)",
                         "Open it in Word (which may repair it) or export it again, then retry.") from None
    except zlib.error:
        raise InputError(path, "is damaged (part of it cannot be decompressed)",
                         "Open it in Word (which may repair it), save it and try again.") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise InputError(path, f"cannot be unpacked ({type(exc).__name__})",
                         "Open it in Word and save it again as .docx.") from None


def _is_xml_name(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


def _brief(exc: BaseException) -> str:
    """Only the kind of error: a parser's message can quote the draft (an element or attribute
    name made of a child's name after corruption), and the console line must not."""
    return type(exc).__name__


def load(path: Path, data: bytes, accept_tracked_changes: bool) -> tuple[DocxSource, list[Segment], list[str]]:
    """Parse checked bytes, apply the reading rules, and list the segments and notes."""
    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise InputError(path, "is an Office file but not a Word document",
                             "Give the Word (.docx) draft.") from None
        raise InputError(path, f"is not a valid Word document ({_brief(exc)})",
                         "Open it in Word and save it again as .docx.") from None
    except Exception as exc:  # python-docx raises many types on malformed packages
        raise InputError(path, f"is damaged ({_brief(exc)})",
                         "Open it in Word (which may repair it), save it and try again.") from None
    try:
        return _read(path, data, accept_tracked_changes, document)
    except InputError:
        raise
    except Exception as exc:  # malformed parts surface lazily, as XML or lookup errors
        raise InputError(path, f"is damaged ({_brief(exc)})",
                         "Open it in Word (which may repair it), save it and try again.") from None


def _read(path: Path, data: bytes, accept_tracked_changes: bool,
          document: Any) -> tuple[DocxSource, list[Segment], list[str]]:
    source = DocxSource(data=data, accept_tracked_changes=accept_tracked_changes, document=document)
    source.stories = _stories(document, source.xml_parts)
    source.survey = survey(document.part.package)
    notes: list[str] = []

    revisions = sum(count_revisions(s.root) for s in source.stories)
    if revisions:
        if not accept_tracked_changes:
            plural = "s" if revisions != 1 else ""
            raise InputError(path, f"has {revisions} tracked change{plural} (insertions, deletions or moves)",
                             "Accept or reject them in Word, or run again with --accept-tracked-changes.")
        for story in source.stories:
            accept_revisions(story.root)
        notes.append(f"accepted {revisions} tracked change{'s' if revisions != 1 else ''}")

    hidden_styles = _hidden_styles(document)
    hidden = sum(remove_hidden_text(s.root, hidden_styles) for s in source.stories)
    if hidden:
        notes.append(f"removed {hidden} passage{'s' if hidden != 1 else ''} of hidden text")

    objects = sum(count_embedded_objects(s.root) for s in source.stories)
    if objects:
        plural = "s" if objects != 1 else ""
        notes.append(f"{objects} picture{plural} cannot be checked (text inside a picture is not read); "
                     "review them by hand")
    notes += drop_warnings(source.survey, _orphans(data, document))

    comments = _count_comments(document)
    if comments:
        notes.append(f"{comments} comment{'s' if comments != 1 else ''} will be removed from the output")

    segments = _segments(document, source.stories)
    segments += _graphics_segments(source)
    return source, segments, notes


def _orphans(data: bytes, document: Any) -> int:
    """Zip members that no relationship reaches: never loaded, so never written out."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = {n for n in zf.namelist() if not n.endswith("/")}
    loaded = {str(part.partname).lstrip("/") for part in document.part.package.iter_parts()}
    return sum(1 for n in names - loaded if n != "[Content_Types].xml" and not n.endswith(".rels"))


# -- paragraph text ------------------------------------------------------------------------


def _owner_paragraph(el: Any, owners: tuple[str, ...] = (W_P, W_RT)) -> Any:
    """The nearest w:p (or ruby text) above `el`, or None if a text box boundary comes first."""
    node = el.getparent()
    while node is not None:
        if node.tag in owners:
            return node
        if node.tag == W_TXBX:
            return None
        node = node.getparent()
    return None


def paragraph_atoms(p: Any) -> list[tuple[Any, str]]:
    """The text-bearing elements of a paragraph's own runs, in order, with their text."""
    atoms = []
    for el in p.iter(*ATOM_TEXT):
        if _owner_paragraph(el) is not p:
            continue  # text of a text box anchored in this paragraph
        fixed = ATOM_TEXT[el.tag]
        text = (el.text or "") if fixed is None else fixed
        if text:
            atoms.append((el, text))
    return atoms


def paragraph_text(p: Any) -> str:
    """A paragraph's visible text, its runs joined."""
    return "".join(text for _, text in paragraph_atoms(p))


# -- the parts that hold text ----------------------------------------------------------------


def _xml_root(part: Part, xml_parts: dict[str, Any]) -> Any:
    """The parsed XML of a part; byte-only parts are parsed once and remembered for the writer."""
    if isinstance(part, XmlPart):
        return part.element
    name = str(part.partname).lstrip("/")
    if name not in xml_parts:
        xml_parts[name] = parse_xml(part.blob)
    return xml_parts[name]


def _stories(document: Any, xml_parts: dict[str, Any]) -> list[Story]:
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
            stories.append(Story(part, _xml_root(part, xml_parts), f"{kind} (section {number}{detail})"))
    # Headers and footers no section uses still travel in the file, so they are read too.
    for reltype, name in ((RT.HEADER, "header (not used by any section)"),
                          (RT.FOOTER, "footer (not used by any section)"),
                          (RT.FOOTNOTES, "footnote"), (RT.ENDNOTES, "endnote")):
        for rel in list(main.rels.values()):
            if rel.reltype == reltype and not rel.is_external and id(rel.target_part) not in seen:
                seen.add(id(rel.target_part))
                stories.append(Story(rel.target_part, _xml_root(rel.target_part, xml_parts), name))
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
            if _owner_paragraph(rt) is p:
                self.add(paragraph_text(rt), f"ruby text in {origin}", ParagraphHandle(rt))
        for box in p.iter(W_TXBX):
            if _owner_paragraph(box) is not p:
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


def _segments(document: Any, stories: list[Story]) -> list[Segment]:
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
        for rId, rel in sorted(story.part.rels.items(), key=lambda item: _rid_order(item[0])):
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


def _graphics_segments(source: DocxSource) -> list[Segment]:
    """Chart and SmartArt text, read like any other text so it is anonymised in place."""
    collector = _Collector()
    numbers: dict[str, int] = {}
    for kind, part in source.survey.kept:
        if kind not in CHARTS | DIAGRAMS:
            continue
        numbers[kind] = numbers.get(kind, 0) + 1
        name = "chart" if kind in CHARTS else "SmartArt"
        where = f"{name} {numbers[kind]}" + (" (drawing copy)" if kind == "diagramDrawing" else "")
        for n, el in enumerate(graphic_text_elements(_xml_root(part, source.xml_parts)), start=1):
            collector.add(el.text, f"{where}, text {n}", TextHandle(el))
    # A list's number text is shown on the page ("Child %1:"), though it lives in numbering.xml.
    for part in source.survey.parts({"numbering"}):
        for el in _xml_root(part, source.xml_parts).iter(qn("w:lvlText")):
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
    for el in root.iter(qn("a:hlinkClick"), qn("a:hlinkHover")):
        if el.get("tooltip"):
            yield el, "tooltip", "hyperlink screen tip"
    # Typed by the author in dialogs, never on the page: a table's alt text ("Amara's contacts"),
    # and a legacy form field's help, status bar text, default text and drop-down choices.
    for el in root.iter(*_VALUE_TEXT):
        if any(ch.isalpha() for ch in el.get(W_VAL, "")):
            yield el, W_VAL, _VALUE_TEXT[el.tag]


_VALUE_TEXT = {qn("w:tblCaption"): "table alt text (title)", qn("w:tblDescription"): "table alt text",
               qn("w:helpText"): "form field help text", qn("w:statusText"): "form field status text",
               qn("w:default"): "form field default text", qn("w:listEntry"): "form field choice"}


def _rid_order(rId: str) -> tuple[int, str]:
    digits = "".join(ch for ch in rId if ch.isdigit())
    return (int(digits) if digits else 0, rId)


# -- tracked changes -------------------------------------------------------------------------


def _is_mark(el: Any) -> bool:
    """A revision that marks a paragraph mark, row or cell rather than wrapping runs."""
    parent = el.getparent()
    return parent is not None and parent.tag in (W_RPR, qn("w:trPr"), qn("w:tcPr"))


def count_revisions(root: Any) -> int:
    """Tracked insertions, deletions and moves, counted roughly as Word lists them."""
    count = 0
    for el in root.iter(*REVISION_TAGS, qn("w:cellIns"), qn("w:cellDel")):
        if not _is_mark(el):
            count += 1
            continue
        # A paragraph-mark change usually comes with run changes in the same paragraph;
        # count it only when it stands alone (a paragraph joined or split, say).
        holder = el.getparent().getparent()
        if holder.tag == W_PPR:
            p = holder.getparent()
            if any(not _is_mark(r) for r in p.iter(*REVISION_TAGS)):
                continue
        count += 1
    return count


def unwrap(el: Any) -> None:
    """Replace an element by its children."""
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    for child in list(el):
        parent.insert(index, child)
        index += 1
    parent.remove(el)


def remove(el: Any) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def accept_revisions(root: Any) -> None:
    """Accept every tracked change: deleted text goes, inserted text stays, marks vanish."""
    merged_paragraphs = []
    for el in list(root.iter(qn("w:del"), qn("w:moveFrom"))):
        if not _is_mark(el):
            remove(el)
            continue
        holder = el.getparent().getparent()
        if holder.tag == W_PPR:
            merged_paragraphs.append(holder.getparent())
        elif holder.tag == W_TR:
            remove(holder)  # a deleted table row
        remove(el)
    for el in list(root.iter(qn("w:cellDel"))):
        cell = el.getparent().getparent()
        remove(cell if cell.tag == W_TC else el)
    # A deleted paragraph mark joins the paragraph to the next; go backwards so chains join.
    for p in reversed(merged_paragraphs):
        following = p.getnext()
        if p.getparent() is None or following is None or following.tag != W_P:
            continue
        index = 1 if following.find(W_PPR) is not None else 0
        for child in [c for c in p if c.tag != W_PPR]:
            following.insert(index, child)
            index += 1
        remove(p)
    for el in list(root.iter(qn("w:ins"), qn("w:moveTo"))):
        if _is_mark(el):
            remove(el)
        else:
            unwrap(el)
    for el in list(root.iter(qn("w:cellIns"), *MOVE_RANGE_TAGS, *PROPERTY_CHANGE_TAGS)):
        remove(el)


# -- hidden text ----------------------------------------------------------------------------


def _vanish(rpr: Any) -> bool | None:
    """True/False if run properties set hidden text explicitly, None if they don't say."""
    if rpr is None:
        return None
    el = rpr.find(qn("w:vanish"))
    if el is None:
        return None
    return el.get(W_VAL, "true").lower() not in ("0", "false", "off")


def _hidden_styles(document: Any) -> set[str]:
    """Ids of paragraph and character styles that hide text, following `basedOn` chains."""
    try:
        styles_root = document.styles.element
    except (KeyError, AttributeError):
        return set()
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    for style in styles_root.iter(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if not sid or style.get(qn("w:type")) not in ("paragraph", "character"):
            continue
        own[sid] = _vanish(style.find(W_RPR))
        based = style.find(qn("w:basedOn"))
        if based is not None and based.get(W_VAL):
            parent[sid] = based.get(W_VAL)

    def hidden(sid: str) -> bool:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if own.get(sid) is not None:
                return bool(own[sid])
            sid = parent.get(sid, "")
        return False

    return {sid for sid in own if hidden(sid)}


def _style_of(props: Any, tag: str) -> str | None:
    if props is None:
        return None
    el = props.find(qn(tag))
    return el.get(W_VAL) if el is not None else None


def _run_hidden(run: Any, hidden_styles: frozenset[str] | set[str]) -> bool:
    rpr = run.find(W_RPR)
    direct = _vanish(rpr)
    if direct is not None:
        return direct
    style = _style_of(rpr, "w:rStyle")
    if style is not None and style in hidden_styles:
        return True
    p = _owner_paragraph(run, (W_P,))
    if p is not None:
        pstyle = _style_of(p.find(W_PPR), "w:pStyle")
        return pstyle is not None and pstyle in hidden_styles
    return False


def remove_hidden_text(root: Any, hidden_styles: frozenset[str] | set[str] = frozenset()) -> int:
    """Delete runs formatted as hidden text; returns how many stretches went."""
    removed = 0
    for run in list(root.iter(W_R)):
        if not _run_hidden(run, hidden_styles):
            continue
        fld = run.find(qn("w:fldChar"))
        if fld is None and run.find(qn("w:instrText")) is None:
            had_text = any(True for _ in run.iter(*ATOM_TEXT, W_TXBX, qn("w:drawing"), qn("w:pict")))
            remove(run)
        else:
            # Keep field structure intact so the field stays balanced; drop what shows.
            had_text = False
            for child in list(run):
                if child.tag in ATOM_TEXT or child.tag in (qn("w:drawing"), qn("w:pict"), qn("w:sym")):
                    had_text = True
                    remove(child)
        if had_text:
            removed += 1
    # A paragraph whose mark is hidden too disappears entirely in Word; drop it if now empty.
    for p in list(root.iter(W_P)):
        ppr = p.find(W_PPR)
        if ppr is None or not _vanish(ppr.find(W_RPR)):
            continue
        if paragraph_text(p) or p.find(f".//{W_R}") is not None:
            continue
        parent = p.getparent()
        if parent is not None and sum(1 for c in parent if c.tag == W_P) > 1:
            remove(p)
    return removed


# -- counts for warnings ---------------------------------------------------------------------


def _outside_fallback(el: Any) -> bool:
    return not any(a.tag == MC_FALLBACK for a in el.iterancestors())


def count_embedded_objects(root: Any) -> int:
    """Pictures, whose pixels the tool cannot read (charts and SmartArt are read; objects are dropped)."""
    count = 0
    for el in root.iter(qn("a:blip")):
        if _outside_fallback(el):
            count += 1
    for el in root.iter(qn("v:imagedata")):
        # VML images inside an OLE object are its preview, already counted with the object.
        if _outside_fallback(el) and not any(a.tag == qn("w:object") for a in el.iterancestors()):
            count += 1
    return count


def _count_comments(document: Any) -> int:
    for rel in document.part.rels.values():
        if rel.reltype == RT.COMMENTS and not rel.is_external:
            try:
                root = _xml_root(rel.target_part, {})
            except etree.XMLSyntaxError:
                return 0
            return sum(1 for _ in root.iter(qn("w:comment")))
    return 0

