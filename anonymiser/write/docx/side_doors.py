"""Closing the side doors: the places a Word file keeps text the reader of the page never sees."""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from anonymiser.read.docx import (
    DOCUMENT_DROPS,
    PACKAGE_DROPS,
    PROPERTY_CHANGE_TAGS,
    SETTINGS_DROPS,
    W_R,
    W_RPR,
    DocxSource,
    qn,
    reltype_name,
    remove,
    unwrap,
)
from anonymiser.write.docx.names import neutral_style_names, rename_bookmarks
from anonymiser.write.docx.parts import keep_understood

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


def _coarsen_times(properties: Any) -> None:
    """Keep the document's dates no finer than the text's: created and modified to their month.

    An exact creation or print time is a day-date like any other (often the day of a meeting
    about the family), and the revision count tells how long the draft was worked on.
    """
    for name in ("created", "modified"):
        when = getattr(properties, name)
        if when is not None:
            setattr(properties, name, when.replace(day=1, hour=0, minute=0, second=0, microsecond=0))
    properties._element._remove_lastPrinted()
    properties.revision = 1


def close_side_doors(source: DocxSource) -> None:
    """Remove or neutralise everything that carries text outside the visible page."""
    document = source.document
    properties = document.core_properties
    for name in CLEARED_PROPERTIES:
        setattr(properties, name, "")
    _coarsen_times(properties)
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
