"""Errors a publication officer can act on: each names the file and the fix."""

from __future__ import annotations

from pathlib import Path


class AnonymiserError(Exception):
    """A problem with the input that stops one document; its message is one line for the console."""

    exit_code = 2

    def __init__(self, path: Path | str | None, problem: str, fix: str = "") -> None:
        self.path = Path(path) if path is not None else None
        self.problem = problem
        self.fix = fix
        super().__init__(self.line())

    def __reduce__(self) -> tuple[type[AnonymiserError], tuple[Path | None, str, str]]:
        # A worker process sends its error back pickled; the default would rebuild it from the message.
        return type(self), (self.path, self.problem, self.fix)

    def line(self) -> str:
        where = f"{self.path}: " if self.path is not None else ""
        fix = f" {self.fix}" if self.fix else ""
        return f"{where}{self.problem}.{fix}"


class InputError(AnonymiserError):
    """A draft that cannot be read: missing, empty, corrupt, encrypted, too big, wrong encoding."""


class RegisterError(AnonymiserError):
    """A case register that is not valid."""


class ProfileError(AnonymiserError):
    """A pipeline profile that is not valid."""


class DecisionsError(AnonymiserError):
    """A reviewer's decisions file that is not valid."""


class LeakError(AnonymiserError):
    """The verify step found something original in an output."""

    exit_code = 1
