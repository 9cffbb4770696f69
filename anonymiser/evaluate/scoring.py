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

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser.core.entities import ENTITY_TYPES, Category
from anonymiser.core.register import Register

Span = tuple[int, int, str]
Predictions = Mapping[str, Sequence[Span]]

WORD = re.compile(r"\w+")

# Tokens a mention may leave unmasked and still count as covered (README, "Recall").
EXEMPT_TOKENS: frozenset[str] = frozenset(
    {"mr", "mrs", "ms", "dr", "no", "nr", "about"}
    | {"the", "of", "and", "a", "an", "in", "at", "on", "to", "for", "by", "s", "de", "von", "van"}
)

# Row order of the tables: the README's types, then the summary rows.
REPORT_TYPES: tuple[str, ...] = ("PERSON", "CODE", "LOC", "DATETIME", "ORG", "DEM", "QUANTITY")
ALL, PRECISION, F2 = "all", "precision", "F2"

_CATEGORIES = frozenset(c.value for c in Category)


# --------------------------------------------------------------------------- gold data


@dataclass(frozen=True)
class GoldDoc:
    """One annotated document."""

    text: str
    mentions: tuple[Span, ...]  # (start, end, category), end exclusive
    pooled: tuple[tuple[int, int], ...]  # spans that must be masked
    source: Path | None = None  # the draft file, for project samples (to find a register)


@dataclass
class GoldSet:
    """Annotated documents by id, in load order."""

    docs: dict[str, GoldDoc] = field(default_factory=dict)

    @property
    def texts(self) -> dict[str, str]:
        return {doc_id: doc.text for doc_id, doc in self.docs.items()}

    def head(self, n: int | None) -> GoldSet:
        """The first `n` documents (all of them when `n` is None)."""
        if n is None:
            return self
        return GoldSet(dict(list(self.docs.items())[:n]))

    def __len__(self) -> int:
        return len(self.docs)


def _check_span(doc_id: str, text: str, start: int, end: int) -> None:
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise ValueError(f"{doc_id}: span [{start}, {end}) is outside the text (length {len(text)})")


def _category(doc_id: str, name: str) -> str:
    """Benchmark category of a gold TYPE, which may be a category or a project entity type."""
    if name in ENTITY_TYPES:
        return ENTITY_TYPES[name].category.value
    if name in _CATEGORIES:
        return name
    raise ValueError(f"{doc_id}: unknown gold type {name!r}")


def load_tab(dir: Path) -> GoldSet:
    """Read a TAB-format benchmark directory (texts.json, typed.json, pooled.json)."""
    dir = Path(dir)
    texts: dict[str, str] = json.loads((dir / "texts.json").read_text(encoding="utf-8"))
    typed: dict[str, list] = json.loads((dir / "typed.json").read_text(encoding="utf-8"))
    pooled: dict[str, list] = json.loads((dir / "pooled.json").read_text(encoding="utf-8"))
    unknown = (set(typed) | set(pooled)) - set(texts)
    if unknown:
        raise ValueError(f"{dir}: annotations for documents without text: {sorted(unknown)[:5]}")
    gold = GoldSet()
    for doc_id, text in texts.items():
        mentions = []
        for start, end, kind in typed.get(doc_id, []):
            _check_span(doc_id, text, start, end)
            mentions.append((start, end, _category(doc_id, kind)))
        spans = []
        for start, end in pooled.get(doc_id, []):
            _check_span(doc_id, text, start, end)
            spans.append((start, end))
        gold.docs[doc_id] = GoldDoc(text, tuple(mentions), tuple(spans))
    return gold


SAMPLE_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def _sample_source(gold_file: Path, doc_id: str) -> Path:
    candidates = [gold_file.parent / f"{doc_id}{ext}" for ext in SAMPLE_SUFFIXES]
    found = [p for p in candidates if p.is_file()]
    if len(found) != 1:
        what = "no" if not found else "more than one"
        looked = ", ".join(SAMPLE_SUFFIXES)
        raise ValueError(f"{gold_file}: {what} text file for {doc_id!r} (looked for {looked})")
    return found[0]


def _read_sample(source: Path) -> str:
    """The text a sample's gold offsets index: the file itself for .txt and .md; for .docx and
    .pdf, `Document.text` as read with tracked changes accepted (headers, footers, footnotes
    and document properties included, in the reader's order)."""
    if source.suffix.lower() in (".docx", ".pdf"):
        from anonymiser.read import read_document  # lazy: txt/md gold stays free of docx/pdf libraries

        return read_document(source, accept_tracked_changes=True).text
    return source.read_text(encoding="utf-8")


def load_project_gold(path: Path) -> GoldSet:
    """Read one `<id>.gold.json` sample; every gold span in it needs masking.

    The draft is the sibling `<id>.txt`, `.md`, `.docx` or `.pdf`; see `_read_sample` for the
    text the offsets index."""
    path = Path(path)
    data: dict[str, list] = json.loads(path.read_text(encoding="utf-8"))
    gold = GoldSet()
    for doc_id, spans in data.items():
        source = _sample_source(path, doc_id)
        text = _read_sample(source)
        mentions = []
        for start, end, kind in spans:
            _check_span(doc_id, text, start, end)
            mentions.append((start, end, _category(doc_id, kind)))
        pooled = tuple((s, e) for s, e, _ in mentions)
        gold.docs[doc_id] = GoldDoc(text, tuple(mentions), pooled, source)
    return gold


def _merge(sets: Iterable[GoldSet]) -> GoldSet:
    merged = GoldSet()
    for gold in sets:
        for doc_id, doc in gold.docs.items():
            if doc_id in merged.docs:
                raise ValueError(f"document id {doc_id!r} appears in more than one gold file")
            merged.docs[doc_id] = doc
    return merged


def load_gold(path: Path) -> GoldSet:
    """Load a TAB directory, one `*.gold.json` file, or a directory of `*.gold.json` files."""
    path = Path(path)
    if path.is_dir() and (path / "texts.json").is_file():
        return load_tab(path)
    if path.is_file() and path.name.endswith(".gold.json"):
        return load_project_gold(path)
    if path.is_dir():
        files = sorted(path.glob("*.gold.json"))
        if files:
            return _merge(load_project_gold(f) for f in files)
    raise ValueError(f"{path}: not a TAB directory, a *.gold.json file or a directory of them")


# --------------------------------------------------------------------------- scoring


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


def register_of(gold: GoldSet, doc_id: str) -> Path | None:
    """A project gold document's case register: `<id>.register.yaml` beside its draft, if any."""
    source = gold.docs[doc_id].source
    if source is None:
        return None
    register = source.parent / f"{doc_id}.register.yaml"
    return register if register.is_file() else None


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


# --------------------------------------------------------------------------- reporting


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_scores(
    systems: Mapping[str, Scores],
    *,
    ratios: Sequence[tuple[str, str]] = (),
    targets: Mapping[str, float] | None = None,
    target_system: str | None = None,
    rows: Sequence[str] = (*REPORT_TYPES, ALL, PRECISION, F2),
    title: str = "",
) -> str:
    """A plain-text table: one row per figure, one column per system.

    `ratios` adds a column `a / b` for each (a, b) pair of system names. `targets`
    (row -> minimum) adds the target and PASS/FAIL for `target_system` (default: the
    last system). `n` is the number of mentions needing masking behind a recall row,
    the same for every system.
    """
    names = list(systems)
    if not names:
        return title
    first = systems[names[0]]
    header = ["", "n", *names, *(f"{a} / {b}" for a, b in ratios)]
    judged = target_system or names[-1]
    if targets:
        header += ["target", "result"]
    table = [header]
    for row in rows:
        # Precision's count (predicted tokens) differs by system, so it is not shown.
        count = None if row == PRECISION else first.count(row)
        cells = [row, "" if count is None else str(count)]
        cells += [_fmt(systems[n].figure(row)) for n in names]
        for a, b in ratios:
            num, den = systems[a].figure(row), systems[b].figure(row)
            cells.append("n/a" if num is None or not den else f"{num / den:.2f}x")
        if targets:
            goal = targets.get(row)
            value = systems[judged].figure(row)
            if goal is None:
                cells += ["", ""]
            else:
                verdict = "n/a" if value is None else ("PASS" if value >= goal else "FAIL")
                cells += [f">={goal:.2f}", verdict]
        table.append(cells)
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    lines = [title] if title else []
    for i, cells in enumerate(table):
        first_cell = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:])]
        lines.append("  ".join([first_cell, *rest]).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def misses_as_json(scores: Scores) -> list[dict]:
    """Missed mentions as plain dicts, for dumping to a file."""
    return [
        {
            "doc_id": m.doc_id,
            "type": m.type,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "uncovered": list(m.uncovered),
        }
        for m in scores.misses
    ]


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


def load_keep(folder: Path) -> dict[str, list[tuple[int, int]]]:
    """The spans that must survive, from every `<id>.keep.json` in `folder` ({id: [[start, end], ...]})."""
    keep: dict[str, list[tuple[int, int]]] = {}
    for path in sorted(Path(folder).glob("*.keep.json")):
        for doc_id, spans in json.loads(path.read_text(encoding="utf-8")).items():
            keep.setdefault(doc_id, []).extend((int(s), int(e)) for s, e in spans)
    return keep


def keep_touched(text: str, keep: Iterable[tuple[int, int]], predicted: Iterable[Sequence]) -> list[tuple[int, int]]:
    """The keep spans any letter or digit of which lies inside a predicted span."""
    covered = _mask(len(text), predicted)
    return [(s, e) for s, e in keep
            if any(covered[i] and text[i].isalnum() for i in range(s, min(e, len(text))))]
