"""The spans a profile would replace in many texts, in one process or in several."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from anonymiser.config.profile import Profile
from anonymiser.core.document import Document, Segment
from anonymiser.core.entities import ENTITY_TYPES
from anonymiser.core.register import Register
from anonymiser.pseudonymise.case_map import CaseMap
from anonymiser.run.batch import exit_with_parent
from anonymiser.run.pipeline import detect_document

Spans = dict[str, list[tuple[int, int, str]]]
# Pieces per worker: enough that a worker given long texts does not hold up the others at the end.
_PIECES_PER_WORKER = 4


def text_document(text: str, name: str = "text") -> Document:
    """A plain text as a one-segment document."""
    return Document(path=Path(name), kind="txt", segments=[Segment(text, "line 1", "")])


def detect_spans(texts: dict[str, str], profile: Profile, register: Register, workers: int = 1) -> Spans:
    """For each text, the spans the profile would replace, typed by benchmark category, in the texts' order.

    With `workers` > 1 the texts are shared out among that many processes; every text is decided on
    its own, so the spans are the same however many there are."""
    return detect_spans_each({doc_id: (text, register) for doc_id, text in texts.items()}, profile, workers)


def detect_spans_each(jobs: dict[str, tuple[str, Register]], profile: Profile, workers: int = 1) -> Spans:
    """The same, each text with its own register."""
    if workers <= 1 or len(jobs) <= 1:
        return _spans(jobs, profile)
    pieces = _pieces(jobs, workers * _PIECES_PER_WORKER)
    found: Spans = {}
    with ProcessPoolExecutor(max_workers=min(workers, len(pieces)), initializer=exit_with_parent,
                             initargs=(os.getpid(),)) as pool:
        for part in pool.map(_spans, pieces, [profile] * len(pieces)):
            found.update(part)
    return {doc_id: found[doc_id] for doc_id in jobs}


def _spans(jobs: dict[str, tuple[str, Register]], profile: Profile) -> Spans:
    out: Spans = {}
    for doc_id, (text, register) in jobs.items():
        case_map = CaseMap(None, register.case_key, profile.pseudonym_pools)
        decisions = detect_document(text_document(text, doc_id), profile, register, case_map)
        out[doc_id] = [(*r.core, ENTITY_TYPES[r.entity].category.value) for r in decisions.replacements]
    return out


def _pieces(jobs: dict[str, tuple[str, Register]], n: int) -> list[dict[str, tuple[str, Register]]]:
    """`jobs` in at most `n` pieces of about equal length: the longest text first, each to the shortest piece."""
    pieces: list[dict[str, tuple[str, Register]]] = [{} for _ in range(min(n, len(jobs)))]
    sizes = [0] * len(pieces)
    for doc_id in sorted(jobs, key=lambda k: len(jobs[k][0]), reverse=True):
        i = sizes.index(min(sizes))
        pieces[i][doc_id] = jobs[doc_id]
        sizes[i] += len(jobs[doc_id][0])
    return pieces
