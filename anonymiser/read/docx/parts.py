"""Which parts of a Word package the tool understands: an allowlist, and a name for every drop.

A relationship is followed only when its type is listed for the kind of part it starts from;
every other part (macros, OLE objects, imported HTML, ActiveX controls, embedded workbooks,
unknown custom parts) is left out of the output, and the reader warns about it. Images are
kept only as raster pictures whose metadata can be removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from anonymiser.read.docx.images import clean_image
from anonymiser.read.docx.ooxml import reltype_name, rid_order

# Side doors the writer closes on purpose, quietly: their content is never published.
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
    "stylesWithEffects",  # Word 2010's second copy of the styles, rebuilt by Word
}
SETTINGS_DROPS = {"attachedTemplate", "mailMergeSource", "mailMergeHeaderSource", "recipientData",
                  "printerSettings"}  # the printer's driver data, often naming the printer or server
QUIET = PACKAGE_DROPS | DOCUMENT_DROPS | SETTINGS_DROPS

# Parts whose text the reader reads and the writer edits (or that hold only layout).
STORIES = {"officeDocument", "header", "footer", "footnotes", "endnotes"}
CHARTS = {"chart"}
DIAGRAMS = {"diagramData", "diagramDrawing"}  # the two SmartArt parts that hold its text
DIAGRAM_LAYOUT = {"diagramLayout", "diagramQuickStyle", "diagramColors"}
GRAPHICS = CHARTS | DIAGRAMS | DIAGRAM_LAYOUT
IN_STORY = {"image"} | GRAPHICS
ALLOWED: dict[str, set[str]] = {
    "package": {"officeDocument", "core-properties", "extended-properties"},
    "officeDocument": {"styles", "numbering", "settings", "webSettings", "fontTable", "theme",
                       "header", "footer", "footnotes", "endnotes"} | IN_STORY,
    "header": IN_STORY, "footer": IN_STORY, "footnotes": IN_STORY, "endnotes": IN_STORY,
    "chart": {"image"}, "diagramData": {"image"}, "diagramDrawing": {"image"},
    "numbering": {"image"},  # picture bullets
    "theme": {"image"},  # picture fills
}
# Addresses outside the file survive only where the reader reads (and so anonymises) them.
EXTERNAL_ALLOWED = {"hyperlink", "image"}
# Chart formatting Word keeps for re-styling: no text, but not needed either.
CHART_STYLES = {"chartStyle", "chartColorStyle", "themeOverride"}

# What a dropped part is called in a warning: (one, several). Keyed by relationship type.
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "aFChunk": ("an imported chunk of another document (altChunk)", "imported chunks of other documents (altChunk)"),
    "vbaProject": ("a macro project (VBA)", "macro projects (VBA)"),
    "oleObject": ("an embedded object (OLE)", "embedded objects (OLE)"),
    "package": ("an embedded file (a workbook or another document)", "embedded files (workbooks or other documents)"),
    "control": ("an ActiveX control", "ActiveX controls"),
    "font": ("an embedded font", "embedded fonts"),
    "image": ("a picture (a vector drawing such as EMF or SVG, or damaged)",
              "pictures (vector drawings such as EMF or SVG, or damaged)"),
}
# Drops that are embedded objects or pictures, whose content the reader cannot check (counted
# for the run summary and the index beside the pictures the output keeps).
EMBEDDED = {"aFChunk", "oleObject", "package", "control", "image"}
UNKNOWN = ("a part of a kind the tool does not understand", "parts of kinds the tool does not understand")


@dataclass(eq=False)
class Drop:
    """One relationship the output leaves out; `kind` is its type's last path component."""

    owner: Any  # a Part, or the package
    rId: str
    kind: str
    quiet: bool
    owner_kind: str = ""  # the kind of part it hung from: "chart" for a chart's workbook


@dataclass(eq=False)
class Survey:
    """The package as the output will hold it: kept parts by kind, and the drops."""

    kept: list[tuple[str, Any]] = field(default_factory=list)  # (kind, part), package order
    drops: list[Drop] = field(default_factory=list)
    images: dict[int, tuple[bytes, str] | None] = field(default_factory=dict)  # id(part) -> cleaned

    def parts(self, kinds: set[str]) -> list[Any]:
        return [part for kind, part in self.kept if kind in kinds]


def survey(package: Any, images: dict[int, tuple[bytes, str] | None] | None = None) -> Survey:
    """Walk the package from its root, keeping only allowlisted relationships.

    `images` is an earlier survey's cleaned pictures of the same parsed package, reused.
    """
    result = Survey(images=dict(images or {}))
    seen: set[int] = set()
    queue: list[tuple[str, Any]] = [("package", package)]
    while queue:
        kind, owner = queue.pop(0)
        for rId, rel in sorted(owner.rels.items(), key=lambda item: rid_order(item[0])):
            name = reltype_name(rel.reltype)
            if rel.is_external:
                keep = kind in STORIES and name in EXTERNAL_ALLOWED
            else:
                keep = name in ALLOWED.get(kind, set())
                if keep and name == "image":
                    keep = _image(result, rel.target_part) is not None
                elif keep:  # a listed kind must also be XML: a theme that is really a binary is not a theme
                    keep = _is_xml(rel.target_part)
            if not keep:
                result.drops.append(Drop(owner, rId, name, name in QUIET, kind))
                continue
            if rel.is_external or id(rel.target_part) in seen:
                continue
            seen.add(id(rel.target_part))
            result.kept.append((name, rel.target_part))
            queue.append((name, rel.target_part))
    return result


def _is_xml(part: Any) -> bool:
    """An XML content type, and (for parts python-docx keeps as bytes) XML that parses."""
    content_type = part.content_type
    if not (content_type.endswith("+xml") or content_type in ("application/xml", "text/xml")):
        return False
    if hasattr(part, "element"):
        return True  # parsed by python-docx already
    try:
        etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return False
    return True


def _image(result: Survey, part: Any) -> tuple[bytes, str] | None:
    if id(part) not in result.images:
        result.images[id(part)] = clean_image(part.blob, part.content_type)
    return result.images[id(part)]


def drop_warnings(found: Survey, orphans: int = 0) -> list[str]:
    """One line per kind of part left out, for a publication officer."""
    counts: dict[tuple[str, str], int] = {}
    chart_styles = workbooks = 0
    for drop in found.drops:
        if drop.kind in CHART_STYLES:
            chart_styles += 1
        elif drop.owner_kind in CHARTS and drop.kind == "package":
            workbooks += 1
        elif not drop.quiet:
            names = DESCRIPTIONS.get(drop.kind, UNKNOWN)
            counts[names] = counts.get(names, 0) + 1
    lines = []
    for (one, several), n in counts.items():
        what = one if n == 1 else f"{n} {several}"
        lines.append(f"removed {what} that cannot be checked: review the original by hand")
    if workbooks:
        lines.append(f"removed the spreadsheet{'s' if workbooks != 1 else ''} behind {workbooks} "
                     f"chart{'s' if workbooks != 1 else ''}: the charts and their text are kept, anonymised")
    if chart_styles:
        lines.append("left out the style and colour settings Word keeps for re-styling charts "
                     "(the charts and their text are kept)")
    if orphans:
        lines.append(f"removed {orphans} file{'s' if orphans != 1 else ''} stored inside the document that "
                     "nothing in it uses: review the original by hand")
    return lines
