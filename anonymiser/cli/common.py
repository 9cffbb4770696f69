"""What the commands share: exit codes, the one-line failure, the profile with its keep list, options."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from anonymiser.config.profile import Profile
    from anonymiser.run.inputs import Inputs

EXIT_LEAK = 1
EXIT_BAD_INPUT = 2
ASK = "\x00ask"  # --password given without a value
PASSWORD_ENV = "ANONYMISER_PDF_PASSWORD"


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    click.echo(f"anonymiser: {message}", err=True)
    sys.exit(code)


def collect_inputs(inputs: tuple[Path, ...], out_dir: Path) -> "Inputs":
    from anonymiser.run.inputs import collect

    return collect(inputs, out_dir)


def read_password(value: str | None) -> str | None:
    # `--password` alone asks for it, hidden, so it never sits in the shell's history.
    if value == ASK:
        return click.prompt("PDF password", hide_input=True, err=True)
    return value


KEEP_OPTION = click.option("--keep", "keep_path", type=click.Path(path_type=Path),
                           help="The partnership's keep list: a text file of terms always kept, one a line.")


def profile_with_keep(name: str, keep_path: Path | None) -> "Profile":
    """The profile, with the keep list's terms added when --keep is given."""
    from anonymiser.config.keep_list import load_keep_list
    from anonymiser.config.profile import load_profile, with_keep_list

    prof = load_profile(name)
    return with_keep_list(prof, load_keep_list(keep_path)) if keep_path else prof


WORKERS_OPTION = click.option("--workers", type=click.IntRange(min=1), help="Parallel processes [default: one per core].")
