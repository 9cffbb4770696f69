"""Two different places of one kind are told apart: where a draft names two hospitals, the one it
names most (the first, on a tie) is 'the hospital' and the other 'another hospital', then 'the other
hospital'; with three or more, each but the first is 'another hospital'. Without this the nurse aunt
'at Salford Royal Hospital' would work at 'the hospital' that treated the child, and a man 'moved to
HMP Garth' from HMP Forest Bank would be 'moved to the prison' he was in.

One place written in several ways is one: 'the Royal Oldham', 'Royal Oldham Hospital' (the words of
one name are all in the other's, its kind words and 'the' aside).
"""

from __future__ import annotations

import re

from anonymiser.config import vocabulary
from anonymiser.core import entities as E
from anonymiser.core.results import Replacement

_KINDS = (*E.INSTITUTIONS, E.ORGANISATION)
_KIND_TEXT = re.compile(r"[Tt]he (?P<kind>[a-z][a-z' -]+)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_THE_BEFORE = re.compile(r"(?<![\w'’-])the[ \t]+$", re.I)
_NOT_NAME = vocabulary.lower(vocabulary.entries("organisation_words")) | {"the", "of", "and", "&", "st", "saint"}


_FINAL_S = re.compile(r"['’]?s$")


def _name_words(original: str) -> frozenset[str]:
    # 'St Aidan's', 'st aidans' (a message's spelling): one name, its possessive written or not
    words = {_FINAL_S.sub("", w.lower()) for w in _WORD.findall(original)}
    return frozenset(words - _NOT_NAME)


def _places(reps: list[Replacement]) -> list[list[Replacement]]:
    """The replacements of one kind grouped by the place they name, in order of first mention."""
    groups: list[tuple[set[frozenset[str]], list[Replacement]]] = []
    for r in reps:
        words = _name_words(r.original)
        if not words:
            continue  # 'the Hospital': no name to tell one place from another by
        group = next((g for g in groups if words and any(words <= w or w <= words for w in g[0] if w)), None)
        if group is None:
            groups.append(({words}, [r]))
        else:
            group[0].add(words)
            group[1].append(r)
    return [g[1] for g in groups]


def tell_kinds_apart(text: str, replacements: list[Replacement], says: str) -> None:
    """Every place of a kind after the draft's main one reads 'another ...'; in place, noted in the rule."""
    by_kind: dict[str, list[Replacement]] = {}
    for r in sorted(replacements, key=lambda r: r.start):
        m = _KIND_TEXT.fullmatch(r.replacement)
        if r.entity in _KINDS and m and not r.person and m.group("kind") != "organisation":  # no kind, nothing to tell
            by_kind.setdefault(m.group("kind"), []).append(r)
    for kind, reps in by_kind.items():
        places = _places(reps)
        if len(places) < 2:
            continue
        main = max(places, key=lambda g: (len(g), -g[0].start))
        others = [g for g in places if g is not main]
        for group in others:
            for n, r in enumerate(group):
                the = _THE_BEFORE.search(text, max(0, r.start - 6), r.start)
                if the:  # 'at the Salford Royal' where 'the' stayed outside the span
                    r.start, r.original = the.start(), text[the.start():r.end]
                new = f"the other {kind}" if n and len(places) == 2 else f"another {kind}"
                r.replacement = new[0].upper() + new[1:] if r.replacement[0].isupper() else new
                trail, _, rest = r.rule.partition(": ")
                r.rule = f"{trail} > {says}: a second {kind} the draft names ({rest})"
