"""Run the NER only on the windows of a text where the cheaper evidence leaves a question open.

A token needs the NER when it holds a digit, is a number word or a word of time ('fifteen', 'weeks',
'Yesterday'; models/vocabulary/time_words.txt and seasons.txt), is a lower-case word the lexicon
does not know or knows only as a name ('kaydens', 'sade', 'wolverhampton'), or holds a capital
letter, unless it is a sentence's first word that only ever opens sentences ('The', 'She',
'However': the determiners, pronouns, clause openers and sentence starters of models/vocabulary/).
A name that is also a word ('Gift', 'Will', 'Hope') opening a sentence is read. Text of common
lower-case words between such tokens is skipped.

This is evidence, not proof: whether the NER would start an entity on a skipped word is learned
behaviour. It is checked, not assumed: the tests compare the gated NER with the NER on whole texts,
and the benchmarks' spans on tab-dev, real-reviews and samples were identical both ways.

Each token that needs the NER is analysed inside a window reaching as far either side as the
pipeline's encoder sees (its depth times its window size: four tokens in the small English model),
and one token further back, since the transition parser decides a token from its own vector, the
one before it and the first of the entity it is in; so the token is seen with the same context as
in the whole text. An encoder of another shape gets the whole text. Windows that meet or nearly meet are merged, and all of them go
through the NER in one batch (`Language.pipe`). An entity is kept only if it does not touch a window
edge cut inside the text, where the window may have shortened it: that window is widened on that
side and run again, until its entities end inside it or it reaches the text's ends.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, cast

from spacy.attrs import LIKE_NUM, NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from anonymiser.config import vocabulary
from anonymiser.config.english import WordClass, word_class

if TYPE_CHECKING:
    from spacy.pipeline import TrainablePipe
    from thinc.types import Ints2d

# Tokens after which the next word begins a sentence.
_SENTENCE_END = frozenset({".", "!", "?", ":", ";", "•", "·"})
# The transition parser's state features for an entity: the token it decides, the one before it and
# the entity's first token (inside the window already), so a window reaches one token further back.
_STATE_TOKENS_BEFORE = 1
# Windows this close are merged: two short NER calls cost more than one over the gap between them.
_MERGE_GAP = 4


def encoder_reach(nlp: Language) -> int | None:
    """How many tokens either side the NER's encoder reads: its depth times its window size; None for
    an encoder of another shape (a transformer reads the whole text), which then gets all of it."""
    try:
        encode = nlp.config["components"]["ner"]["model"]["tok2vec"]["encode"]
        return int(encode["depth"]) * int(encode["window_size"])
    except (KeyError, TypeError, ValueError):
        return None


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    """'weeks', 'monthly', 'summer': the NER reads a date or a time in lower-case words around one."""
    return vocabulary.words("time_words", "seasons")


@lru_cache(maxsize=65536)
def _needs(word: str) -> tuple[bool, bool]:
    """(needs the NER anywhere, needs it only when not the first word of a sentence)."""
    if any(c.isdigit() for c in word):
        return True, False
    low = word.lower()
    if low in _time_words():
        return True, False  # 'Yesterday', 'Months later': the NER reads a date round it
    if not any(c.isupper() for c in word):
        # a word English does not know ('kaydens', 'nguyễn'), or knows only as a name ('hi its sade',
        # 'he lives in wolverhampton'): a name or a place typed in lower case
        return word_class(word) in (WordClass.UNKNOWN, WordClass.PROPER), False
    if low in vocabulary.SENTENCE_STARTERS:
        return False, True  # 'The' opening a sentence is settled; inside one it is read with the rest
    return True, False


_MARK, _END, _ANYWHERE, _INSIDE, _SETTLED = range(5)  # what a token is to the gate


@lru_cache(maxsize=65536)
def _kind(word: str, like_num: bool) -> int:
    """A token's kind: a mark (space, punctuation), a sentence's end, a word the NER must read
    anywhere, one it must read only inside a sentence, or a word it need not read."""
    if not any(c.isalnum() for c in word):
        return _END if word in _SENTENCE_END or "\n" in word else _MARK
    anywhere, inside_only = _needs(word)
    return _ANYWHERE if anywhere or like_num else _INSIDE if inside_only else _SETTLED


def needing_tokens(doc: Doc) -> list[int]:
    """Indices of the tokens whose reading the NER must give."""
    out = []
    first = True
    strings = doc.vocab.strings
    # read from the token arrays: a Token object for each of a long draft's tokens costs more
    for i, (orth, like_num) in enumerate(doc.to_array([ORTH, LIKE_NUM]).tolist()):
        kind = _kind(strings[orth], bool(like_num))
        if kind == _MARK:
            continue
        if kind == _END:
            first = True
            continue
        if kind == _ANYWHERE or (kind == _INSIDE and not first):
            out.append(i)
        first = False
    return out


def reach(nlp: Language) -> tuple[int, int] | None:
    """How many tokens before and after a token the NER reads to decide it; None: the whole text."""
    encoder = encoder_reach(nlp)
    return None if encoder is None else (encoder + _STATE_TOKENS_BEFORE, encoder)


def windows(needed: Iterable[int], n_tokens: int, before: int, after: int | None = None) -> list[tuple[int, int]]:
    """Merged [start, end) token windows from `before` tokens before each needed token to `after`
    tokens after it (as many as before, if not given)."""
    after = before if after is None else after
    out: list[tuple[int, int]] = []
    for i in needed:
        start, end = max(0, i - before), min(n_tokens, i + after + 1)
        if out and start <= out[-1][1] + _MERGE_GAP:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _widened(spans: list[tuple[int, int]], cut: dict[int, tuple[bool, bool]], n_tokens: int,
             by: int) -> list[tuple[int, int]]:
    """The windows whose entities ran into a cut edge, widened `by` tokens on that side."""
    out = []
    for k, (left, right) in cut.items():
        a, b = spans[k]
        out.append((max(0, a - by) if left else a, min(n_tokens, b + by) if right else b))
    return out


def set_entities(doc: Doc, nlp: Language) -> Doc:
    """Give `doc` (tokenised only) the entities the NER finds, running it only where needed."""
    ner = cast("TrainablePipe", nlp.get_pipe("ner"))
    reads = reach(nlp)
    if reads is None:
        return ner(doc)
    spans = windows(needing_tokens(doc), len(doc), *reads)
    found: dict[tuple[int, int], Span] = {}
    while spans:
        if spans[0] == (0, len(doc)):
            return ner(doc)
        cut: dict[int, tuple[bool, bool]] = {}
        for k, ((a, b), part) in enumerate(zip(spans, ner.pipe(_parts(doc, spans)))):
            for ent in part.ents:
                left, right = ent.start == 0 and a > 0, ent.end == len(part) and b < len(doc)
                if left or right:  # perhaps shortened by the cut: looked at again, wider
                    was = cut.get(k, (False, False))
                    cut[k] = (was[0] or left, was[1] or right)
                    continue
                found[(a + ent.start, a + ent.end)] = Span(doc, a + ent.start, a + ent.end, label=ent.label_)
        spans = _widened(spans, cut, len(doc), max(reads))
    doc.set_ents(_without_overlaps(found.values()), default="outside")
    return doc


def _parts(doc: Doc, spans: list[tuple[int, int]]) -> Iterator[Doc]:
    """The windows as documents of their own, with the same tokens and the same normal forms.

    Built from the token arrays: `Span.as_doc` also copies every token's vector, which this
    pipeline does not have, and took a tenth of the NER's time."""
    table = doc.to_array([ORTH, SPACY, NORM])
    strings = doc.vocab.strings
    for a, b in spans:
        rows = table[a:b]
        part = Doc(doc.vocab, words=[strings[int(o)] for o in rows[:, 0]], spaces=rows[:, 1].astype(bool).tolist())
        part.from_array([NORM], cast("Ints2d", rows[:, 2:3]))
        yield part


def _without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """A widened window may find a longer entity over one found before: the longest wins."""
    starts: list[int] = []  # the kept spans, in text order, none overlapping
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        i = bisect.bisect_right(starts, span.start)
        if (i == 0 or kept[i - 1].end <= span.start) and (i == len(kept) or span.end <= kept[i].start):
            starts.insert(i, span.start)
            kept.insert(i, span)
    return kept


__all__ = ["encoder_reach", "needing_tokens", "reach", "set_entities", "windows"]
