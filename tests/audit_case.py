"""One clean run of a small invented draft, whose outputs and audit log the audit and verify
tests tamper with, and the helpers that read and rewrite that log."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from click.testing import CliRunner, Result

from anonymiser.cli import main
from tests.okafor_case import REGISTER

DRAFT = """\
Child Safeguarding Practice Review: Amara

1. Amara Okafor lived with her mother, Sarah Okafor, at 27 Birchwood Road, Thornton Heath, CR7 8QT.
Her NHS number is 943 476 5919.

2. On 14th March 2019 the health visitor visited. Ms Okafor's phone number was 07700 900123.
Amara's father, Tunde Okafor, lived in Lewisham.
"""


def run_cli(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def clean_run(root: Path) -> tuple[Path, Path]:
    """One clean run's output folder under `root`, and its register."""
    draft = root / "in" / "Amara_draft.txt"
    draft.parent.mkdir()
    draft.write_text(DRAFT, encoding="utf-8")
    register = root / "in" / "family.yaml"
    register.write_text(REGISTER, encoding="utf-8")
    out = root / "out"
    result = run_cli("run", str(draft), "--register", str(register), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out, register


def audit_log(out: Path) -> Path:
    """The log of the module's draft (a test may add a second draft's)."""
    return next(p for p in sorted(out.glob("*.audit.jsonl")) if not p.name.startswith("Second"))


def log_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]


ENDINGS: dict[str, Callable[[list[str]], str]] = {
    "LF": lambda lines: "".join(line + "\n" for line in lines),
    "CRLF": lambda lines: "".join(line + "\r\n" for line in lines),
    "trailing spaces": lambda lines: "".join(line + "  \t \n" for line in lines),
    "no final newline": lambda lines: "\n".join(lines),
}


def write_lines(path: Path, lines: list[str], ending: str = "LF") -> None:
    path.write_bytes(ENDINGS[ending](lines).encode("utf-8"))
