"""Which files of a run are drafts, and an account of every file that is not: nothing is skipped silently."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser.read import convert
from anonymiser.read.convert import CONVERTED, INSTALL_HINT, SAVE_AS_DOCX
from anonymiser.read.limits import SUPPORTED
from anonymiser.run.batch import STATE_FILE
from anonymiser.run.pipeline import OUTPUT_SUFFIXES

# Word-processor formats a draft is often kept in. Those in CONVERTED are read through LibreOffice
# when it is installed; the others, or all of them without LibreOffice, are left unprocessed, and
# that is a failed run (exit 2), since a whole review may be in one.
DRAFT_LIKE = (*CONVERTED, ".pages", ".wpd")
# What a run writes into OUT; when OUT is the input folder these are never drafts.
_OUTPUT_ENDINGS = OUTPUT_SUFFIXES
_OUTPUT_NAMES = ("index.html", "pseudonym-map.json")


@dataclass(frozen=True)
class Skipped:
    """A file in a batch folder that was not processed, and why."""

    path: Path
    root: Path
    reason: str
    draft_like: bool = False


@dataclass
class Inputs:
    files: list[Path] = field(default_factory=list)
    roots: dict[Path, Path] = field(default_factory=dict)  # each draft's batch folder
    skipped: list[Skipped] = field(default_factory=list)
    hidden: int = 0  # hidden files and folders (names starting with '.'), not looked into
    outputs: int = 0  # files in OUT, or in an earlier run's output folder: never drafts

    @property
    def draft_like(self) -> list[Skipped]:
        return [s for s in self.skipped if s.draft_like]


def is_output_name(name: str) -> bool:
    """A file name this tool writes into OUT."""
    return ".anonymised." in name or name.endswith(_OUTPUT_ENDINGS) or name in _OUTPUT_NAMES


def _is_own_input(name: str) -> bool:
    # Case registers, reviewers' decisions and gold annotations are inputs of this tool, not stray files.
    lower = name.lower()
    return lower == "register.yaml" or lower.endswith((".register.yaml", ".decisions.yaml", ".gold.json"))


def why_not(path: Path) -> tuple[str, bool] | None:
    """Why a file found in a folder is not a draft (and whether it looks like one), or None if it is."""
    name, suffix = path.name, path.suffix.lower()
    if name.startswith("~$"):
        return "a Word lock file (left while the draft is open in Word), not a draft", False
    if ".anonymised." in name:
        return "named like an anonymised output, so not taken as a draft", False
    if suffix in CONVERTED:
        if convert.find_soffice() is not None:
            return ("a read-me, not a draft", False) if path.stem.lower() == "readme" else None
        return (f"'{suffix}' drafts are read through LibreOffice, which is not installed: {SAVE_AS_DOCX}, "
                f"{INSTALL_HINT}"), True
    if suffix in DRAFT_LIKE:
        return f"'{suffix}' drafts cannot be read yet: {SAVE_AS_DOCX}", True
    if suffix in SUPPORTED:
        return ("a read-me, not a draft", False) if path.stem.lower() == "readme" else None
    return (f"'{suffix or 'no extension'}' files are not drafts this tool reads (.docx, .pdf, .txt, .md; "
            ".doc, .odt and .rtf with LibreOffice)"), False


def _count_files(folder: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def collect(items: tuple[Path, ...] | list[Path], out_dir: Path) -> Inputs:
    """The drafts to process, in order, and an account of everything else found in the folders."""
    found = Inputs()
    out = out_dir.resolve()
    seen: set[Path] = set()

    def add(path: Path, root: Path) -> None:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            found.files.append(path)
            found.roots[path] = root

    for item in items:
        if not item.is_dir():
            parent = item.resolve().parent
            if (parent == out or out in parent.parents) and is_output_name(item.name):
                found.skipped.append(Skipped(item, item.parent, "an output in the output folder, not a draft"))
            else:
                add(item, item.parent)
            continue
        root_is_out = item.resolve() == out
        for folder, dirs, files in os.walk(item):
            here = Path(folder)
            kept = []
            for d in sorted(dirs):
                sub = here / d
                if d.startswith("."):
                    found.hidden += 1
                elif sub.is_symlink():
                    found.skipped.append(Skipped(sub, item, "a link to a folder, not followed; give the folder itself"))
                elif sub.resolve() == out or (sub / STATE_FILE).is_file():
                    # This run's output folder, or an earlier run's, inside the input folder.
                    found.outputs += _count_files(sub)
                else:
                    kept.append(d)
            dirs[:] = kept
            for f in sorted(files):
                p = here / f
                if f.startswith("."):
                    found.hidden += 1
                elif root_is_out and here.resolve() == out and is_output_name(f):
                    found.outputs += 1
                elif (reason := why_not(p)) is not None:
                    if not _is_own_input(f):
                        found.skipped.append(Skipped(p, item, *reason))
                elif p.is_file():
                    add(p, item)
    return found
