"""A paragraph's text: the text of its own runs, whatever Word split them into."""

from __future__ import annotations

from typing import Any

from anonymiser.read.docx.ooxml import ATOM_TEXT, W_P, W_RT, W_TXBX


def owner_paragraph(el: Any, owners: tuple[str, ...] = (W_P, W_RT)) -> Any:
    """The nearest w:p (or ruby text) above `el`, or None if a text box boundary comes first."""
    node = el.getparent()
    while node is not None:
        if node.tag in owners:
            return node
        if node.tag == W_TXBX:
            return None
        node = node.getparent()
    return None


def paragraph_atoms(p: Any) -> list[tuple[Any, str]]:
    """The text-bearing elements of a paragraph's own runs, in order, with their text."""
    atoms = []
    for el in p.iter(*ATOM_TEXT):
        if owner_paragraph(el) is not p:
            continue  # text of a text box anchored in this paragraph
        fixed = ATOM_TEXT[el.tag]
        text = (el.text or "") if fixed is None else fixed
        if text:
            atoms.append((el, text))
    return atoms


def paragraph_text(p: Any) -> str:
    """A paragraph's visible text, its runs joined."""
    return "".join(text for _, text in paragraph_atoms(p))
