"""Write an anonymised .docx: each edit put back into the runs, then every side door closed.

Side doors are the places a Word file keeps text the reader of the page never sees: document
properties, comments, custom XML, document variables, field codes, image names, style names,
content-control titles, the thumbnail. Only the parts the tool understands are kept
(`readers/docx_parts.py`); pictures lose their metadata and every part gets a neutral name.
The body's formatting, styles, numbering, tables, headers, footers, charts and SmartArt stay.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from docx.shared import Mm
from lxml import etree

from anonymiser.core.document import Document, Edit, apply_edits
from anonymiser.read.docx import (
    PROPERTY_CHANGE_TAGS,
    TEXT_PROPERTIES,
    TEXT_TAGS,
    W_R,
    W_RPR,
    W_T,
    W_VAL,
    AttributeHandle,
    DocxSource,
    LinkHandle,
    ParagraphHandle,
    PropertyHandle,
    Story,
    TextHandle,
    load,
    paragraph_atoms,
    paragraph_text,
    qn,
    remove,
    unwrap,
)
from anonymiser.read.docx_parts import CHARTS, DOCUMENT_DROPS, PACKAGE_DROPS, SETTINGS_DROPS, reltype_name, survey
from anonymiser.write.atomic import atomic_path

R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Extended properties (docProps/app.xml) that are counts or flags; everything else
# (Company, Manager, Template, HyperlinkBase, TitlesOfParts, HeadingPairs) goes.
APP_KEEP = {
    "Application", "AppVersion", "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc",
    "HyperlinksChanged", "Pages", "Words", "Characters", "Lines", "Paragraphs",
    "CharactersWithSpaces",
}
# Fields that only number, cross-refer or format; any other field (HYPERLINK, AUTHOR,
# FILENAME, MERGEFIELD, DOCPROPERTY, XE, TC, IF...) is replaced by its current result, since its
# code can hold an address or a name and Word would recompute it from metadata we removed.
SAFE_FIELDS = {
    "PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "TOC", "TOA", "PAGEREF", "REF", "NOTEREF",
    "SEQ", "STYLEREF", "LISTNUM", "AUTONUM", "AUTONUMLGL", "AUTONUMOUT", "DATE", "TIME",
}
# Properties that name people or systems and are not shown as text; cleared outright.
CLEARED_PROPERTIES = ("author", "last_modified_by", "identifier", "content_status", "version")
MAX_PROPERTY = 255  # python-docx (and the OPC schema in practice) cap core text properties

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def xml_safe(text: str) -> str:
    """Drop characters XML cannot hold (control characters from PDF extraction, say)."""
    return _XML_INVALID.sub("", text)


# -- public ----------------------------------------------------------------------------------


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


# -- putting edits into runs -----------------------------------------------------------------


def edit_paragraph(p: Any, text: str, edits: list[Edit]) -> None:
    """Apply edits to a paragraph's runs.

    An edit spanning several runs puts its replacement into the first run it touches (keeping
    that run's formatting) and removes the covered text from the others.
    """
    edits = [Edit(e.start, e.end, xml_safe(e.new)) for e in edits]
    atoms = paragraph_atoms(p)
    starts, pos = [], 0
    for _, atom_text in atoms:
        starts.append(pos)
        pos += len(atom_text)
    if pos != len(text):
        raise ValueError("paragraph text does not match its segment")
    expected = apply_edits(text, edits)
    touched: list[Any] = []
    # Right to left, so offsets of atoms not yet edited stay valid.
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        new = edit.new
        covered = [i for i, (_, t) in enumerate(atoms) if starts[i] < edit.end and starts[i] + len(t) > edit.start]
        if not covered:
            _insert(p, atoms, starts, edit.start, new, touched)
            continue
        target = next((i for i in covered if atoms[i][0].tag in TEXT_TAGS), None)
        if target is None:
            # Only tabs or breaks were covered: the new text needs a w:t of its own.
            first = atoms[covered[0]][0]
            t = etree.SubElement(first.getparent(), W_T)
            first.addprevious(t)
            t.text = new
            touched.append(t)
        for i in covered:
            el, atom_text = atoms[i]
            if el.tag not in TEXT_TAGS:
                remove(el)
                continue
            lo = max(edit.start, starts[i]) - starts[i]
            hi = min(edit.end, starts[i] + len(atom_text)) - starts[i]
            current = el.text or ""
            el.text = current[:lo] + (new if i == target else "") + current[hi:]
            touched.append(el)
    for el in touched:
        _tidy(el)
    if paragraph_text(p) != expected:
        raise RuntimeError("edits did not land as planned in a paragraph")


def _insert(p: Any, atoms: list[tuple[Any, str]], starts: list[int], at: int, new: str,
            touched: list[Any]) -> None:
    """A zero-width edit: add text at `at`, inside the w:t that holds or ends there."""
    for i in reversed(range(len(atoms))):
        el, atom_text = atoms[i]
        if el.tag in TEXT_TAGS and starts[i] <= at <= starts[i] + len(atom_text):
            lo = at - starts[i]
            el.text = (el.text or "")[:lo] + new + (el.text or "")[lo:]
            touched.append(el)
            return
    run = etree.SubElement(p, W_R)
    t = etree.SubElement(run, W_T)
    t.text = new
    touched.append(t)


def _tidy(t: Any) -> None:
    """Keep edited spaces, drop emptied text elements and runs with nothing left."""
    if t.getparent() is None:
        return
    if t.text:
        if t.text != t.text.strip():
            t.set(_XML_SPACE, "preserve")
        return
    run = t.getparent()
    remove(t)
    if run.tag == W_R and all(child.tag == W_RPR for child in run):
        remove(run)


# -- side doors ------------------------------------------------------------------------------


def close_side_doors(source: DocxSource) -> None:
    """Remove or neutralise everything that carries text outside the visible page."""
    document = source.document
    properties = document.core_properties
    for name in CLEARED_PROPERTIES:
        setattr(properties, name, "")
    _drop_rels(document.part.package, PACKAGE_DROPS)
    _drop_rels(document.part, DOCUMENT_DROPS)
    for story in source.stories:
        clean_story(story.root)
    rename_bookmarks([story.root for story in source.stories])
    neutral_style_names(source)
    _clean_settings(document)
    _clean_app_properties(source)
    keep_understood(source)


def _drop_rels(owner: Any, names: set[str]) -> None:
    """Forget relationships by type; python-docx then leaves their parts out of the save."""
    for rId, rel in list(owner.rels.items()):
        if reltype_name(rel.reltype) in names:
            del owner.rels[rId]


def clean_story(root: Any) -> None:
    """Close the side doors inside one story's XML."""
    for el in list(root.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"))):
        remove(el)
    for el in list(root.iter(qn("w:commentReference"))):
        run = el.getparent()
        remove(el)
        if run is not None and run.tag == W_R and all(c.tag == W_RPR for c in run):
            remove(run)
    for el in list(root.iter(*PROPERTY_CHANGE_TAGS)):
        remove(el)
    # Custom XML markup and smart tags carry their own data (element names, attributes).
    for el in list(root.iter(qn("w:customXmlPr"), qn("w:smartTagPr"), qn("w:customXmlInsRangeStart"),
                             qn("w:customXmlInsRangeEnd"), qn("w:customXmlDelRangeStart"),
                             qn("w:customXmlDelRangeEnd"), qn("w:customXmlMoveFromRangeStart"),
                             qn("w:customXmlMoveFromRangeEnd"), qn("w:customXmlMoveToRangeStart"),
                             qn("w:customXmlMoveToRangeEnd"))):
        remove(el)
    for el in list(root.iter(qn("w:customXml"), qn("w:smartTag"))):
        unwrap(el)
    # Content controls: bindings would refill them from data stores, a date picker keeps the
    # full date in an attribute, and drop-down lists keep every choice (other names, say).
    for el in list(root.iter(qn("w:dataBinding"), qn("w:listItem"))):
        remove(el)
    for el in root.iter(qn("w:date")):
        if el.getparent() is not None and el.getparent().tag == qn("w:sdtPr"):
            el.attrib.pop(qn("w:fullDate"), None)
    # A content control's title and tag are typed by its author ("Child name: Amara"); the
    # placeholder points into the building blocks, which are dropped.
    for el in list(root.iter(qn("w:alias"), qn("w:tag"), qn("w:placeholder"))):
        if el.getparent() is not None and el.getparent().tag == qn("w:sdtPr"):
            remove(el)
    # Editing permissions name users (w:ed="DOMAIN\\jsmith").
    for el in list(root.iter(qn("w:permStart"), qn("w:permEnd"))):
        remove(el)
    _unlink_fields(root)
    # Image and shape names are often the original file name ("amara_school_photo.jpg").
    for el in root.iter(qn("wp:docPr"), "{*}cNvPr"):
        if el.get("name") is not None:
            el.set("name", f"Object {el.get('id', '')}".strip())


def _field_code(parts: list[str]) -> str:
    code = "".join(parts).strip()
    if code.startswith("="):
        return "="
    return code.split(None, 1)[0].upper() if code else ""


def _unlink_fields(root: Any) -> None:
    """Replace fields that are not plain numbering or cross-references by their shown result."""
    for el in list(root.iter(qn("w:fldSimple"))):
        if _field_code([el.get(qn("w:instr"), "")]) not in SAFE_FIELDS:
            unwrap(el)
    runs = list(root.iter(W_R))
    run_index = {id(r): i for i, r in enumerate(runs)}
    stack: list[dict[str, Any]] = []
    finished: list[dict[str, Any]] = []
    for el in root.iter(qn("w:fldChar"), qn("w:instrText")):
        if el.tag == qn("w:instrText"):
            if stack and stack[-1]["separate"] is None:
                stack[-1]["code"].append(el.text or "")
            continue
        kind = el.get(qn("w:fldCharType"))
        if kind == "begin":
            stack.append({"begin": el, "separate": None, "code": []})
        elif kind == "separate" and stack:
            stack[-1]["separate"] = el
        elif kind == "end" and stack:
            field = stack.pop()
            field["end"] = el
            finished.append(field)
    for field in finished:  # inner fields end first, so they go before the fields holding them
        if _field_code(field["code"]) in SAFE_FIELDS:
            continue
        begin, separate, end = field["begin"], field["separate"], field["end"]
        first = run_index.get(id(begin.getparent()))
        last = run_index.get(id((separate if separate is not None else end).getparent()))
        if first is not None and last is not None:
            # Between begin and separate is the field code (and any fields nested in it).
            for run in runs[first + 1 : last]:
                remove(run)
        for marker in (begin, separate, end):
            if marker is None:
                continue
            run = marker.getparent()
            remove(marker)
            if run is not None:
                for code in list(run.iter(qn("w:instrText"))):
                    remove(code)
                if run.tag == W_R and all(c.tag == W_RPR for c in run):
                    remove(run)


def _letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA: no digits, so "REF BookmarkA" never reads as a reference number."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


WORD_BOOKMARK = re.compile(r"_(?:Toc|Ref|Hlk|Int)\d+|_GoBack")


def rename_bookmarks(roots: list[Any]) -> None:
    """Give bookmarks an author named ("Amara_DOB") neutral names, and fix references to them."""
    names: dict[str, str] = {}
    for root in roots:
        for el in root.iter(qn("w:bookmarkStart")):
            name = el.get(qn("w:name"), "")
            # Word's own names (_Toc123, _Ref456, _GoBack) are not typed by anyone; any other
            # name, "_Amara" included, is.
            if name and not WORD_BOOKMARK.fullmatch(name) and name not in names:
                names[name] = f"Bookmark{_letters(len(names) + 1)}"
        # A link may point at a bookmark that is gone, or name a place in another file: typed all the same.
        for el in root.iter(qn("w:hyperlink")):
            name = el.get(qn("w:anchor"), "")
            if name and not WORD_BOOKMARK.fullmatch(name) and name not in names:
                names[name] = f"Bookmark{_letters(len(names) + 1)}"
            if el.get(qn("w:docLocation")) is not None:
                del el.attrib[qn("w:docLocation")]
    if not names:
        return
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
    for root in roots:
        for el in root.iter(qn("w:bookmarkStart")):
            if el.get(qn("w:name")) in names:
                el.set(qn("w:name"), names[el.get(qn("w:name"))])
        for el in root.iter(qn("w:hyperlink")):
            if el.get(qn("w:anchor")) in names:
                el.set(qn("w:anchor"), names[el.get(qn("w:anchor"))])
        for el in root.iter(qn("w:instrText")):
            if el.text:
                el.text = pattern.sub(lambda m: names[m.group(1)], el.text)
        for el in root.iter(qn("w:fldSimple")):
            if el.get(qn("w:instr")):
                el.set(qn("w:instr"), pattern.sub(lambda m: names[m.group(1)], el.get(qn("w:instr"))))


def _clean_settings(document: Any) -> None:
    """Document variables, mail-merge sources and the template path live in settings."""
    try:
        part = document.part.part_related_by(RT.SETTINGS)
    except (KeyError, ValueError):
        return
    root = part.element
    for el in list(root.iter(qn("w:docVars"), qn("w:mailMerge"), qn("w:attachedTemplate"),
                             qn("w:attachedSchema"))):
        remove(el)
    _drop_rels(part, SETTINGS_DROPS)


def _clean_app_properties(source: DocxSource) -> None:
    """Keep only counts and flags in docProps/app.xml (it names the company and the manager)."""
    package = source.document.part.package
    for rel in package.rels.values():
        if rel.is_external or reltype_name(rel.reltype) != "extended-properties":
            continue
        part = rel.target_part
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        try:
            root = etree.fromstring(part.blob, parser)
        except etree.XMLSyntaxError:
            root = etree.Element("{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}Properties")
        for child in list(root):
            if etree.QName(child).localname not in APP_KEEP:
                root.remove(child)
        source.xml_parts[str(part.partname).lstrip("/")] = root


# -- style names ---------------------------------------------------------------------------

STYLE_REFERENCES = tuple(qn(f"w:{t}") for t in (
    "pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "numStyleLink", "styleLink",
    "clickAndTypeStyle", "defaultTableStyle",
))


@lru_cache(maxsize=1)
def builtin_styles() -> tuple[frozenset[str], frozenset[str]]:
    """Word's own style names and ids (lower case), from python-docx's template and its latent-style list."""
    root = docx.Document().styles.element
    names = {el.get(qn("w:name"), "") for el in root.iter(qn("w:lsdException"))}
    names |= {el.get(W_VAL, "") for el in root.iter(qn("w:name"))}
    ids = {el.get(qn("w:styleId"), "") for el in root.iter(qn("w:style"))}
    return frozenset(n.lower() for n in names if n), frozenset(i.lower() for i in ids if i)


def _squeeze(text: str) -> str:
    return re.sub(r"[\W_]", "", text).lower()


def neutral_style_names(source: DocxSource) -> None:
    """Rename styles an author named ("Amara notes") to "Custom Style 1"; Word's own names stay.

    The style id is often the name without spaces, so it is renamed too, with every reference
    to it (paragraphs, runs, tables, numbering, other styles) and any field code that names it.
    """
    document = source.document
    try:
        styles = document.styles.element
    except (KeyError, AttributeError):
        return
    builtin, builtin_ids = builtin_styles()
    for el in list(styles.iter(qn("w:aliases"))):
        remove(el)
    for el in list(styles.iter(qn("w:lsdException"))):
        if el.get(qn("w:name"), "").lower() not in builtin:
            remove(el)
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for style in styles.iter(qn("w:style")):
        name_el = style.find(qn("w:name"))
        name = name_el.get(W_VAL, "") if name_el is not None else ""
        sid = style.get(qn("w:styleId"), "")
        # Word stores its own styles under English names whatever the language; their ids
        # follow the name (or, in a translated Word, the translated name, renamed harmlessly).
        if name and name.lower() not in builtin and name not in names:
            names[name] = f"Custom Style {len(names) + 1}"
        if name in names:
            name_el.set(W_VAL, names[name])
        if sid and sid.lower() not in builtin_ids and not (name.lower() in builtin and _squeeze(sid) == _squeeze(name)):
            ids[sid] = ids.get(sid) or f"CustomStyle{len(ids) + 1}"
            style.set(qn("w:styleId"), ids[sid])
    if not ids and not names:
        return
    roots = [styles] + [story.root for story in source.stories]
    for reltype in (RT.NUMBERING, RT.SETTINGS):
        try:
            roots.append(document.part.part_related_by(reltype).element)
        except (KeyError, ValueError, AttributeError):
            pass
    for root in roots:
        for el in root.iter(*STYLE_REFERENCES):
            if el.get(W_VAL) in ids:
                el.set(W_VAL, ids[el.get(W_VAL)])
    if names:
        # STYLEREF and TOC \t name styles in their field codes.
        pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.I)
        lower = {k.lower(): v for k, v in names.items()}
        for root in roots:
            for el in root.iter(qn("w:instrText")):
                if el.text:
                    el.text = pattern.sub(lambda m: lower[m.group(0).lower()], el.text)
            for el in root.iter(qn("w:fldSimple")):
                if el.get(qn("w:instr")):
                    el.set(qn("w:instr"), pattern.sub(lambda m: lower[m.group(0).lower()], el.get(qn("w:instr"))))


# -- only the parts the tool understands ---------------------------------------------------

# What goes when a part it points at is dropped: the nearest of these around the reference.
REFERENCE_HOLDERS = {qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:altChunk"), qn("a:ext")}
# Fixed part names; kinds not listed get "/word/<kind><n>.xml".
PART_NAMES = {
    "officeDocument": "/word/document.xml", "core-properties": "/docProps/core.xml",
    "extended-properties": "/docProps/app.xml", "styles": "/word/styles.xml",
    "numbering": "/word/numbering.xml", "settings": "/word/settings.xml",
    "webSettings": "/word/webSettings.xml", "fontTable": "/word/fontTable.xml",
    "footnotes": "/word/footnotes.xml", "endnotes": "/word/endnotes.xml",
}
NUMBERED_NAMES = {
    "theme": "/word/theme/theme{n}.xml", "header": "/word/header{n}.xml", "footer": "/word/footer{n}.xml",
    "chart": "/word/charts/chart{n}.xml", "diagramData": "/word/diagrams/data{n}.xml",
    "diagramLayout": "/word/diagrams/layout{n}.xml", "diagramQuickStyle": "/word/diagrams/quickStyle{n}.xml",
    "diagramColors": "/word/diagrams/colors{n}.xml", "diagramDrawing": "/word/diagrams/drawing{n}.xml",
}
IMAGE_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpeg"}
_SHEET = re.compile(r"('(?:[^']|'')*'|[^'!,()\s]+)!")


def keep_understood(source: DocxSource) -> None:
    """Leave out every part not on the allowlist, remove references to it, clean and rename the rest."""
    package = source.document.part.package
    found = survey(package, source.survey.images)
    for drop in found.drops:
        del drop.owner.rels[drop.rId]
    for kind, part in found.kept:
        if kind == "image":
            cleaned = found.images.get(id(part))
            if cleaned is not None:
                part._blob, part._content_type = cleaned
    neutral_relationship_ids(package, None)
    parts = [source.document.part] + [part for _, part in found.kept if part is not source.document.part]
    for part in parts:
        root = _part_root(source, part)
        if root is None:
            neutral_relationship_ids(part, None)
            continue
        _remove_dangling_references(root, set(part.rels))
        neutral_relationship_ids(part, root)
        # XML comments and processing instructions are never shown; a tool may leave notes in them.
        for node in list(root.iter(etree.Comment, etree.ProcessingInstruction)):
            remove(node)
        if any(part is p for kind, p in found.kept if kind in CHARTS):
            # The chart's workbook is gone; its formulas still name the sheets ("'Amara'!$B$1").
            for el in root.iter("{*}f"):
                if el.text:
                    el.text = _SHEET.sub("Sheet1!", el.text)
    for part in found.parts({"theme"}):
        root = _part_root(source, part)
        if root is not None:  # theme, colour, font and effect scheme names show in Word's Design tab
            for el in root.iter(qn("a:theme"), qn("a:clrScheme"), qn("a:fontScheme"), qn("a:fmtScheme")):
                if el.get("name") is not None:
                    el.set("name", "Office")
    _flush(source)
    counters: dict[str, int] = {}
    for kind, part in found.kept:
        counters[kind] = counters.get(kind, 0) + 1
        n = counters[kind]
        if kind == "image":
            name = f"/word/media/image{n}.{IMAGE_EXTENSIONS.get(part.content_type, 'png')}"
        else:
            name = PART_NAMES.get(kind) or NUMBERED_NAMES.get(kind, f"/word/{kind}{{n}}.xml").format(n=n)
        part.partname = PackURI(name)


def _part_root(source: DocxSource, part: Any) -> Any:
    """The parsed XML of a part, or None for binary parts; byte-only parts are parsed into xml_parts."""
    if isinstance(part, XmlPart):
        return part.element
    if not part.content_type.endswith("xml"):
        return None
    name = str(part.partname).lstrip("/")
    if name not in source.xml_parts:
        try:
            source.xml_parts[name] = parse_xml(part.blob)
        except etree.XMLSyntaxError:
            return None
    return source.xml_parts[name]


def _remove_dangling_references(root: Any, rids: set[str]) -> None:
    """Remove what refers to a relationship the part no longer has, so Word finds nothing missing."""
    found = [el for el in root.iter() if isinstance(el.tag, str)
             and any(a.startswith(R_NS) and el.get(a) not in rids for a in el.attrib)]
    for el in found:
        if el is root or not any(a is root for a in el.iterancestors()):
            continue  # the root itself, or already gone with an element around it
        dangling = [a for a in el.attrib if a.startswith(R_NS) and el.get(a) not in rids]
        if el.tag == qn("w:hyperlink"):
            for a in dangling:  # the link goes, its text stays
                del el.attrib[a]
            continue
        holder = next((a for a in [el, *el.iterancestors()] if a.tag in REFERENCE_HOLDERS), el)
        run = holder.getparent()
        remove(holder)
        if run is not None and run.tag == W_R and all(c.tag == W_RPR for c in run):
            remove(run)


def neutral_relationship_ids(owner: Any, root: Any) -> None:
    """Give relationships an author or a tool named ("rIdAmara") plain ids, and follow them in the XML."""
    rels = owner.rels
    odd = [rId for rId in rels if not re.fullmatch(r"rId\d+", rId)]
    if not odd:
        return
    used, n, mapping = set(rels), 1, {}
    for rId in odd:
        while f"rId{n}" in used:
            n += 1
        mapping[rId] = f"rId{n}"
        used.add(mapping[rId])
    for old, new in mapping.items():
        rel = rels.pop(old)
        rel._rId = new
        rels[new] = rel
        if old in rels.related_parts:
            rels.related_parts[new] = rels.related_parts.pop(old)
    if root is not None:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for attr, value in el.attrib.items():
                if attr.startswith(R_NS) and value in mapping:
                    el.set(attr, mapping[value])


def _flush(source: DocxSource) -> None:
    """Put the parsed byte-only parts back into their parts, so renaming cannot lose them."""
    by_name = {str(part.partname).lstrip("/"): part for part in source.document.part.package.iter_parts()}
    for name, root in source.xml_parts.items():
        part = by_name.get(name)
        if part is not None and not isinstance(part, XmlPart):
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    source.xml_parts.clear()


# -- saving ----------------------------------------------------------------------------------


def save(source: DocxSource, out_path: Path) -> None:
    """Save through python-docx (byte-only parts already put back) and replace atomically."""
    _flush(source)
    buffer = io.BytesIO()
    source.document.save(buffer)
    with atomic_path(out_path) as tmp:
        tmp.write_bytes(buffer.getvalue())
