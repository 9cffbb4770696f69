"""Word .docx drafts: every place text can hide, each paragraph read whole.

A paragraph is one segment however Word split it into runs, so a name typed as "Am" + "ara"
is one string to detection. Besides the body and its tables the reader covers headers and
footers of every section, footnotes, endnotes, text boxes, content controls, the text-bearing
core properties, image alt text, WordArt/watermark text and hyperlink addresses.

Reading also changes the parsed copy: hidden text is deleted (it never reaches detection or
the output) and, when asked, tracked changes are accepted. `write_docx` starts from a fresh
parse of the same bytes, so it sees exactly what detection saw.
"""

from anonymiser.read.docx.load import load, read_docx
from anonymiser.read.docx.ooxml import (
    PROPERTY_CHANGE_TAGS,
    TEXT_TAGS,
    W_R,
    W_RPR,
    W_T,
    W_VAL,
    qn,
    reltype_name,
    remove,
    unwrap,
)
from anonymiser.read.docx.paragraphs import paragraph_atoms, paragraph_text
from anonymiser.read.docx.parts import CHARTS, DOCUMENT_DROPS, PACKAGE_DROPS, SETTINGS_DROPS, survey
from anonymiser.read.docx.source import (
    AttributeHandle,
    DocxSource,
    LinkHandle,
    ParagraphHandle,
    PropertyHandle,
    Story,
    TextHandle,
)
from anonymiser.read.docx.stories import TEXT_PROPERTIES

__all__ = [
    "CHARTS", "DOCUMENT_DROPS", "PACKAGE_DROPS", "PROPERTY_CHANGE_TAGS", "SETTINGS_DROPS", "TEXT_PROPERTIES",
    "TEXT_TAGS", "W_R", "W_RPR", "W_T", "W_VAL", "AttributeHandle", "DocxSource", "LinkHandle", "ParagraphHandle",
    "PropertyHandle", "Story", "TextHandle", "load", "paragraph_atoms", "paragraph_text", "qn", "read_docx",
    "reltype_name", "remove", "survey", "unwrap",
]
