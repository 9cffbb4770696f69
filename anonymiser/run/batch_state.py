"""What a batch remembers between runs, so a re-run skips drafts that are unchanged.

The state is a journal: one JSON line appended per finished draft, the last line for a draft
winning. Appending keeps the cost of recording a draft independent of how many drafts the
folder holds; the journal is compacted, once, at the start of a run when it has grown to
several times the number of drafts it describes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from anonymiser.write.atomic import write_text

STATE_FILE = ".anonymiser-state.jsonl"
_COMPACT_FACTOR = 4  # compact once the journal holds this many lines per draft it describes
_COMPACT_MIN_LINES = 64


def _read(path: Path) -> tuple[dict[str, dict], int]:
    """The latest entry per draft key, and how many lines the journal has."""
    state: dict[str, dict] = {}
    lines = 0
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            for line in f:
                lines += 1
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue  # a line cut short by a crash: that draft is simply redone
                if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                    state[entry.pop("key")] = entry
    except OSError:
        pass
    return state, lines


def load_state(out_dir: Path) -> dict[str, dict]:
    """Draft key -> its last recorded fingerprint, outputs and readiness; a damaged state counts as none."""
    path = out_dir / STATE_FILE
    state, lines = _read(path)
    if lines > max(_COMPACT_MIN_LINES, _COMPACT_FACTOR * len(state)):
        try:
            write_text(path, "".join(_line(k, v) for k, v in state.items()), private=True)
        except OSError:
            pass  # a long journal is only slower to read
    return state


def _line(key: str, entry: dict) -> str:
    return json.dumps({"key": key, **entry}, sort_keys=True) + "\n"


def record_state(out_dir: Path, key: str, entry: dict) -> None:
    """Append one draft's entry, readable by the owner only, in a single write."""
    data = _line(key, entry).encode("utf-8")
    # Never through a link (the run refuses one at its start; this closes the gap after it).
    fd = os.open(out_dir / STATE_FILE, os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data  # a crash cut the last line short: start afresh after it
        os.write(fd, data)
    finally:
        os.close(fd)
