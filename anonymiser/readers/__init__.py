"""Read a draft (txt, md, docx, pdf) into a Document."""

from __future__ import annotations

from pathlib import Path

from ..document import Document
from ..errors import InputError

SUPPORTED = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 200 * 1024 * 1024  # far beyond any review; a bigger file is almost certainly not one


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


def read_document(path: Path | str, *, accept_tracked_changes: bool = False,
                  password: str | None = None) -> Document:
    """Read any supported draft; bad input raises InputError naming the file and the fix."""
    path = Path(path)
    check_input_file(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        from .text import read_text

        return read_text(path)
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(path, accept_tracked_changes=accept_tracked_changes)
    from .pdf import read_pdf

    return read_pdf(path, password=password)
