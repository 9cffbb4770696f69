"""Stage 1, read. Enters: a draft's path (txt, md, docx, pdf). Leaves: a Document, a sequence of
segments that each know where they came from. Refuses bad input with one clear line."""

from __future__ import annotations

from pathlib import Path

from anonymiser.core.document import Document
from anonymiser.core.errors import InputError

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 200 * 1024 * 1024  # far beyond any review; a bigger file is almost certainly not one
# The most text the tool takes from one draft: five times a 300-page review (about 100,000
# words), and small enough that a run stays within 1.5 GB of memory.
MAX_CHARACTERS = 3_000_000
MAX_WORDS_ABOUT = 500_000  # what MAX_CHARACTERS is in words of ordinary prose, for the message
_MAX_UTF8_BYTES_PER_CHARACTER = 4


def too_long(path: Path, characters: int | None = None) -> InputError:
    """The one-line refusal of a draft with more text than the tool takes."""
    size = f"has {characters:,} characters of text" if characters is not None else "holds more text"
    return InputError(path, f"{size}, over the limit of {MAX_CHARACTERS:,} characters (about {MAX_WORDS_ABOUT:,} words)",
                      "Split the draft into parts and run each part.")


def check_text_length(path: Path, text: str) -> None:
    """Refuse a draft whose text is longer than MAX_CHARACTERS."""
    if len(text) > MAX_CHARACTERS:
        raise too_long(path, len(text))


def check_input_file(path: Path) -> None:
    """Missing, unreadable, empty, huge or unsupported files fail here with one clear line."""
    if not path.exists():
        raise InputError(path, "file not found", "Check the name and folder.")
    if not path.is_file():
        raise InputError(path, "is not a file", "Give a .txt, .md, .docx or .pdf file, or a folder for a batch.")
    if path.suffix.lower() not in SUPPORTED:
        raise InputError(path, f"'{path.suffix or 'no extension'}' files are not supported",
                         "Save the draft as .docx, .pdf, .txt or .md.")
    try:
        size = path.stat().st_size
        with path.open("rb"):
            pass
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})", "Check the file's permissions.") from None
    if size == 0:
        raise InputError(path, "is empty", "Check you exported the right file.")
    if size > MAX_BYTES:
        raise InputError(path, f"is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit",
                         "Split the draft into parts.")
    if path.suffix.lower() in (".txt", ".md") and size > MAX_CHARACTERS * _MAX_UTF8_BYTES_PER_CHARACTER:
        raise too_long(path)  # no decoding can bring it under the limit, so it is not read at all


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
    else:
        from anonymiser.read.pdf import read_pdf

        doc = read_pdf(path, password=password)
    check_text_length(path, doc.text)
    return doc
