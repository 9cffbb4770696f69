"""The partnership's keep list: terms it always keeps (its services, its area's names, its acronyms).

A plain UTF-8 text file, one term a line, '#' starting a comment line::

    # Keep list of the Anyshire Safeguarding Children Partnership
    Anyshire Family Hub
    Riverside Early Help Team
    ASCP

Given with `anonymiser run --keep FILE` (and `detect`, `evaluate`), or named in a profile
(`keep: {keep_list: FILE}`, a path relative to the profile, or the terms as a list). Each term is
kept like an allowlisted phrase: a detection inside it is dropped, and the residue rule takes
its words as explained. The report's "Export keep list" button writes the reviewer's kept terms
in this format, to add to the file.
"""

from __future__ import annotations

from pathlib import Path

from anonymiser.core.errors import AnonymiserError

KEEP_HEADER = "# Keep list: terms this partnership always keeps, one a line (anonymiser run --keep FILE)."


class KeepListError(AnonymiserError):
    """A keep list that cannot be read."""


def parse_keep_list(text: str) -> tuple[str, ...]:
    """The terms of a keep list's text, in order, each once."""
    out: dict[str, None] = {}
    for line in text.splitlines():
        term = " ".join(line.replace("’", "'").split())
        if term and not term.startswith("#"):
            out.setdefault(term, None)
    return tuple(out)


def load_keep_list(path: Path | str) -> tuple[str, ...]:
    """The terms of the keep list at `path`; a KeepListError that names the file and the fix."""
    path = Path(path)
    fix = "Give a UTF-8 text file with one term a line ('#' for comments)."
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeepListError(path, "keep list not found", "Check the path given to --keep.") from None
    except IsADirectoryError:
        raise KeepListError(path, "keep list is a folder, not a file", fix) from None
    except OSError as exc:
        raise KeepListError(path, f"cannot read the keep list ({exc.strerror})", "Check its permissions.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise KeepListError(path, "keep list is not UTF-8 text", fix) from None
    if "\x00" in text:
        raise KeepListError(path, "keep list is not a text file", fix)
    return parse_keep_list(text)


def merge_keep_terms(existing: str, terms: list[str] | tuple[str, ...]) -> str:
    """A keep list's text with `terms` added at its end, those it already has left out."""
    have = {t.casefold() for t in parse_keep_list(existing)}
    new = [t for t in dict.fromkeys(" ".join(x.split()) for x in terms) if t and t.casefold() not in have]
    base = existing if existing.strip() else KEEP_HEADER + "\n"
    if base and not base.endswith("\n"):
        base += "\n"
    return base + "".join(t + "\n" for t in new)
