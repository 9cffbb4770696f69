"""A Word or PDF table row whose name cell would restate the row's role cell: '| Dawn Ames | Mother |'
would read '| Mother | Mother |', so the name cell reads '[name removed]'.

Text and Markdown tables are one line each and are seen by `restated_roles.mark_restated_cells`; a
Word or PDF table's cells are segments of their own, whose rows only the reader's origins tell
(core.document.Document.table_rows, passed in as spans of the text decide sees).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from anonymiser.core import entities as E
from anonymiser.core.results import Replacement
from anonymiser.decide.restated_roles import NAME_REMOVED, role_pattern

Row = Sequence[tuple[int, int]]
# What may follow the role at the start of the role cell: nothing, or a note on it ('(mother's partner)').
_ROLE_TAIL = re.compile(r"[ \t]*(?:$|[(,;:–—-])")
_FILLER = re.compile(r"[\s,;:()\"'‘’“”.–—-]*")


def _name_cell(text: str, span: tuple[int, int], reps: list[Replacement]) -> Replacement | None:
    """The one person replaced in a cell that holds nothing else ('Dawn Ames (née Cole)' aside), else None."""
    inside = sorted((r for r in reps if span[0] <= r.start and r.end <= span[1]), key=lambda r: r.start)
    named = [r for r in inside if r.replacement.strip()]
    if not named or any(r.entity != E.PERSON or r.replacement.strip() != named[0].replacement.strip() for r in named):
        return None
    pos = span[0]
    for r in inside:
        if not _FILLER.fullmatch(text, pos, max(pos, r.start)):
            return None
        pos = max(pos, r.end)
    return named[0] if _FILLER.fullmatch(text, pos, span[1]) else None


def mark_restated_row_cells(text: str, rows: Sequence[Row], reps: list[Replacement], says: str) -> None:
    """A table's name cell whose role label only restates another cell of its row ('Maternal
    Grandmother' beside 'Maternal grandmother') reads '[name removed]'. In place, noted in the rule."""
    for row in rows:
        for number, span in enumerate(row):
            r = _name_cell(text, span, reps)
            role = role_pattern(r.replacement.strip()) if r else None
            if r is None or role is None:
                continue
            for other, (s, e) in enumerate(row):
                said = role.match(text, s) if other != number else None
                if said is None or said.end() > e or not _ROLE_TAIL.match(text[said.end():e]) \
                        or any(q.start < said.end() and q.end > s for q in reps):
                    continue
                r.replacement = NAME_REMOVED
                trail, _, rest = r.rule.partition(": ")
                r.rule = f"{trail} > {says}: the row's cell {other + 1} gives the label ({rest})"
                break
