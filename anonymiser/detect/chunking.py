"""Cut a long text into overlapping pieces the NER can take."""

from __future__ import annotations

from typing import Iterator

# spaCy's own limit is 1,000,000 characters, and its memory grows with the text, so long
# drafts are analysed in chunks cut at paragraph breaks.
CHUNK_CHARS = 20_000
OVERLAP = 200  # a mention cut by a chunk boundary is seen whole by one of the two chunks


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of `text`, cut at paragraph or line breaks, overlapping slightly."""
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:  # one long line: cut between words at least
                cut = text.rfind(" ", start + size // 2, end)
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        if end >= n:
            break
        # Begin the next chunk a little before the cut, at a line or word start, so nothing
        # straddles the cut unseen.
        lo = max(start + 1, end - OVERLAP)
        line = text.find("\n", lo, end - 1)
        back = line if line >= 0 else text.find(" ", lo, end - 1)
        start = back + 1 if back > start else end
