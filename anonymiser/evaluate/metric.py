"""Score detections against gold annotations with the project's accuracy metric.

The metric is defined in the shared benchmarks README (TAB, Pilán et al. 2022):

- a typed gold mention *needs masking* when every character of it lies inside the
  pooled spans (the union of what any annotator said must be masked);
- per-type recall is the share of those mentions that are *covered*: every ``\\w+``
  token in the mention, other than titles and function words, lies wholly inside the
  predicted spans (whatever type the prediction carries);
- precision is the share of *predicted* word tokens (first character inside a
  predicted span) that lie wholly inside the pooled spans;
- F2 = 5PR / (4P + R).

Pure functions over plain data: no spaCy, no Presidio, so tests and the CLI stay light.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from anonymiser.core.entities import Category
from anonymiser.core.register import Register
from anonymiser.evaluate.gold import GoldSet, Span

Predictions = Mapping[str, Sequence[Span]]

WORD = re.compile(r"\w+")

# Tokens a mention may leave unmasked and still count as covered (README, "Recall").
EXEMPT_TOKENS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "dr", "no", "nr", "about"}
    | {"the", "of", "and", "a", "an", "in", "at", "on", "to", "for", "by", "s", "de", "von", "van"}
)

ALL, PRECISION, F2 = "all", "precision", "F2"


@dataclass(frozen=True)
class Ratio:
    """hits / total, kept as counts so tables can show how much evidence lies behind a figure."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)


@dataclass(frozen=True)
class Miss:
    """A mention needing masking that the predictions did not cover."""

    doc_id: str
    type: str
    start: int
    end: int
    text: str
    uncovered: tuple[str, ...]  # the tokens that were left showing


@dataclass
class Scores:
    """Everything `score` measures for one system on one gold set."""

    recall_by_type: dict[str, Ratio]
    recall: Ratio
    precision: Ratio
    recall_by_doc: dict[str, Ratio]
    misses: list[Miss]

    @property
    def f2(self) -> float | None:
        return f2(self.precision.value, self.recall.value)

    def figure(self, row: str) -> float | None:
        """A table row's value: a type name, "all", "precision" or "F2"."""
        if row == ALL:
            return self.recall.value
        if row == PRECISION:
            return self.precision.value
        if row == F2:
            return self.f2
        ratio = self.recall_by_type.get(row)
        return ratio.value if ratio else None

    def count(self, row: str) -> int | None:
        """How many mentions (or predicted tokens, for precision) a row is measured over."""
        if row == ALL:
            return self.recall.total
        if row == PRECISION:
            return self.precision.total
        if row == F2:
            return None
        return self.recall_by_type.get(row, Ratio(0, 0)).total


def f2(precision: float | None, recall: float | None) -> float | None:
    """F-beta with beta = 2: 5PR / (4P + R); None when it cannot be known."""
    if recall is None:
        return None
    if precision is None:
        # Nothing predicted: F2 is 0 whenever recall is 0, whatever precision would be.
        return 0.0 if recall == 0 else None
    denominator = 4 * precision + recall
    return 5 * precision * recall / denominator if denominator else 0.0


def _mask(length: int, spans: Iterable[Sequence]) -> bytearray:
    """1 for every character inside any of `spans`; overlaps and nesting just merge."""
    mask = bytearray(length)
    for span in spans:
        start, end = max(0, span[0]), min(length, span[1])
        if start < end:
            mask[start:end] = b"\x01" * (end - start)
    return mask


def _inside(mask: bytearray, start: int, end: int) -> bool:
    return mask.find(0, start, end) == -1


def score(gold: GoldSet, predicted: Predictions) -> Scores:
    """Score `predicted` spans (by document id) against `gold` with the README metric.

    Predictions for documents absent from `gold` are an error (a mismatched run); gold
    documents without predictions count as predicting nothing.
    """
    stray = set(predicted) - set(gold.docs)
    if stray:
        raise ValueError(f"predictions for documents not in the gold set: {sorted(stray)[:5]}")
    by_type: dict[str, Ratio] = {c.value: Ratio(0, 0) for c in Category}
    by_doc: dict[str, Ratio] = {}
    precision = Ratio(0, 0)
    misses: list[Miss] = []
    for doc_id, doc in gold.docs.items():
        text = doc.text
        pooled = _mask(len(text), doc.pooled)
        covered = _mask(len(text), predicted.get(doc_id, ()))
        doc_recall = Ratio(0, 0)
        for start, end, kind in doc.mentions:
            if start >= end or not _inside(pooled, start, end):
                continue
            # `endpos` clips tokens at the mention's edge: only its own characters matter.
            uncovered = tuple(
                m.group()
                for m in WORD.finditer(text, start, end)
                if m.group().lower() not in EXEMPT_TOKENS and not _inside(covered, m.start(), m.end())
            )
            hit = Ratio(0 if uncovered else 1, 1)
            by_type[kind] = by_type.get(kind, Ratio(0, 0)) + hit
            doc_recall += hit
            if uncovered:
                misses.append(Miss(doc_id, kind, start, end, text[start:end], uncovered))
        by_doc[doc_id] = doc_recall
        for m in WORD.finditer(text):
            if covered[m.start()]:
                precision += Ratio(1 if _inside(pooled, m.start(), m.end()) else 0, 1)
    overall = sum(by_type.values(), Ratio(0, 0))
    return Scores(by_type, overall, precision, by_doc, misses)


# --------------------------------------------------------------------------- issue-5 checks on drafts


def register_identifiers(text: str, register: Register) -> list[tuple[int, int]]:
    """Where the register's identifiers stand in `text`, found plainly (not by the detectors):
    each capitalised or upper-case whole-word occurrence of a name word or alias, and each
    occurrence of an address's house-number-and-street part, in any case and spacing."""
    words = {w for p in register.people for name in (p.name, *p.aliases) for w in WORD.findall(name) if len(w) > 1}
    spans = [(m.start(), m.end()) for m in WORD.finditer(text)
             if m.group() in words or (m.group().isupper() and m.group().lower() in {w.lower() for w in words})]
    for address in register.addresses:
        street = address.split(",")[0]
        pattern = r"(?<!\w)" + r"[\s,]+".join(map(re.escape, street.split())) + r"(?!\w)"
        spans += [(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return sorted(set(spans))


def uncovered(text: str, spans: Iterable[tuple[int, int]], predicted: Iterable[Sequence]) -> list[tuple[int, int]]:
    """The `spans` some word of which lies outside the `predicted` spans."""
    covered = _mask(len(text), predicted)
    return [(s, e) for s, e in spans if any(not _inside(covered, m.start(), m.end()) for m in WORD.finditer(text, s, e))]


def replaced_allowlisted(text: str, allowlisted: Iterable[tuple[int, int]],
                         predicted: Iterable[Sequence]) -> list[tuple[int, int]]:
    """The allowlisted phrases any character of which a predicted span takes."""
    covered = _mask(len(text), predicted)
    return [(s, e) for s, e in allowlisted if covered.find(1, s, e) != -1]


def keep_touched(text: str, keep: Iterable[tuple[int, int]], predicted: Iterable[Sequence]) -> list[tuple[int, int]]:
    """The keep spans any letter or digit of which lies inside a predicted span."""
    covered = _mask(len(text), predicted)
    return [(s, e) for s, e in keep
            if any(covered[i] and text[i].isalnum() for i in range(s, min(e, len(text))))]
