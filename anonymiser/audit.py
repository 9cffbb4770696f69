"""The audit log: one JSON line per replacement, each sealed with the case key's HMAC and chained to the one before."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from .audit_key import KEY_FILE, key_file_beside, key_id, keys_in
from .decide import Decisions
from .document import Document
from .writers.atomic import atomic_path

GENESIS = "0" * 64
# Fields that seal a record: each is computed over the record without them.
SEAL_FIELDS = ("sha256", "mac")
AUDIT_SUFFIX = ".audit.jsonl"


def audit_records(doc: Document, decisions: Decisions, document_label: str, extra: list[dict] | None = None,
                  *, key: bytes) -> list[dict]:
    """The records, in document order, each sealed with `key` and chained to the one before it."""
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
    return seal(records, key)


def seal(records: list[dict], key: bytes) -> list[dict]:
    """Number, chain and seal records in place: seq, prev_mac, key_id, then sha256 and mac over the rest."""
    kid = key_id(key)
    prev = GENESIS
    for i, rec in enumerate(records):
        for name in SEAL_FIELDS:
            rec.pop(name, None)
        rec["seq"] = i
        rec["prev_mac"] = prev
        rec["key_id"] = kid
        body = _canonical(rec)
        rec["sha256"] = hashlib.sha256(body).hexdigest()
        rec["mac"] = prev = _mac(key, body)
    return records


def _canonical(rec: dict) -> bytes:
    """The bytes a seal covers: the record without its seals, in one fixed form.

    A fixed form, not the line as written, so a line's ending, spacing or key order never matters.
    """
    body = {k: v for k, v in rec.items() if k not in SEAL_FIELDS}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _mac(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def _end_mac(key: bytes, records: int, last_mac: str) -> str:
    return _mac(key, f"anonymiser audit end|{records}|{last_mac}".encode("utf-8"))


def anchor(records: list[dict], key: bytes) -> dict:
    """What the manifest keeps of the log: its length and last MAC, sealed, so a cut-off end shows."""
    last = records[-1]["mac"] if records else GENESIS
    return {"records": len(records), "last_mac": last, "end_mac": _end_mac(key, len(records), last)}


def _line(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def write_audit(path: Path, records: list[dict]) -> None:
    """Owner-only: the audit holds the originals and must never be published."""
    with atomic_path(path, private=True) as tmp:
        tmp.write_text("".join(_line(r) + "\n" for r in records), encoding="utf-8")


@dataclass
class ChainCheck:
    """What checking one audit log found."""

    bad_line: int | None = None  # the first line that fails (1-based); one past the end for a cut-off end
    problem: str = ""  # why that line fails, or what else is wrong; never quotes the log
    records: int = 0
    authenticated: bool = False  # every MAC was checked with the case key
    end_confirmed: bool = False  # the manifest's sealed anchor vouches for the last line
    notes: list[str] = field(default_factory=list)  # limits of the check, not findings

    @property
    def ok(self) -> bool:
        return not self.problem

    @property
    def whole(self) -> bool:
        """Proven whole and authentic: nothing edited, inserted, removed or reordered, end included."""
        return self.ok and self.authenticated and self.end_confirmed


def _records(data: bytes) -> list[bytes]:
    # Split on "\n" only: str.splitlines() would also split inside a record at U+2028, U+0085 and
    # the like, which json.dumps(ensure_ascii=False) leaves unescaped in originals. A "\r" or spaces
    # at a line's end are JSON whitespace, so a log saved with CRLF endings still reads.
    lines = data.split(b"\n")
    while lines and not lines[-1].strip():
        lines.pop()  # the final newline (and any blank lines after it) start no record
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]  # a byte-order mark an editor added when saving
    return lines


def check_chain(path: Path, keys: Mapping[str, bytes] | None, anchor_of_log: dict | None,
                key_file: Path | None = None) -> ChainCheck:
    """Check each line's own seal, its place and its link, then the end against the manifest's anchor.

    Each line is checked on its own, so the first bad line is named: an edited or inserted line
    fails its own seal; a genuine line out of place (a line deleted before it, a copy, a swap)
    carries the wrong seq; a genuine line from another log does not follow the one before. With
    `keys` (key id -> key) the seal checked is the HMAC, which nobody without the key can forge;
    without them only the unkeyed SHA-256, which anyone can recompute. Nothing in the log vouches
    for its end, so a cut-off end shows only against `anchor_of_log`, the manifest's anchor.
    """
    result = ChainCheck(authenticated=keys is not None)
    lines = _records(path.read_bytes())
    result.records = len(lines)
    where = f" in {key_file}" if key_file else ""

    def bad(n: int | None, problem: str) -> ChainCheck:
        result.bad_line, result.problem = n, problem
        result.end_confirmed = False
        return result

    prev, last_kid = GENESIS, None
    for n, raw in enumerate(lines, start=1):
        try:
            rec = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return bad(n, "not a readable record (edited or inserted)")
        if not isinstance(rec, dict):
            return bad(n, "not a record (edited or inserted)")
        kid, mac, sha = rec.get("key_id"), rec.get("mac"), rec.get("sha256")
        if not all(isinstance(v, str) for v in (kid, mac, sha)):
            return bad(n, "the record carries no seal (edited, inserted, or written by an older anonymiser)")
        body = _canonical(rec)
        if keys is not None:
            key = keys.get(kid)
            if key is None:
                return bad(n, f"sealed with a key that is not{where}: the log was re-sealed by hand, or it "
                              "belongs to another pseudonym map (give that map with --map)")
            if not hmac.compare_digest(mac, _mac(key, body)):
                return bad(n, "its MAC does not match its content: the line was edited or inserted")
        if not hmac.compare_digest(sha, hashlib.sha256(body).hexdigest()):
            return bad(n, "its hash does not match its content: the line was edited or inserted")
        if rec.get("seq") != n - 1:
            return bad(n, "a genuine record out of place: a line was deleted before it, or it was copied "
                          "or moved here")
        if rec.get("prev_mac") != prev:
            return bad(n, "a record that does not follow the line before it (taken from another log)")
        prev, last_kid = mac, kid

    if anchor_of_log is None:
        result.notes.append("no manifest beside it: the end of the log cannot be confirmed (lines cut off "
                            "its end would not show)")
        return result
    count, last, end = (anchor_of_log.get(k) for k in ("records", "last_mac", "end_mac"))
    if not isinstance(count, int) or isinstance(count, bool) or not isinstance(last, str):
        return bad(None, "its manifest's audit anchor is damaged: the end of the log cannot be confirmed")
    if keys is not None:
        key = keys.get(last_kid) if last_kid else next(iter(keys.values()), None)
        if key is None or not isinstance(end, str) or not hmac.compare_digest(end, _end_mac(key, count, last)):
            return bad(None, "its manifest's audit anchor is not sealed with the case key (the manifest was "
                             "edited): the end of the log cannot be confirmed")
    if len(lines) < count:
        return bad(len(lines) + 1, f"missing: the log ends after line {len(lines)}, but its manifest records "
                                   f"{count} lines (the end was cut off)")
    if len(lines) > count:
        return bad(count + 1, f"past the end its manifest records ({count} lines): lines were added")
    if prev != last:
        return bad(max(len(lines), 1), "not the last line its manifest records (the log was replaced by "
                                       "another run's)")
    result.end_confirmed = keys is not None
    if keys is None:
        result.notes.append("its manifest's anchor matches the end, but without the key the anchor's seal "
                            "cannot be checked")
    return result


def manifest_of(path: Path) -> Path | None:
    """The <stem>.manifest.json written in the same run as <stem>.audit.jsonl."""
    if not path.name.endswith(AUDIT_SUFFIX):
        return None
    return path.with_name(path.name[: -len(AUDIT_SUFFIX)] + ".manifest.json")


def _manifest_anchor(path: Path) -> dict | None:
    """The audit anchor recorded in its run's manifest, if there is one beside it."""
    manifest = manifest_of(path)
    if manifest is None:
        return None
    try:
        value = json.loads(manifest.read_text(encoding="utf-8")).get("audit_chain")
    except (OSError, ValueError, AttributeError):
        return None  # no manifest (or not ours): the chain alone is all there is to check
    return value if isinstance(value, dict) else None


def verify_audit(path: Path, map_path: Path | None = None) -> ChainCheck:
    """Check one audit log with the case key beside `map_path` (default: the log's folder's map)."""
    key_file = key_file_beside(map_path) if map_path else path.parent / KEY_FILE
    keys = keys_in(key_file)
    result = check_chain(path, keys, _manifest_anchor(path), key_file)
    if keys is None:
        result.notes.insert(0, f"no audit key at {key_file}: the chain was checked for consistency only, not "
                               "authenticity (give the case's pseudonym map with --map)")
    return result
