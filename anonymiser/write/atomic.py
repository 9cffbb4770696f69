"""Write files so a crash or Ctrl-C never leaves half an output behind.

Temporary files are named `.tmp-<pid>-<random><suffix>`. Ctrl-C removes them, but a killed
process (SIGKILL, power loss) cannot; the pid in the name lets the next run tell a dead
writer's leftovers from a live one's, since another run may be writing into the same folder.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from anonymiser.core.errors import AnonymiserError
from anonymiser.core.processes import alive

TEMP_PREFIX = ".tmp-"
_TEMP_NAME = re.compile(r"^\.tmp-(\d+)-")
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
PUBLIC_FILE = 0o644


def refuse_link(path: Path) -> None:
    """Stop with one line if `path` is a symbolic link: a link could send an output anywhere."""
    if path.is_symlink():
        raise AnonymiserError(path, "is a symbolic link, and outputs are never written through one",
                              "Remove the link (or choose another --out) and run again.")


def make_private_dir(folder: Path) -> None:
    """Create `folder` and any missing parents readable by their owner only, whatever the umask."""
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    for p in reversed(missing):
        try:
            os.mkdir(p, PRIVATE_DIR)
        except FileExistsError:
            continue  # another worker made it first
        os.chmod(p, PRIVATE_DIR)


def make_claims_dir(folder: Path) -> Path:
    """A private folder for this run's claims, named like a temporary so a killed run's is cleaned."""
    make_private_dir(folder)
    return Path(tempfile.mkdtemp(dir=folder, prefix=f"{TEMP_PREFIX}{os.getpid()}-claims-"))


def temp_beside(path: Path) -> Path:
    """A new, empty temporary file in `path`'s folder, keeping its suffix (writers look at it)."""
    make_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=path.suffix)
    os.close(fd)
    return Path(tmp)


@contextmanager
def atomic_path(path: Path, private: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path` in one step."""
    tmp_path = temp_beside(path)
    try:
        yield tmp_path
        refuse_link(path)
        os.chmod(tmp_path, PRIVATE_FILE if private else PUBLIC_FILE)
        os.replace(tmp_path, path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str, private: bool = False) -> None:
    with atomic_path(path, private) as tmp:
        tmp.write_text(text, encoding="utf-8")


def remove_stale_temps(folder: Path) -> list[Path]:
    """Delete temporary files left in `folder` by writers that no longer run; return them."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed  # no folder yet, or unreadable: the write itself will report it
    for entry in entries:
        m = _TEMP_NAME.match(entry.name)
        if not m or alive(int(m.group(1))):
            continue
        try:
            if entry.is_symlink():
                continue
            if entry.is_dir():
                shutil.rmtree(entry)  # a killed run's claims
                removed.append(entry)
            elif entry.is_file():
                entry.unlink()
                removed.append(entry)
        except OSError:
            pass  # a leftover we cannot delete is harmless: outputs never use these names
    return removed


class Staging:
    """Several outputs written to temporary files, then renamed into place together.

    `commit` renames in the order given, so the caller decides which files appear first
    (the manifest before the publication files: any publication file that exists then has its
    manifest, even if the process is killed between two renames). On any failure before or
    during the commit every temporary file is removed, and so is every output this staging
    already renamed, so a draft's outputs are all there or none of this run's are.
    """

    def __init__(self) -> None:
        self._temps: dict[Path, tuple[Path, bool]] = {}  # final -> (temp, private)
        self._committed: list[Path] = []

    def path(self, final: Path, private: bool = False) -> Path:
        """The temporary path to write `final`'s content to."""
        tmp = temp_beside(final)
        self._temps[final] = (tmp, private)
        return tmp

    def commit(self, order: list[Path]) -> None:
        for final in order:
            refuse_link(final)  # all checked before the first rename, so none or all are written
        for final in order:
            tmp, private = self._temps[final]
            os.chmod(tmp, PRIVATE_FILE if private else PUBLIC_FILE)
            os.replace(tmp, final)
            self._committed.append(final)
            del self._temps[final]

    def discard(self) -> None:
        for tmp, _ in self._temps.values():
            tmp.unlink(missing_ok=True)
        self._temps.clear()
        for final in self._committed:
            final.unlink(missing_ok=True)
        self._committed.clear()

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if exc_type is not None:
            self.discard()
        else:
            # Anything staged but not committed was not wanted; never leave it behind.
            for tmp, _ in self._temps.values():
                tmp.unlink(missing_ok=True)
            self._temps.clear()
