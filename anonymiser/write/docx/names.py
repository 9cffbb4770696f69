"""Neutral names for what an author (or a tool) named: bookmarks, styles, relationship ids."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from anonymiser.read.docx import W_VAL, DocxSource, qn, remove

R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


# -- bookmarks -----------------------------------------------------------------------------


def _letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA: no digits, so "REF BookmarkA" never reads as a reference number."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


WORD_BOOKMARK = re.compile(r"_(?:Toc|Ref|Hlk|Int)\d+|_GoBack")


def rename_bookmarks(roots: list[Any]) -> None:
    """Give bookmarks an author named ("Amara_DOB") neutral names, and fix references to them."""
    names: dict[str, str] = {}
    for root in roots:
        for el in root.iter(qn("w:bookmarkStart")):
            name = el.get(qn("w:name"), "")
            # Word's own names (_Toc123, _Ref456, _GoBack) are not typed by anyone; any other
            # name, "_Amara" included, is.
            if name and not WORD_BOOKMARK.fullmatch(name) and name not in names:
                names[name] = f"Bookmark{_letters(len(names) + 1)}"
        # A link may point at a bookmark that is gone, or name a place in another file: typed all the same.
        for el in root.iter(qn("w:hyperlink")):
            name = el.get(qn("w:anchor"), "")
            if name and not WORD_BOOKMARK.fullmatch(name) and name not in names:
                names[name] = f"Bookmark{_letters(len(names) + 1)}"
            if el.get(qn("w:docLocation")) is not None:
                del el.attrib[qn("w:docLocation")]
    if not names:
        return
    pattern = re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w])")
    for root in roots:
        for el in root.iter(qn("w:bookmarkStart")):
            if el.get(qn("w:name")) in names:
                el.set(qn("w:name"), names[el.get(qn("w:name"))])
        for el in root.iter(qn("w:hyperlink")):
            if el.get(qn("w:anchor")) in names:
                el.set(qn("w:anchor"), names[el.get(qn("w:anchor"))])
        for el in root.iter(qn("w:instrText")):
            if el.text:
                el.text = pattern.sub(lambda m: names[m.group(1)], el.text)
        for el in root.iter(qn("w:fldSimple")):
            if el.get(qn("w:instr")):
                el.set(qn("w:instr"), pattern.sub(lambda m: names[m.group(1)], el.get(qn("w:instr"))))


# -- style names ---------------------------------------------------------------------------

STYLE_REFERENCES = tuple(qn(f"w:{t}") for t in (
    "pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "numStyleLink", "styleLink",
    "clickAndTypeStyle", "defaultTableStyle",
))


@lru_cache(maxsize=1)
def builtin_styles() -> tuple[frozenset[str], frozenset[str]]:
    """Word's own style names and ids (lower case), from python-docx's template and its latent-style list."""
    root = docx.Document().styles.element
    names = {el.get(qn("w:name"), "") for el in root.iter(qn("w:lsdException"))}
    names |= {el.get(W_VAL, "") for el in root.iter(qn("w:name"))}
    ids = {el.get(qn("w:styleId"), "") for el in root.iter(qn("w:style"))}
    return frozenset(n.lower() for n in names if n), frozenset(i.lower() for i in ids if i)


def _squeeze(text: str) -> str:
    return re.sub(r"[\W_]", "", text).lower()


def neutral_style_names(source: DocxSource) -> None:
    """Rename styles an author named ("Amara notes") to "Custom Style 1"; Word's own names stay.

    The style id is often the name without spaces, so it is renamed too, with every reference
    to it (paragraphs, runs, tables, numbering, other styles) and any field code that names it.
    """
    document = source.document
    try:
        styles = document.styles.element
    except (KeyError, AttributeError):
        return
    builtin, builtin_ids = builtin_styles()
    for el in list(styles.iter(qn("w:aliases"))):
        remove(el)
    for el in list(styles.iter(qn("w:lsdException"))):
        if el.get(qn("w:name"), "").lower() not in builtin:
            remove(el)
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for style in styles.iter(qn("w:style")):
        name_el = style.find(qn("w:name"))
        name = name_el.get(W_VAL, "") if name_el is not None else ""
        sid = style.get(qn("w:styleId"), "")
        # Word stores its own styles under English names whatever the language; their ids
        # follow the name (or, in a translated Word, the translated name, renamed harmlessly).
        if name and name.lower() not in builtin and name not in names:
            names[name] = f"Custom Style {len(names) + 1}"
        if name in names:
            name_el.set(W_VAL, names[name])
        if sid and sid.lower() not in builtin_ids and not (name.lower() in builtin and _squeeze(sid) == _squeeze(name)):
            ids[sid] = ids.get(sid) or f"CustomStyle{len(ids) + 1}"
            style.set(qn("w:styleId"), ids[sid])
    if not ids and not names:
        return
    roots = [styles] + [story.root for story in source.stories]
    for reltype in (RT.NUMBERING, RT.SETTINGS):
        try:
            roots.append(document.part.part_related_by(reltype).element)
        except (KeyError, ValueError, AttributeError):
            pass
    for root in roots:
        for el in root.iter(*STYLE_REFERENCES):
            if el.get(W_VAL) in ids:
                el.set(W_VAL, ids[el.get(W_VAL)])
    if names:
        # STYLEREF and TOC \t name styles in their field codes.
        pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), re.I)
        lower = {k.lower(): v for k, v in names.items()}
        for root in roots:
            for el in root.iter(qn("w:instrText")):
                if el.text:
                    el.text = pattern.sub(lambda m: lower[m.group(0).lower()], el.text)
            for el in root.iter(qn("w:fldSimple")):
                if el.get(qn("w:instr")):
                    el.set(qn("w:instr"), pattern.sub(lambda m: lower[m.group(0).lower()], el.get(qn("w:instr"))))


# -- relationship ids ----------------------------------------------------------------------


def neutral_relationship_ids(owner: Any, root: Any) -> None:
    """Give relationships an author or a tool named ("rIdAmara") plain ids, and follow them in the XML."""
    rels = owner.rels
    odd = [rId for rId in rels if not re.fullmatch(r"rId\d+", rId)]
    if not odd:
        return
    used, n, mapping = set(rels), 1, {}
    for rId in odd:
        while f"rId{n}" in used:
            n += 1
        mapping[rId] = f"rId{n}"
        used.add(mapping[rId])
    for old, new in mapping.items():
        rel = rels.pop(old)
        rel._rId = new
        rels[new] = rel
        if old in rels.related_parts:
            rels.related_parts[new] = rels.related_parts.pop(old)
    if root is not None:
        for el in root.iter():
            if not isinstance(el.tag, str):
                continue
            for attr, value in el.attrib.items():
                if attr.startswith(R_NS) and value in mapping:
                    el.set(attr, mapping[value])
