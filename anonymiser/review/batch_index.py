"""The output folder's index page: every document, its outputs, counts, status and report, on one page.

It is rebuilt from the manifests in the folder after every run, so documents skipped as unchanged
appear as fully as those just written, and the page always agrees with what is on disk. It shows
only anonymised file names: a draft's own name may name the child, and manifests never hold it.
The page links to the reports, which hold originals, so it is marked confidential and written
readable by its owner only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined

from anonymiser import __version__
from anonymiser.core import entities as E
from anonymiser.review.report import type_colours
from anonymiser.write.atomic import write_text

INDEX_FILE = "index.html"
MANIFEST_SUFFIX = ".manifest.json"
_FINDINGS = re.compile(r"(\d+)\s+possible leak")


@dataclass
class IndexEntry:
    """One document as the index shows it, read from its manifest."""

    stem: str
    outputs: list[str] = field(default_factory=list)
    missing_outputs: list[str] = field(default_factory=list)
    report: str | None = None  # the report's file name, if it is there
    counts: dict[str, int] = field(default_factory=dict)
    warnings: int = 0
    embedded: int = 0  # pictures and objects to check by hand
    converted_from: str = ""  # "doc", "odt" or "rtf" when LibreOffice converted the draft
    ready: bool = False
    findings: int = 0
    profile: str = ""
    created_utc: str = ""
    position: str = ""  # the input's folder and place in its run ("a/ · 3 of 30"), never its name
    problem: str | None = None  # the manifest could not be read

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def kinds(self) -> list[tuple[str, str, int]]:
        """(entity, label, count), in the entity list's order, then any unknown types."""
        order = [e for e in E.ENTITY_TYPES if e in self.counts] + sorted(e for e in self.counts if e not in E.ENTITY_TYPES)
        return [(e, E.label(e), self.counts[e]) for e in order]


def _is_anonymised_name(name: object, stem: str) -> bool:
    # Only this document's own publication files: a hand-edited or foreign manifest must not put
    # any other name (an input's, perhaps) on the page.
    return (isinstance(name, str) and Path(name).name == name and name.startswith(stem + ".anonymised.")
            and "/" not in name and "\\" not in name)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def read_entry(out_dir: Path, manifest_path: Path) -> IndexEntry:
    """The index row for one manifest; a manifest that cannot be read still gets a row saying so."""
    stem = manifest_path.name[: -len(MANIFEST_SUFFIX)]
    entry = IndexEntry(stem=stem)
    report = out_dir / f"{stem}.report.html"
    entry.report = report.name if report.is_file() else None
    try:
        data = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        entry.problem = f"manifest unreadable ({type(exc).__name__}); re-run to rebuild it"
        return entry
    if not isinstance(data, dict) or data.get("tool") != "anonymiser":
        entry.problem = "not an anonymiser manifest"
        return entry
    outputs = data.get("outputs")
    names = sorted(n for n in (outputs if isinstance(outputs, dict) else {}) if _is_anonymised_name(n, stem))
    entry.outputs = [n for n in names if (out_dir / n).is_file()]
    entry.missing_outputs = [n for n in names if n not in entry.outputs]
    counts = data.get("replacements")
    if isinstance(counts, dict):
        entry.counts = {str(k): _int(v) for k, v in counts.items() if _int(v)}
    entry.warnings = _int(data.get("warnings"))
    entry.embedded = _int(data.get("embedded_objects"))
    converted = data.get("converted_from")
    entry.converted_from = converted if converted in ("doc", "odt", "rtf") else ""
    # Not ready unless the manifest says so in as many words: a missing field is no pass.
    entry.ready = data.get("ready_for_publication") is True
    verification = data.get("verification")
    if not entry.ready:
        m = _FINDINGS.search(verification) if isinstance(verification, str) else None
        entry.findings = int(m.group(1)) if m else 0
    entry.profile = str(data.get("profile") or "")
    entry.created_utc = str(data.get("created_utc") or "")
    position = data.get("input_position")
    entry.position = position[:200] if isinstance(position, str) else ""
    return entry


def read_entries(out_dir: Path) -> list[IndexEntry]:
    """Every document in the folder, by its manifest, in name order."""
    manifests = sorted((p for p in out_dir.glob("*" + MANIFEST_SUFFIX) if p.is_file()),
                       key=lambda p: (p.name.casefold(), p.name))
    return [read_entry(out_dir, p) for p in manifests]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # Autoescaped and strict, like the report's: a file name must never become markup.
    return Environment(loader=PackageLoader("anonymiser.review", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_index(entries: list[IndexEntry], skipped: Sequence[tuple[str, str]] = (),
                 notes: Sequence[str] = ()) -> str:
    """The index page as HTML text; `skipped` holds (file, why) for each file the last run did not process."""
    totals: dict[str, int] = {}
    for e in entries:
        for k, v in e.counts.items():
            totals[k] = totals.get(k, 0) + v
    total_kinds = IndexEntry(stem="", counts=totals).kinds
    # Colours follow the report's scheme so a kind looks the same on both pages.
    colours = type_colours(totals)
    summary = {
        "documents": len(entries),
        "ready": sum(1 for e in entries if e.ready and not e.problem),
        "not_ready": sum(1 for e in entries if not e.ready or e.problem),
        "findings": sum(e.findings for e in entries),
        "replacements": sum(totals.values()),
        "warnings": sum(e.warnings for e in entries),
        "embedded": sum(e.embedded for e in entries),
        "skipped": len(skipped),
    }
    return _environment().get_template("index.html.j2").render(
        entries=entries, totals=total_kinds, summary=summary, colours=colours, version=__version__,
        skipped=list(skipped), notes=list(notes))


def write_index(out_dir: Path, skipped: Sequence[tuple[str, str]] = (), notes: Sequence[str] = (),
                failed: Sequence[tuple[str, str]] = ()) -> Path:
    """Write OUT/index.html from the manifests in out_dir, and the last run's skipped and failed files, atomically.

    A folder with no documents and no index yet is left as it is: a run whose every draft was
    refused writes nothing. Once there is an index it is always rewritten, so it never lists a
    document whose manifest has gone. A draft that failed is listed with the files not processed,
    so the index, like the console, accounts for every file.
    """
    path = out_dir / INDEX_FILE
    entries = read_entries(out_dir)
    if entries or skipped or path.exists():
        write_text(path, render_index(entries, [*skipped, *failed], notes), private=True)
    return path
