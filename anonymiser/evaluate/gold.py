"""Gold annotations: a TAB benchmark directory or the project's `<id>.gold.json` samples, and the
`<id>.keep.json` spans that must survive."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser.core.entities import ENTITY_TYPES, Category

Span = tuple[int, int, str]

_CATEGORIES = frozenset(c.value for c in Category)


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


def register_of(gold: GoldSet, doc_id: str) -> Path | None:
    """A project gold document's case register: `<id>.register.yaml` beside its draft, if any."""
    source = gold.docs[doc_id].source
    if source is None:
        return None
    register = source.parent / f"{doc_id}.register.yaml"
    return register if register.is_file() else None


def load_keep(folder: Path) -> dict[str, list[tuple[int, int]]]:
    """The spans that must survive, from every `<id>.keep.json` in `folder` ({id: [[start, end], ...]})."""
    keep: dict[str, list[tuple[int, int]]] = {}
    for path in sorted(Path(folder).glob("*.keep.json")):
        for doc_id, spans in json.loads(path.read_text(encoding="utf-8")).items():
            keep.setdefault(doc_id, []).extend((int(s), int(e)) for s, e in spans)
    return keep
