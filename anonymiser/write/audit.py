"""The audit log: one JSON line per replacement, each sealed with the case key's HMAC and chained to the one before.

The last line is an end record, sealed like the rest, so a log cut short shows without its manifest.

A replacement's record: kind ("replacement"), document, location (offset, end, line, where),
entity_type, detectors, score (the confidence combined from its evidence, decide/confidence.py),
evidence (that evidence in the reviewer's words: "first-name list", "title 'Mrs'"), original,
replacement, rule (the decide steps behind it) and person (the register or cluster key). A flag's
record: kind ("flag"), document, location, entity_type, original, replacement (the same text) and rule.
The pipeline adds its own records after these: warnings, leaks, the reviewer's decisions, and for a
draft LibreOffice converted a "conversion" record (from, to, by; nothing of the draft's content).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from anonymiser.core.document import Document
from anonymiser.core.results import Decisions
from anonymiser.write.atomic import atomic_path
from anonymiser.write.audit_key import KEY_FILE, key_file_beside, key_id, keys_in

GENESIS = "0" * 64
END = "end"  # the kind of the record that closes a log
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
            "evidence": list(r.evidence),
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
            "rule": f.rule or f.reason,
        })
    records.sort(key=lambda rec: (rec["location"]["offset"], rec["kind"]))
    records += extra or []
    records.append({"kind": END, "document": document_label, "records": len(records)})
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


def anchor(records: list[dict]) -> dict:
    """What the manifest keeps of the log: its length and last MAC, which tie the log to its run."""
    return {"records": len(records), "last_mac": records[-1]["mac"] if records else GENESIS}


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
    end_confirmed: bool = False  # the manifest's anchor vouches that this is its run's log, end included
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
                key_file: Path | None = None, no_anchor: str = "no manifest beside it") -> ChainCheck:
    """Check each line's own seal, its place and its link, then the end against the manifest's anchor.

    Each line is checked on its own, so the first bad line is named: an edited or inserted line
    fails its own seal; a genuine line out of place (a line deleted before it, a copy, a swap)
    carries the wrong seq; a genuine line from another log does not follow the one before; a log
    cut short lacks its end record. With `keys` (key id -> key) the seal checked is the HMAC, which
    nobody without the key can forge; without them only the unkeyed SHA-256, which anyone can
    recompute. Only `anchor_of_log`, the manifest's anchor, shows that a whole, genuine log is not
    an earlier run's (`no_anchor` says why there is none).
    """
    result = ChainCheck(authenticated=keys is not None)
    lines = _records(path.read_bytes())
    result.records = len(lines)
    where = f" in {key_file}" if key_file else ""

    def bad(n: int | None, problem: str) -> ChainCheck:
        result.bad_line, result.problem = n, problem
        result.end_confirmed = False
        return result

    prev, ended = GENESIS, False
    for n, raw in enumerate(lines, start=1):
        try:
            rec = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return bad(n, "not a readable record (edited or inserted)")
        if not isinstance(rec, dict):
            return bad(n, "not a record (edited or inserted)")
        kid, mac, sha = rec.get("key_id"), rec.get("mac"), rec.get("sha256")
        if not (isinstance(kid, str) and isinstance(mac, str) and isinstance(sha, str)):
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
        if n > 1 and ended:
            return bad(n, "past the log's end record: lines were added")
        prev, ended = mac, rec.get("kind") == END
    if not ended:
        return bad(len(lines) + 1, f"missing: the log stops after line {len(lines)} without its end record "
                                   "(its end was cut off)")

    if anchor_of_log is None:
        result.notes.append(f"{no_anchor}: the end of the log cannot be confirmed against its run (its own "
                            "end record shows a cut, but an entire log from an earlier run would pass)")
        return result
    count, last = anchor_of_log.get("records"), anchor_of_log.get("last_mac")
    if not isinstance(count, int) or isinstance(count, bool) or not isinstance(last, str):
        return bad(None, "its manifest's audit anchor is damaged, so the log cannot be matched to its run")
    if len(lines) != count or prev != last:
        return bad(None, f"the log is not the one its manifest records ({count} lines): it was replaced by "
                         "another run's log, or the manifest was edited")
    result.end_confirmed = True
    return result


def manifest_of(path: Path) -> Path | None:
    """The <stem>.manifest.json written in the same run as <stem>.audit.jsonl."""
    if not path.name.endswith(AUDIT_SUFFIX):
        return None
    return path.with_name(path.name[: -len(AUDIT_SUFFIX)] + ".manifest.json")


def _manifest_anchor(path: Path) -> tuple[dict | None, str]:
    """The audit anchor recorded in its run's manifest beside it, or None and why there is none."""
    manifest = manifest_of(path)
    if manifest is None or not manifest.exists():
        return None, "no manifest beside it"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, f"its manifest {manifest.name} cannot be read"
    value = data.get("audit_chain") if isinstance(data, dict) else None
    if not isinstance(value, dict):
        return None, f"its manifest {manifest.name} holds no audit anchor (written by an older anonymiser?)"
    return value, ""


def verify_audit(path: Path, map_path: Path | None = None) -> ChainCheck:
    """Check one audit log with the case key beside `map_path` (default: the log's folder's map)."""
    key_file = key_file_beside(map_path) if map_path else path.parent / KEY_FILE
    keys = keys_in(key_file)
    anchor_of_log, no_anchor = _manifest_anchor(path)
    result = check_chain(path, keys, anchor_of_log, key_file, no_anchor)
    if keys is None:
        result.notes.insert(0, f"no audit key at {key_file}: the chain was checked for consistency only, not "
                               "authenticity (give the case's pseudonym map with --map)")
    return result
