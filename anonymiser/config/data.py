"""Read the small text lists in models/: name pools, allowlists and gazetteers."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def data_dir(name: str) -> Path:
    """Inside an installed wheel the folder sits in the package; in a checkout, beside it."""
    return _PACKAGE / name if (_PACKAGE / name).is_dir() else _PACKAGE.parent / name


MODELS_DIR = data_dir("models")


def list_exists(folder: str, name: str) -> bool:
    return (MODELS_DIR / folder / f"{name}.txt").is_file()


@lru_cache(maxsize=None)
def load_list(folder: str, name: str) -> tuple[str, ...]:
    """Entries of models/<folder>/<name>.txt: one a line, '#' comments and blank lines skipped."""
    path = MODELS_DIR / folder / f"{name}.txt"
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append(line)
    return tuple(entries)


@lru_cache(maxsize=None)
def lowered(folder: str, names: tuple[str, ...]) -> frozenset[str]:
    """The union of several lists, lower-cased, for membership tests."""
    return frozenset(e.lower() for n in names for e in load_list(folder, n))
