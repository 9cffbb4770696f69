"""Running headers and footers: lines repeated at the top or bottom of most pages.

They are taken out of every page, the first included, and kept once as their own segments, so
detection still sees a header that names the child (and the writer leaves them out). Lines that
differ only in their numbers are one running line if the numbers follow the pages ("Page 3 of
9"); a line at the top of one page only (a date opening a chronology page) stays body text.
"""

from __future__ import annotations

import re

from anonymiser.read.pdf.layout import Line

ZONE = 3  # lines at the top and bottom of a page that may be a running header or footer


def _key(text: str) -> str:
    """Compare lines ignoring numbers, so "Page 3 of 9" matches "Page 4 of 9"."""
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def _zone(lines: list[Line]) -> int:
    """How many lines at each end of a page may be running heads (fewer on a sparse page)."""
    return max(1, min(ZONE, len(lines) // 3))


def _page_numbered(occurrences: list[tuple[int, str]]) -> bool:
    """Do lines that differ only in numbers carry the page number (at a fixed offset)?"""
    offsets: set[int] | None = None
    for page, text in occurrences:
        here = {int(n) - page for n in re.findall(r"\d{1,5}", text)}
        offsets = here if offsets is None else offsets & here
        if not offsets:
            return False
    return True


def split_running(pages: list[list[Line]], largest: float) -> tuple[list[Line], list[Line], list[list[Line]]]:
    """The running headers and footers (each once), and each page's lines without them.

    A line in type larger than `largest` (a heading: "2. Background" opening page 2) is never one.
    """
    if len(pages) < 2:
        return [], [], pages
    seen: dict[str, dict[int, str]] = {}
    for number, lines in enumerate(pages, start=1):
        zone = _zone(lines)
        for line in lines[:zone] + lines[-zone:]:
            if line.size <= largest:
                seen.setdefault(_key(line.text), {}).setdefault(number, line.text)
    need = max(2, len(pages) // 2 + 1)
    repeated = set()
    for key, found in seen.items():
        if len(found) < need:
            continue
        # The same words on most pages is a running head; words that change only in their
        # numbers are one if the numbers follow the pages.
        if len(set(found.values())) == 1 or _page_numbered(sorted(found.items())):
            repeated.add(key)
    headers: dict[str, Line] = {}
    footers: dict[str, Line] = {}
    body = []
    for lines in pages:
        zone = _zone(lines)
        keep = []
        for i, line in enumerate(lines):
            key = _key(line.text)
            at_top, at_bottom = i < zone, i >= len(lines) - zone
            if key in repeated and (at_top or at_bottom):
                if key not in headers and key not in footers:
                    (headers if at_top else footers)[key] = line
                continue
            keep.append(line)
        body.append(keep)
    return list(headers.values()), list(footers.values()), body
