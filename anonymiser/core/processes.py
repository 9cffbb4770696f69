"""Whether a process still runs: how a run tells a killed writer's leftovers from a live one's."""

from __future__ import annotations

import errno
import os
from pathlib import Path


def alive(pid: int) -> bool:
    """True while `pid` runs (or may: another user's process); False once it is gone or a zombie."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as exc:
        # EPERM: the process exists but belongs to someone else; leave its files alone.
        return exc.errno == errno.EPERM
    # A killed process stays a zombie until its parent reaps it; it writes nothing any more.
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")
