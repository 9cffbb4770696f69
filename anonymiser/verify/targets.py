"""What `anonymiser verify` checks: the publication files of each document and the audit logs they go with."""

from __future__ import annotations

from pathlib import Path


def verify_targets(outputs: tuple[Path, ...],
                    audits: tuple[Path, ...]) -> tuple[list[tuple[list[Path], list[Path]]], tuple[Path, ...]]:
    """What verify checks: (publication files, the audit logs they are checked against) groups, and
    every audit log whose chain is checked.

    Files named one by one form one group with the `audits` given. A folder gives one group per
    document, its publication files with its own audit log, as the run that wrote them checked
    them (a word replaced in one draft, 'March' the town, may rightly stay in another as the month).
    """
    named = [item for item in outputs if not item.is_dir()]
    groups: list[tuple[list[Path], list[Path]]] = [(named, list(audits))] if named else []
    found = list(audits)
    for folder in (item for item in outputs if item.is_dir()):
        for audit in sorted(folder.glob("*.audit.jsonl")):
            if audit not in found:
                found.append(audit)
        files = sorted(p for p in folder.glob("*.anonymised.*") if p.is_file())
        for stem in sorted({p.name.split(".anonymised.")[0] for p in files}):
            own = folder / f"{stem}.audit.jsonl"
            groups.append(([p for p in files if p.name.split(".anonymised.")[0] == stem],
                           [*audits, *([own] if own.is_file() else [])]))
    return groups, tuple(found)
