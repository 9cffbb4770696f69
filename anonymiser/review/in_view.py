"""The reviewer's decisions as the normalised view reads them, and their effects mapped back."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from anonymiser.core.textview import NormalisedText, view_of
from anonymiser.review.reviewer import ReviewerDecisions

T = TypeVar("T")


def reviewer_in_view(view: NormalisedText, reviewer: ReviewerDecisions | None) -> ReviewerDecisions | None:
    """The reviewer's decisions with offsets and texts as the view has them.

    The copy keeps its own match counts; `count_back` adds them to the original's afterwards."""
    if reviewer is None or view.identity:
        return reviewer
    return dataclasses.replace(
        reviewer.fresh(),  # its own records of what applying did, so they can be mapped back
        reject=tuple(dataclasses.replace(r, original=view_of(r.original),
                                         offset=None if r.offset is None else view.to_view(r.offset))
                     for r in reviewer.reject),
        pseudonyms=tuple(dataclasses.replace(p, original=None if p.original is None else view_of(p.original))
                         for p in reviewer.pseudonyms),
        add=tuple(dataclasses.replace(a, text=view_of(a.text)) for a in reviewer.add))

def count_back(view: NormalisedText, reviewer: ReviewerDecisions | None, in_view: ReviewerDecisions | None) -> None:
    """Give the original decisions what applying the view's copy did: its match counts, and,
    for the report, the rejected replacements, renamed groups and added spans, in original offsets."""
    if reviewer is None or in_view is None or in_view is reviewer:
        return
    for mine, theirs in [*zip(reviewer.reject, in_view.reject), *zip(reviewer.pseudonyms, in_view.pseudonyms),
                         *zip(reviewer.add, in_view.add)]:
        reviewer.count_matches(mine, in_view.matches(theirs))
    rejects = _by_copy(reviewer.reject, in_view.reject)
    changes = _by_copy(reviewer.pseudonyms, in_view.pseudonyms)
    adds = _by_copy(reviewer.add, in_view.add)
    for r, why in in_view.rejected:
        s, e = view.to_original(r.start, r.end)
        reviewer.rejected.append((dataclasses.replace(r, start=s, end=e, core=view.to_original(*r.core),
                                                      original=view.original[s:e]), rejects[id(why)]))
    for change, key in in_view.renamed.items():
        reviewer.renamed[changes[id(change)]] = key
    for add, spans in in_view.added.items():
        reviewer.added.setdefault(adds[id(add)], []).extend(view.to_original(s, e) for s, e in spans)


def _by_copy(mine: Sequence[T], theirs: Sequence[T]) -> dict[int, T]:
    """Each original decision, by the identity of the view's copy of it."""
    return {id(t): m for m, t in zip(mine, theirs)}
