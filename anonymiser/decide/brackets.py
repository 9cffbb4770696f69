"""A name does not run across an unbalanced bracket, and a citation names nobody.

The NER sometimes widens a span over an opening parenthesis into what follows it: 'the President
of the Court (Rule 21 § 4 (b))' gives 'Court (Rule 21'. A bracket that opens inside a span and
does not close in it (or closes without opening) ends one phrase and starts another, so the span
is cut there into its pieces, each judged alone. A balanced pair stays: 'Marlowe Print
(Leeds) Ltd', 'Łódź Court of Appeal (Sąd Apelacyjny)'.

A piece that is only a citation of a rule, article, section or paragraph ('Rule 21 § 4',
'Articles 6 and 13', 'paragraph 16') points into a text and identifies no one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymiser.core.detection import Detection

_OPENING = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {v: k for k, v in _OPENING.items()}
_EDGE = " \t\n,.;:'’\"“”-–—"
# A citation: a citing word, then numbers joined by §, 'para.', commas, 'and', ranges, with letters in brackets.
_CITATION = re.compile(
    r"(?:rules?|articles?|arts?\.?|sections?|ss?\.|paragraphs?|paras?\.?|regulations?|clauses?|chapters?"
    r"|protocol(?:\s+no\.?)?|§§?)\s*\d+[a-z]?(?:\s*\(\s*\w{1,4}\s*\))*"
    r"(?:\s*(?:§§?|paras?\.?|paragraphs?|,|and|or|to|-|–)\s*\d+[a-z]?(?:\s*\(\s*\w{1,4}\s*\))*)*",
    re.I)


def unbalanced(text: str) -> list[int]:
    """Offsets in `text` of the brackets that have no partner inside it."""
    stack: list[tuple[str, int]] = []
    lone: list[int] = []
    for i, ch in enumerate(text):
        if ch in _OPENING:
            stack.append((ch, i))
        elif ch in _CLOSING:
            if stack and stack[-1][0] == _CLOSING[ch]:
                stack.pop()
            else:
                lone.append(i)
    return sorted(lone + [i for _, i in stack])


def cut_at_unbalanced(text: str, d: Detection) -> list[Detection]:
    """`d` cut at every bracket that has no partner inside it; pieces trimmed, empty ones dropped."""
    cuts = unbalanced(text[d.start:d.end])
    if not cuts:
        return [d]
    out: list[Detection] = []
    pos = d.start
    for cut in [*(d.start + c for c in cuts), d.end]:
        s, e = pos, cut
        pos = cut + 1
        chunk = text[s:e]
        s += len(chunk) - len(chunk.lstrip(_EDGE))
        e -= len(chunk) - len(chunk.rstrip(_EDGE))
        if e > s and any(ch.isalnum() for ch in text[s:e]):
            out.append(replace(d, start=s, end=e))
    return out


def is_citation(span: str) -> bool:
    """'Rule 21 § 4', 'Article 6 § 1', 'paragraphs 12-14': a reference into a text, not a name."""
    return _CITATION.fullmatch(span.strip()) is not None
