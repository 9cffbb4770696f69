"""Live processes as Linux's /proc lists them, for the tests that check nothing is left running."""

from __future__ import annotations

from pathlib import Path

PARENT, GROUP = 1, 2  # the fields of /proc/<pid>/stat after the state: its parent's id, its process group


def live_processes(field: int, value: int) -> list[int]:
    """The live (not zombie) processes whose `field` (PARENT or GROUP) is `value`."""
    found = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[field]) == value and fields[0] not in ("Z", "X"):
            found.append(int(stat_file.parent.name))
    return found
