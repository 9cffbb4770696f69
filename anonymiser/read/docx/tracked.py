"""Tracked changes: counted for the refusal, accepted when asked."""

from __future__ import annotations

from typing import Any

from anonymiser.read.docx.ooxml import (
    MOVE_RANGE_TAGS,
    PROPERTY_CHANGE_TAGS,
    REVISION_TAGS,
    W_P,
    W_PPR,
    W_RPR,
    W_TC,
    W_TR,
    qn,
    remove,
    unwrap,
)


def _is_mark(el: Any) -> bool:
    """A revision that marks a paragraph mark, row or cell rather than wrapping runs."""
    parent = el.getparent()
    return parent is not None and parent.tag in (W_RPR, qn("w:trPr"), qn("w:tcPr"))


def count_revisions(root: Any) -> int:
    """Tracked insertions, deletions and moves, counted roughly as Word lists them."""
    count = 0
    for el in root.iter(*REVISION_TAGS, qn("w:cellIns"), qn("w:cellDel")):
        if not _is_mark(el):
            count += 1
            continue
        # A paragraph-mark change usually comes with run changes in the same paragraph;
        # count it only when it stands alone (a paragraph joined or split, say).
        holder = el.getparent().getparent()
        if holder.tag == W_PPR:
            p = holder.getparent()
            if any(not _is_mark(r) for r in p.iter(*REVISION_TAGS)):
                continue
        count += 1
    return count


def accept_revisions(root: Any) -> None:
    """Accept every tracked change: deleted text goes, inserted text stays, marks vanish."""
    merged_paragraphs = []
    for el in list(root.iter(qn("w:del"), qn("w:moveFrom"))):
        if not _is_mark(el):
            remove(el)
            continue
        holder = el.getparent().getparent()
        if holder.tag == W_PPR:
            merged_paragraphs.append(holder.getparent())
        elif holder.tag == W_TR:
            remove(holder)  # a deleted table row
        remove(el)
    for el in list(root.iter(qn("w:cellDel"))):
        cell = el.getparent().getparent()
        remove(cell if cell.tag == W_TC else el)
    # A deleted paragraph mark joins the paragraph to the next; go backwards so chains join.
    for p in reversed(merged_paragraphs):
        following = p.getnext()
        if p.getparent() is None or following is None or following.tag != W_P:
            continue
        index = 1 if following.find(W_PPR) is not None else 0
        for child in [c for c in p if c.tag != W_PPR]:
            following.insert(index, child)
            index += 1
        remove(p)
    for el in list(root.iter(qn("w:ins"), qn("w:moveTo"))):
        if _is_mark(el):
            remove(el)
        else:
            unwrap(el)
    for el in list(root.iter(qn("w:cellIns"), *MOVE_RANGE_TAGS, *PROPERTY_CHANGE_TAGS)):
        remove(el)
