"""List markers at the start of a line: bullets (whatever glyph the PDF drew them with) and numbers.

A PDF often draws a bullet in a symbol font (Symbol, Wingdings, ZapfDingbats) whose code means
nothing as text ("l", "§", U+F0B7 in the private use area), or with no Unicode mapping at all
(text extraction then gives a control character such as U+007F). Any of these, alone before the
words of a line, is a bullet and becomes "•".
"""

from __future__ import annotations

import re
import unicodedata

from anonymiser.read.pdf.layout import SYMBOL_FONT, Line

BULLET = "\u2022"
BULLET_GLYPHS = frozenset("\u2022\u25cf\u25aa\u25ab\u25a0\u25a1\u25e6\u2023\u2043\u2219\u00b7\u25cb\u25c6\u25c7"
                          "\u27a2\u27a4\u2794\u2713\u2714\u2756\u25ba\u25b8\u2043\uf0b7\uf0a7\uf0d8\uf076\uf0fc")
DASHES = frozenset("-*\u2013\u2014")  # a dash or star starts a list item only after a sentence ends
COURIER = re.compile(r"courier", re.IGNORECASE)
NUMBER = re.compile(r"^(\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(?(?:[a-z]|[ivx]{1,4})\))\s")


def _is_bullet_glyph(ch: str) -> bool:
    if ch in BULLET_GLYPHS:
        return True
    category = unicodedata.category(ch)
    return category in ("Co", "Cc", "Cn")  # private use, control (U+007F) or unassigned


def mark(line: Line) -> None:
    """Note the list marker the line may start with (normalised), and its text as a list item.

    `Line.text` is left alone: whether a dash or a number really starts an item depends on the
    line before (see `blocks`), which then takes `item_text`.
    """
    first = line.words[0]
    rest = line.text[len(first.text):].lstrip(" \t")
    glyph = first.text[0]
    lone = len(first.text) == 1
    # Word draws its second-level bullet as a letter "o" in Courier New.
    courier_o = glyph == "o" and COURIER.search(first.font) and not COURIER.search(line.words[-1].font)
    if lone and len(line.words) > 1 and (_is_bullet_glyph(glyph) or SYMBOL_FONT.search(first.font) or courier_o):
        line.marker, line.list_kind, line.item_text = BULLET, "bullet", f"{BULLET} {rest}"
    elif not lone and _is_bullet_glyph(glyph) and not SYMBOL_FONT.search(first.font):
        # A bullet glued to its first word: "\u25cfSecond item".
        line.marker, line.list_kind, line.item_text = BULLET, "bullet", f"{BULLET} {line.text[1:].lstrip()}"
    elif lone and glyph in DASHES and len(line.words) > 1:
        line.marker, line.list_kind, line.item_text = BULLET, "dash", f"{BULLET} {rest}"
    elif found := NUMBER.match(line.text.replace("\t", " ")):
        line.marker, line.list_kind = found.group(1), "number"
        line.item_text = f"{found.group(1)} {line.text[found.end():].lstrip()}"
