"""The pictures a PDF draft holds: counted, since their content (a photo, a scanned letter) is never read.

The Word document made from a PDF carries only its text, so a picture never reaches the output;
but a name or an address inside it is not anonymised either, and the reviewer is told to look.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

MAX_DEPTH = 8  # forms inside forms; a deeper (or looping) nesting is not followed further


def count_pictures(path: Path, password: str | None = None) -> int:
    """Image XObjects on the PDF's pages, each counted once per page, forms followed; 0 if unreadable."""
    from pypdf import PdfReader

    from anonymiser.read.pdf.reader import quiet  # the reader's own silencing of the PDF libraries' logs

    try:
        with quiet():
            reader = PdfReader(path)
            if reader.is_encrypted:
                reader.decrypt(password or "")
            return sum(_images(page.get("/Resources"), set(), 0) for page in reader.pages)
    except Exception:  # noqa: BLE001 - the reader has already accepted the file; a count is only advice
        return 0


def _images(resources: Any, seen: set[int], depth: int) -> int:
    resources = resources.get_object() if resources is not None else None
    if not resources or depth > MAX_DEPTH or "/XObject" not in resources:
        return 0
    count = 0
    for ref in resources["/XObject"].get_object().values():
        obj = ref.get_object()
        key = id(obj) if not hasattr(ref, "idnum") else ref.idnum
        if key in seen:
            continue
        seen.add(key)
        subtype = obj.get("/Subtype")
        if subtype == "/Image":
            count += 1
        elif subtype == "/Form":
            count += _images(obj.get("/Resources"), seen, depth + 1)
    return count
