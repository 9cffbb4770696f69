"""Hidden text: deleted from the parsed copy, so it never reaches detection or the output."""

from __future__ import annotations

from typing import Any

from anonymiser.read.docx.ooxml import ATOM_TEXT, W_P, W_PPR, W_R, W_RPR, W_TXBX, W_VAL, qn, remove
from anonymiser.read.docx.paragraphs import owner_paragraph, paragraph_text


def _vanish(rpr: Any) -> bool | None:
    """True/False if run properties set hidden text explicitly, None if they don't say."""
    if rpr is None:
        return None
    el = rpr.find(qn("w:vanish"))
    if el is None:
        return None
    return el.get(W_VAL, "true").lower() not in ("0", "false", "off")


def hidden_style_ids(document: Any) -> set[str]:
    """Ids of paragraph and character styles that hide text, following `basedOn` chains."""
    try:
        styles_root = document.styles.element
    except (KeyError, AttributeError):
        return set()
    own: dict[str, bool | None] = {}
    parent: dict[str, str] = {}
    for style in styles_root.iter(qn("w:style")):
        sid = style.get(qn("w:styleId"))
        if not sid or style.get(qn("w:type")) not in ("paragraph", "character"):
            continue
        own[sid] = _vanish(style.find(W_RPR))
        based = style.find(qn("w:basedOn"))
        if based is not None and based.get(W_VAL):
            parent[sid] = based.get(W_VAL)

    def hidden(sid: str) -> bool:
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            if own.get(sid) is not None:
                return bool(own[sid])
            sid = parent.get(sid, "")
        return False

    return {sid for sid in own if hidden(sid)}


def _style_of(props: Any, tag: str) -> str | None:
    if props is None:
        return None
    el = props.find(qn(tag))
    return el.get(W_VAL) if el is not None else None


def _run_hidden(run: Any, hidden_styles: frozenset[str] | set[str]) -> bool:
    rpr = run.find(W_RPR)
    direct = _vanish(rpr)
    if direct is not None:
        return direct
    style = _style_of(rpr, "w:rStyle")
    if style is not None and style in hidden_styles:
        return True
    p = owner_paragraph(run, (W_P,))
    if p is not None:
        pstyle = _style_of(p.find(W_PPR), "w:pStyle")
        return pstyle is not None and pstyle in hidden_styles
    return False


def remove_hidden_text(root: Any, hidden_styles: frozenset[str] | set[str] = frozenset()) -> int:
    """Delete runs formatted as hidden text; returns how many stretches went."""
    removed = 0
    for run in list(root.iter(W_R)):
        if not _run_hidden(run, hidden_styles):
            continue
        fld = run.find(qn("w:fldChar"))
        if fld is None and run.find(qn("w:instrText")) is None:
            had_text = any(True for _ in run.iter(*ATOM_TEXT, W_TXBX, qn("w:drawing"), qn("w:pict")))
            remove(run)
        else:
            # Keep field structure intact so the field stays balanced; drop what shows.
            had_text = False
            for child in list(run):
                if child.tag in ATOM_TEXT or child.tag in (qn("w:drawing"), qn("w:pict"), qn("w:sym")):
                    had_text = True
                    remove(child)
        if had_text:
            removed += 1
    # A paragraph whose mark is hidden too disappears entirely in Word; drop it if now empty.
    for p in list(root.iter(W_P)):
        ppr = p.find(W_PPR)
        if ppr is None or not _vanish(ppr.find(W_RPR)):
            continue
        if paragraph_text(p) or p.find(f".//{W_R}") is not None:
            continue
        parent = p.getparent()
        if parent is not None and sum(1 for c in parent if c.tag == W_P) > 1:
            remove(p)
    return removed
