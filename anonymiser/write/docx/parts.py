"""Only the parts the tool understands: the rest left out, references to them removed, the kept ones
cleaned and given neutral names."""

from __future__ import annotations

import re
from typing import Any

from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml.parser import parse_xml
from lxml import etree

from anonymiser.read.docx import CHARTS, W_R, W_RPR, DocxSource, qn, remove, survey
from anonymiser.write.docx.names import R_NS, neutral_relationship_ids

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
    flush(source)
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


def flush(source: DocxSource) -> None:
    """Put the parsed byte-only parts back into their parts, so renaming cannot lose them."""
    by_name = {str(part.partname).lstrip("/"): part for part in source.document.part.package.iter_parts()}
    for name, root in source.xml_parts.items():
        part = by_name.get(name)
        if part is not None and not isinstance(part, XmlPart):
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    source.xml_parts.clear()
