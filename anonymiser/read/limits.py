"""The kinds of draft the tool reads and the most it takes from one; one clear line refuses any other."""

from __future__ import annotations

from pathlib import Path

from anonymiser.core.errors import InputError
from anonymiser.read.convert import CONVERTED

SUPPORTED = (".txt", ".md", ".docx", ".pdf")  # read by the tool itself; CONVERTED ones through LibreOffice
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
    if path.suffix.lower() not in SUPPORTED and path.suffix.lower() not in CONVERTED:
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
