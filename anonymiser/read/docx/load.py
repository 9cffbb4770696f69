"""Reading a checked package: parse it, apply the reading rules, list the segments and the notes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from anonymiser.core.document import Document, Segment
from anonymiser.core.errors import InputError
from anonymiser.read.docx.hidden import hidden_style_ids, remove_hidden_text
from anonymiser.read.docx.ooxml import MC_FALLBACK, qn, reltype_name, xml_root
from anonymiser.read.docx.package import check_package
from anonymiser.read.docx.parts import CHARTS, EMBEDDED, drop_warnings, survey
from anonymiser.read.docx.source import DocxSource
from anonymiser.read.docx.stories import find_stories, graphics_segments, story_segments
from anonymiser.read.docx.tracked import accept_revisions, count_revisions


def read_docx(path: Path, accept_tracked_changes: bool = False, data: bytes | None = None) -> Document:
    """Read a .docx draft into segments; bad, encrypted or oversized files raise InputError.

    `data` is the package when it is not the file's own bytes (a draft LibreOffice converted);
    `path` still names the draft in every message."""
    path = Path(path)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(path, f"cannot be read ({exc.strerror})", "Check the file's permissions.") from None
    check_package(path, data)
    source, segments, notes = load(path, data, accept_tracked_changes)
    warnings = [f"{path.name}: {note}" for note in notes]
    return Document(path=path, kind="docx", segments=segments, warnings=warnings, source=source,
                    embedded=source.embedded)


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
    _standard_core_properties(document)
    try:
        return _read(path, data, accept_tracked_changes, document)
    except InputError:
        raise
    except Exception as exc:  # malformed parts surface lazily, as XML or lookup errors
        raise InputError(path, f"is damaged ({_brief(exc)})",
                         "Open it in Word (which may repair it), save it and try again.") from None


def _standard_core_properties(document: Any) -> None:
    """Give the document properties their standard relationship type.

    LibreOffice writes the type as ".../officedocument/2006/relationships/metadata/core-properties".
    python-docx looks only for the standard one, so it would not read those properties (title,
    author, keywords) and would add a second, empty set beside them, while the original set went
    into the output untouched, under the same part name."""
    for rel in document.part.package.rels.values():
        if (not rel.is_external and reltype_name(rel.reltype) == "core-properties"
                and rel.reltype != RT.CORE_PROPERTIES):
            rel._reltype = RT.CORE_PROPERTIES


def _read(path: Path, data: bytes, accept_tracked_changes: bool,
          document: Any) -> tuple[DocxSource, list[Segment], list[str]]:
    source = DocxSource(data=data, accept_tracked_changes=accept_tracked_changes, document=document)
    source.stories = find_stories(document, source.xml_parts)
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

    hidden_styles = hidden_style_ids(document)
    hidden = sum(remove_hidden_text(s.root, hidden_styles) for s in source.stories)
    if hidden:
        notes.append(f"removed {hidden} passage{'s' if hidden != 1 else ''} of hidden text")

    objects = sum(count_embedded_objects(s.root) for s in source.stories)
    if objects:
        plural = "s" if objects != 1 else ""
        notes.append(f"{objects} picture{plural} cannot be checked (text inside a picture is not read); "
                     "review them by hand")
    notes += drop_warnings(source.survey, _orphans(data, document))
    # A chart's workbook is not counted: the chart and its text are kept, anonymised.
    source.embedded = objects + sum(1 for drop in source.survey.drops
                                    if drop.kind in EMBEDDED and not drop.quiet and drop.owner_kind not in CHARTS)

    comments = _count_comments(document)
    if comments:
        notes.append(f"{comments} comment{'s' if comments != 1 else ''} will be removed from the output")

    segments = story_segments(document, source.stories)
    segments += graphics_segments(source)
    return source, segments, notes


# -- counts for warnings ---------------------------------------------------------------------


def _orphans(data: bytes, document: Any) -> int:
    """Zip members that no relationship reaches: never loaded, so never written out."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = {n for n in zf.namelist() if not n.endswith("/")}
    loaded = {str(part.partname).lstrip("/") for part in document.part.package.iter_parts()}
    return sum(1 for n in names - loaded if n != "[Content_Types].xml" and not n.endswith(".rels"))


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
                root = xml_root(rel.target_part, {})
            except etree.XMLSyntaxError:
                return 0
            return sum(1 for _ in root.iter(qn("w:comment")))
    return 0
