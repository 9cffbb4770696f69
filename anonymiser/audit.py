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


def check_chain(path: Path, anchor_sha256: str | None = None) -> int | None:
    """Line number (1-based) of the first line the chain shows was edited, or None if the log is whole.

    A record vouches for the one before it (prev_sha256) and for its own place (seq), so:
    a line out of place (deleted before it, inserted, reordered) breaks at that line; a line whose
    content changed breaks the next line's link with seq still in order, so the changed line is
    reported. Nothing after the last record vouches for it, so the whole file is also compared with
    `anchor_sha256` (default: the audit_sha256 of the <stem>.manifest.json beside it, written in
    the same run); a mismatch with an otherwise whole chain means the end was edited or cut off,
    and the last line is reported.
    """
    data = path.read_bytes()
    # Split on newlines only: str.splitlines() would also split inside a record at U+2028, U+0085
    # and the like, which json.dumps(ensure_ascii=False) leaves unescaped in originals.
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()  # the final newline ends the last record; it does not start another
    prev = GENESIS
    for n, raw in enumerate(lines, start=1):
        try:
            rec = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return n
        if not isinstance(rec, dict):
            return n
        if rec.get("seq") != n - 1:
            return n  # a line was deleted, inserted or moved here (or its seq edited)
        if rec.get("prev_sha256") != prev:
            # This record and the one before are where they were written, so what changed is the
            # line it vouches for. (A hand-edited prev_sha256 here looks the same; naming the
            # earlier line sends the reviewer to the first place the edit can be.)
            return max(n - 1, 1)
        prev = hashlib.sha256(_line(rec).encode("utf-8")).hexdigest()
    if anchor_sha256 is None:
        anchor_sha256 = _manifest_anchor(path)
    if anchor_sha256 and hashlib.sha256(data).hexdigest() != anchor_sha256:
        return max(len(lines), 1)
    return None


def _manifest_anchor(path: Path) -> str | None:
    """The audit's SHA-256 recorded in its run's manifest, if there is one beside it."""
    suffix = ".audit.jsonl"
    if not path.name.endswith(suffix):
        return None
    manifest = path.with_name(path.name[: -len(suffix)] + ".manifest.json")
    try:
        value = json.loads(manifest.read_text(encoding="utf-8")).get("audit_sha256")
    except (OSError, ValueError, AttributeError):
        return None  # no manifest (or not ours): the chain alone is all there is to check
    return value if isinstance(value, str) else None
