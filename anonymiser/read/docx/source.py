"""What a read leaves for the writer: a handle per segment to put its new text back, and the parsed package."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.opc.part import Part

from anonymiser.read.docx.parts import Survey


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
    embedded: int = 0  # pictures kept and objects dropped whose content cannot be checked
