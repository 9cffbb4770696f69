"""The command line: `anonymiser run`, `detect`, `verify`, `evaluate`, `profiles`."""

from __future__ import annotations

import click

from anonymiser import __version__
from anonymiser.cli.detect_command import detect
from anonymiser.cli.evaluate_command import evaluate
from anonymiser.cli.run_command import run
from anonymiser.cli.verify_command import verify


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="anonymiser")
def main() -> None:
    """Anonymise draft Child Safeguarding Practice Reviews for publication.

    Start with: anonymiser run DRAFT.docx --register family.yaml --out published/
    """


@click.command()
def profiles() -> None:
    """List the available profiles."""
    from anonymiser.config.profile import available_profiles, load_profile

    for name in available_profiles():
        click.echo(f"{name}: {' '.join(load_profile(name).description.split())}")


for _command in (run, detect, verify, evaluate, profiles):
    main.add_command(_command)

__all__ = ["main"]
