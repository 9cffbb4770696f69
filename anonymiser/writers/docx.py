"""Write an anonymised .docx: each edit put back into the runs, then every side door closed.

Side doors are the places a Word file keeps text the reader of the page never sees: document
properties, comments, custom XML, document variables, field codes, image names, the
thumbnail. The body's formatting, styles, numbering, tables, headers and footers stay.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Mm
from lxml import etree

from ..document import Document, Edit, apply_edits
from ..readers.docx import (
    PROPERTY_CHANGE_TAGS,
    TEXT_PROPERTIES,
    W_R,
    W_RPR,
    W_T,
    AttributeHandle,
    DocxSource,
    LinkHandle,
    ParagraphHandle,
    PropertyHandle,
    Story,
    load,
    paragraph_atoms,
    paragraph_text,
    qn,
    remove,
    unwrap,
)
from .atomic import atomic_path

# Relationship types (last path component) whose parts go entirely.
PACKAGE_DROPS = {
    "thumbnail",  # a picture of page one
    "custom-properties",  # docProps/custom.xml: any name=value an author or system added
    "webextensiontaskpanes",  # add-ins, which can store their own data
    "origin",  # digital signatures: invalid once the text changes, and they name the signer
}
DOCUMENT_DROPS = {
    "comments", "commentsExtended", "commentsIds", "commentsExtensible",
    "people",  # commenters' and editors' names and account ids
    "customXml",  # data stores, often bound to content controls (a child's name, a DOB)
    "glossaryDocument",  # building blocks and AutoText saved with the file
}
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
        target = next((i for i in covered if atoms[i][0].tag == W_T), None)
        if target is None:
            # Only tabs or breaks were covered: the new text needs a w:t of its own.
            first = atoms[covered[0]][0]
            t = etree.SubElement(first.getparent(), W_T)
            first.addprevious(t)
            t.text = new
            touched.append(t)
        for i in covered:
            el, atom_text = atoms[i]
            if el.tag != W_T:
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
        if el.tag == W_T and starts[i] <= at <= starts[i] + len(atom_text):
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
    _clean_settings(document)
    _clean_app_properties(source)


def _reltype_name(reltype: str) -> str:
    return reltype.rstrip("/").rsplit("/", 1)[-1]


def _drop_rels(owner: Any, names: set[str]) -> None:
    """Forget relationships by type; python-docx then leaves their parts out of the save."""
    for rId, rel in list(owner.rels.items()):
        if _reltype_name(rel.reltype) in names:
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


def rename_bookmarks(roots: list[Any]) -> None:
    """Give bookmarks an author named ("Amara_DOB") neutral names, and fix references to them."""
    names: dict[str, str] = {}
    for root in roots:
        for el in root.iter(qn("w:bookmarkStart")):
            name = el.get(qn("w:name"), "")
            # Names starting "_" are Word's own (_Toc..., _Ref..., _GoBack): not typed by anyone.
            if name and not name.startswith("_") and name not in names:
                names[name] = f"Bookmark{len(names) + 1}"
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
    _drop_rels(part, {"attachedTemplate", "mailMergeSource", "mailMergeHeaderSource", "recipientData"})


def _clean_app_properties(source: DocxSource) -> None:
    """Keep only counts and flags in docProps/app.xml (it names the company and the manager)."""
    package = source.document.part.package
    for rel in package.rels.values():
        if rel.is_external or _reltype_name(rel.reltype) != "extended-properties":
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


# -- saving ----------------------------------------------------------------------------------


def save(source: DocxSource, out_path: Path) -> None:
    """Save through python-docx, swap in the parts it keeps only as bytes, replace atomically."""
    buffer = io.BytesIO()
    source.document.save(buffer)
    overrides = {
        name: etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        for name, root in source.xml_parts.items()
    }
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as zin, atomic_path(out_path) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                data = overrides.get(info.filename)
                zout.writestr(info.filename, data if data is not None else zin.read(info.filename))

