"""The audit log: one JSON line per replacement, chained by SHA-256 so tampering shows."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .decide import Decisions
from .document import Document
from .writers.atomic import atomic_path

GENESIS = "0" * 64


def audit_records(doc: Document, decisions: Decisions, document_label: str, extra: list[dict] | None = None) -> list[dict]:
    """The records, in document order; each carries the hash of the one before it."""
    records: list[dict] = []
    for r in decisions.replacements:
        records.append({
            "kind": "replacement",
            "document": document_label,
            "location": {"offset": r.start, "end": r.end, "line": doc.line_of(r.start), "where": doc.origin_of(r.start)},
            "entity_type": r.entity,
            "detectors": list(r.detectors),
            "score": r.score,
            "original": r.original,
            "replacement": r.replacement,
            "rule": r.rule,
            "person": r.person,
        })
    for f in decisions.flags:
        records.append({
            "kind": "flag",
            "document": document_label,
            "location": {"offset": f.start, "end": f.end, "line": doc.line_of(f.start), "where": doc.origin_of(f.start)},
            "entity_type": f.entity,
            "original": f.text,
            "replacement": f.text,
            "rule": f.reason,
        })
    records.sort(key=lambda rec: (rec["location"]["offset"], rec["kind"]))
    records += extra or []
    prev = GENESIS
    for i, rec in enumerate(records):
        rec["seq"] = i
        rec["prev_sha256"] = prev
        prev = hashlib.sha256(_line(rec).encode("utf-8")).hexdigest()
    return records


def _line(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def write_audit(path: Path, records: list[dict]) -> None:
    """Owner-only: the audit holds the originals and must never be published."""
    with atomic_path(path, private=True) as tmp:
        tmp.write_text("".join(_line(r) + "\n" for r in records), encoding="utf-8")


def check_chain(path: Path) -> int | None:
    """Line number of the first broken link, or None if the chain is whole."""
    prev = GENESIS
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            return n
        if rec.get("prev_sha256") != prev:
            return n
        prev = hashlib.sha256(_line(rec).encode("utf-8")).hexdigest()
    return None
