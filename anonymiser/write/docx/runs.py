"""Putting edits into a paragraph's runs, each run keeping its formatting."""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from anonymiser.core.document import Edit, apply_edits
from anonymiser.read.docx import TEXT_TAGS, W_R, W_RPR, W_T, paragraph_atoms, paragraph_text, remove

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def xml_safe(text: str) -> str:
    """Drop characters XML cannot hold (control characters from PDF extraction, say)."""
    return _XML_INVALID.sub("", text)


def edit_paragraph(p: Any, text: str, edits: list[Edit]) -> None:
    """Apply edits to a paragraph's runs.

    An edit spanning several runs puts its replacement into the first run it touches (keeping
    that run's formatting) and removes the covered text from the others.
    """
    edits = [Edit(e.start, e.end, xml_safe(e.new)) for e in edits]
    atoms = paragraph_atoms(p)
    starts, pos = [], 0
    for _, atom_text in atoms:
        starts.append(pos)
        pos += len(atom_text)
    if pos != len(text):
        raise ValueError("paragraph text does not match its segment")
    expected = apply_edits(text, edits)
    touched: list[Any] = []
    # Right to left, so offsets of atoms not yet edited stay valid.
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        new = edit.new
        covered = [i for i, (_, t) in enumerate(atoms) if starts[i] < edit.end and starts[i] + len(t) > edit.start]
        if not covered:
            _insert(p, atoms, starts, edit.start, new, touched)
            continue
        target = next((i for i in covered if atoms[i][0].tag in TEXT_TAGS), None)
        if target is None:
            # Only tabs or breaks were covered: the new text needs a w:t of its own.
            first = atoms[covered[0]][0]
            t = etree.SubElement(first.getparent(), W_T)
            first.addprevious(t)
            t.text = new
            touched.append(t)
        for i in covered:
            el, atom_text = atoms[i]
            if el.tag not in TEXT_TAGS:
                remove(el)
                continue
            lo = max(edit.start, starts[i]) - starts[i]
            hi = min(edit.end, starts[i] + len(atom_text)) - starts[i]
            current = el.text or ""
            el.text = current[:lo] + (new if i == target else "") + current[hi:]
            touched.append(el)
    for el in touched:
        _tidy(el)
    if paragraph_text(p) != expected:
        raise RuntimeError("edits did not land as planned in a paragraph")


def _insert(p: Any, atoms: list[tuple[Any, str]], starts: list[int], at: int, new: str,
            touched: list[Any]) -> None:
    """A zero-width edit: add text at `at`, inside the w:t that holds or ends there."""
    for i in reversed(range(len(atoms))):
        el, atom_text = atoms[i]
        if el.tag in TEXT_TAGS and starts[i] <= at <= starts[i] + len(atom_text):
            lo = at - starts[i]
            el.text = (el.text or "")[:lo] + new + (el.text or "")[lo:]
            touched.append(el)
            return
    run = etree.SubElement(p, W_R)
    t = etree.SubElement(run, W_T)
    t.text = new
    touched.append(t)


def _tidy(t: Any) -> None:
    """Keep edited spaces, drop emptied text elements and runs with nothing left."""
    if t.getparent() is None:
        return
    if t.text:
        if t.text != t.text.strip():
            t.set(_XML_SPACE, "preserve")
        return
    run = t.getparent()
    remove(t)
    if run.tag == W_R and all(child.tag == W_RPR for child in run):
        remove(run)
