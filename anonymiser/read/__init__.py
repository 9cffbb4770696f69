"""Stage 1, read. Enters: a draft's path (txt, md, docx, pdf; doc, odt and rtf through LibreOffice). Leaves: a Document, a sequence of
segments that each know where they came from. Refuses bad input with one clear line."""

from __future__ import annotations

from pathlib import Path

from anonymiser.core.document import Document
from anonymiser.read.limits import CONVERTED, check_input_file, check_text_length


def read_document(path: Path | str, *, accept_tracked_changes: bool = False,
                  password: str | None = None) -> Document:
    """Read any supported draft; bad input raises InputError naming the file and the fix."""
    path = Path(path)
    check_input_file(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        from anonymiser.read.text import read_text

        return read_text(path)  # checks the length itself, before splitting the text
    if suffix == ".docx":
        from anonymiser.read.docx import read_docx

        doc = read_docx(path, accept_tracked_changes=accept_tracked_changes)
    elif suffix in CONVERTED:
        from anonymiser.read.convert import converted_docx
        from anonymiser.read.docx import read_docx

        # Read like any Word draft, from the converted bytes; messages still name the draft.
        doc = read_docx(path, accept_tracked_changes=accept_tracked_changes, data=converted_docx(path))
        doc.converted_from = suffix.lstrip(".")
    else:
        from anonymiser.read.pdf import read_pdf
        from anonymiser.read.pdf_pictures import count_pictures

        doc = read_pdf(path, password=password)
        doc.embedded = count_pictures(path, password)
        if doc.embedded:
            plural = "s" if doc.embedded != 1 else ""
            doc.warnings.append(f"{path.name}: {doc.embedded} picture{plural} cannot be checked (text inside a "
                                "picture is not read, and pictures are not carried into the output); check them "
                                "in the original by hand")
    check_text_length(path, doc.text)
    return doc
