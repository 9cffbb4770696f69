"""Plain-text and Markdown drafts."""

from __future__ import annotations

import re
from pathlib import Path

from anonymiser.core.document import Document, Segment
from anonymiser.core.errors import InputError
from anonymiser.read.limits import check_text_length

# cp1252 is what Word's "Plain Text" export gives on Windows; we accept it with a warning.
# Anything else that is not UTF-8 must be re-saved, since guessing wrong would garble names.
_MAX_NON_ASCII_SHARE = 0.02
_UTF16_NUL_SHARE = 5  # more than 1 byte in 5 being NUL, on one side, means UTF-16 (ASCII in UTF-16 is 1 in 2)


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 text has a NUL in nearly every other byte, all on one side (odd bytes or even ones).

    A stray NUL in UTF-8 text, or a block of NULs left by damage (which fills both sides), is
    worth a warning, not a reason to call the file UTF-16."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    more, fewer = max(even, odd), min(even, odd)
    return more > len(head) // _UTF16_NUL_SHARE and fewer < more // 4


def decode(path: Path, raw: bytes) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM), or cp1252 with a warning; otherwise fail clearly."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw[:4096]):
        raise InputError(path, "is UTF-16 text, not UTF-8", "Save it as UTF-8 (in Notepad: Save As, Encoding: UTF-8).")
    nuls = raw.count(b"\x00")
    nul_warning = [f"{path.name}: contains {nuls} NUL character(s), ignored when looking for names; check the file is not damaged."] if nuls else []
    try:
        return raw.decode("utf-8-sig"), nul_warning
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        non_ascii = sum(1 for ch in text if ord(ch) > 127)
        if non_ascii <= max(3, _MAX_NON_ASCII_SHARE * len(text)):
            return text, [f"{path.name}: not UTF-8; read as Windows-1252 (cp1252). Check names with accents."]
    raise InputError(path, "is not UTF-8 text", "Save it as UTF-8 (in Word: Save As, Plain Text, Unicode (UTF-8)).")


def read_text(path: Path) -> Document:
    """Segments are paragraphs (blocks between blank lines) that tile the file exactly."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror})", "Check the file's permissions.") from None
    text, warnings = decode(path, raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_text_length(path, text)
    if not text.strip():
        raise InputError(path, "has no text", "Check you exported the right file.")
    segments = []
    line = 1
    # Split after each run of blank lines, so a paragraph keeps its own line breaks (a name
    # broken across a line stays one string for detection).
    for m in re.finditer(r".*?(?:\n[ \t]*\n\s*|\Z)", text, flags=re.S):
        chunk = m.group(0)
        if not chunk:
            continue
        segments.append(Segment(text=chunk, origin=f"line {line}", separator=""))
        line += chunk.count("\n")
    kind = "md" if path.suffix.lower() == ".md" else "txt"
    return Document(path=path, kind=kind, segments=segments, warnings=warnings)
