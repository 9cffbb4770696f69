"""The OOXML vocabulary: namespaces, tag names, relationship type names, and the two element edits
every pass makes (remove, unwrap)."""

from __future__ import annotations

from typing import Any

from docx.opc.part import Part, XmlPart
from docx.oxml.parser import parse_xml

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


def reltype_name(reltype: str) -> str:
    return reltype.rstrip("/").rsplit("/", 1)[-1]


def rid_order(rId: str) -> tuple[int, str]:
    """Sort key of a relationship id: "rId2" before "rId10"."""
    digits = "".join(ch for ch in rId if ch.isdigit())
    return (int(digits) if digits else 0, rId)


def xml_root(part: Part, xml_parts: dict[str, Any]) -> Any:
    """The parsed XML of a part; byte-only parts are parsed once and remembered for the writer."""
    if isinstance(part, XmlPart):
        return part.element
    name = str(part.partname).lstrip("/")
    if name not in xml_parts:
        xml_parts[name] = parse_xml(part.blob)
    return xml_parts[name]


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
