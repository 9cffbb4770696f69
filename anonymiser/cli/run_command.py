"""`anonymiser run`: anonymise drafts, or folders of them, into an output folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from anonymiser.cli.common import (
    ASK,
    EXIT_BAD_INPUT,
    EXIT_LEAK,
    KEEP_OPTION,
    PASSWORD_ENV,
    WORKERS_OPTION,
    collect_inputs,
    fail,
    profile_with_keep,
    read_password,
)
from anonymiser.core import entities as E
from anonymiser.core.errors import AnonymiserError

if TYPE_CHECKING:
    from anonymiser.run.inputs import Inputs


@click.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--register", "register_path", type=click.Path(path_type=Path),
              help="The case register (YAML) listing the family [default: DRAFT.register.yaml or register.yaml "
                   "beside each draft].")
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Folder for the anonymised documents, audit logs and manifests.")
@click.option("--profile", default="safeguarding-review", show_default=True,
              help="Profile name (see `anonymiser profiles`) or a path to a profile YAML file.")
@click.option("--map", "map_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Pseudonym map file [default: OUT/pseudonym-map.json]. Share it to keep pseudonyms across folders.")
@click.option("--accept-tracked-changes", is_flag=True, help="Apply a Word draft's tracked changes before anonymising.")
@click.option("--password", is_flag=False, flag_value=ASK, envvar=PASSWORD_ENV, show_envvar=True,
              help="Password for an encrypted PDF. Give --password alone to be asked for it (hidden), "
                   f"or set {PASSWORD_ENV}.")
@WORKERS_OPTION
@click.option("--decisions", "decisions_path", type=click.Path(path_type=Path, dir_okay=False),
              help="A reviewer's decisions file, exported from the report page.")
@KEEP_OPTION
def run(inputs: tuple[Path, ...], register_path: Path | None, out_dir: Path, profile: str, map_path: Path | None,
        accept_tracked_changes: bool, password: str | None, workers: int | None,
        decisions_path: Path | None, keep_path: Path | None) -> None:
    """Anonymise drafts (.docx, .pdf, .txt, .md; .doc, .odt, .rtf with LibreOffice; or folders of them) into OUT."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from anonymiser.run.batch import BatchSettings, Outcome, check_records, default_workers, run_batch
    from anonymiser.run.register import load_register
    from anonymiser.write.atomic import make_private_dir

    try:
        prof = profile_with_keep(profile, keep_path)
        if register_path:
            load_register(register_path)  # a broken register stops the run before any work
        if decisions_path:
            from anonymiser.review.decisions_file import load_decisions

            load_decisions(decisions_path)
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    found = collect_inputs(inputs, out_dir)
    files = found.files
    skips, notes = _not_processed(found, register_path)
    for shown, reason in skips:
        click.echo(f"skipped: {shown}: {reason}", err=True)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if not files:
        fail("no .docx, .pdf, .txt or .md drafts (nor .doc, .odt or .rtf with LibreOffice) found in "
             + ", ".join(map(str, inputs)))
    settings = BatchSettings(prof, out_dir, map_path or out_dir / "pseudonym-map.json", register_path,
                             accept_tracked_changes, read_password(password), decisions_path)
    try:
        check_records(settings)
        make_private_dir(out_dir)
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    except OSError as exc:
        fail(f"{out_dir}: cannot create the output folder ({exc.strerror}). Choose another --out.")
    n_workers = max(1, min(workers or default_workers(), len(files)))

    def say(message: str) -> None:
        # One message, one line: no wrapping, no markup (a path may hold square brackets).
        progress.console.print(message, soft_wrap=True, markup=False, highlight=False)

    def report(o: Outcome) -> None:
        if o.error:
            say(f"error: {o.error}")
            return
        if o.skipped:
            say(f"{o.label}: unchanged since the last run; skipped (outputs kept as they were)")
            return
        assert o.result is not None
        if o.no_register:
            say(f"warning: {o.label}: no case register (give --register, or put {o.path.stem}.register.yaml "
                "beside it): family names are found only by the detectors.")
        total = sum(o.result.counts.values())
        status = "ready for review" if o.result.ready else "NOT READY: verification found possible leaks"
        published = " and ".join(p.name for p in o.result.outputs if ".anonymised." in p.name) or o.result.outputs[0].name
        via = f" (read through LibreOffice from .{o.result.converted_from})" if o.result.converted_from else ""
        say(f"{o.label} -> {published}{via}: {total} replacements; {status}")
        for w in o.result.warnings:
            say(f"  warning: {o.masked(w)}")
        for leak in o.result.leaks:
            say(f"  leak: {leak.console_line()}")
        if o.result.leaks:
            say("  to clear: open its report (.report.html) and look at each word under Verification. If it names "
                "someone or somewhere, add it as a missed string; if it is rightly kept (an ethnicity, an agency, a "
                "common word), reject the replacement that removed it elsewhere. Then export the decisions and run "
                "again with --decisions")
        progress.advance(task)

    with Progress(TextColumn("anonymising"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("drafts", total=len(files))
        try:
            summary = run_batch(files, settings, n_workers, report, found.roots)
        except KeyboardInterrupt:
            fail("interrupted. Finished documents are complete; the rest were not written. Run the same "
                  "command again to finish.", 130)
        except AnonymiserError as exc:
            fail(exc.line(), exc.exit_code)

    from anonymiser.review.batch_index import write_index

    # Built from every manifest in OUT, so drafts skipped as unchanged are listed too.
    # A failed draft is named as on the console (register names masked), with why it failed.
    failures = [(o.label, "not anonymised: " + o.error.removeprefix(f"{o.label}: ")) for o in summary.failed if o.error]
    index = write_index(out_dir, skips, notes, failures)
    counts = summary.counts()
    done = sum(1 for o in summary.outcomes if o.result)
    skipped = sum(1 for o in summary.outcomes if o.skipped)
    warnings = sum(len(o.result.warnings) for o in summary.outcomes if o.result)
    embedded = sum(o.result.embedded for o in summary.outcomes if o.result)
    to_check = f" ({embedded} picture{'s' if embedded != 1 else ''} or object{'s' if embedded != 1 else ''} " \
               "to check by hand)" if embedded else ""
    # the not-ready drafts are among those anonymised: said so, they are not read as one more draft
    ready = f" ({done - len(summary.not_ready)} ready for review, {len(summary.not_ready)} NOT READY)" if summary.not_ready else ""
    click.echo(f"Summary: {done} anonymised{ready}, {skipped} unchanged, {len(summary.failed)} failed, "
               f"{warnings} warning{'s' if warnings != 1 else ''}{to_check}, {len(found.skipped)} not processed"
               f"{f' ({len(found.draft_like)} to save as .docx)' if found.draft_like else ''}; "
               f"output in {out_dir}")
    if counts:
        # the report's and the index's names for each kind, so the three counts can be compared
        click.echo("Replacements: " + ", ".join(f"{E.label(k)} {v}"
                                                for k, v in sorted(counts.items())))
    if index.exists():
        click.echo(f"Index of every document: {index} (confidential: it links to the reports)")
    if summary.not_ready:
        click.echo(f"Do not publish the {len(summary.not_ready)} NOT READY draft{'s' if len(summary.not_ready) != 1 else ''} "
                   "until each one's report is cleared and a new run says ready.")
    click.echo("Publish only the *.anonymised.* files, after a reviewer has read each report: audit logs and the "
               "pseudonym map hold real names.")
    if summary.failed or found.draft_like:
        sys.exit(EXIT_BAD_INPUT)
    if summary.not_ready:
        sys.exit(EXIT_LEAK)


def _not_processed(found: "Inputs", register_path: Path | None) -> tuple[list[tuple[str, str]], list[str]]:
    """(file, why) for each file not processed, register names masked; then notes on what was passed over."""
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.run.batch import register_for
    from anonymiser.write.naming import mask_names, relative

    skips = []
    for s in found.skipped:
        try:
            register = register_for(s.path, register_path)[0]
        except AnonymiserError:
            register = EMPTY_REGISTER  # the register's own error is reported with the drafts
        skips.append(("/".join(mask_names(part, register) for part in relative(s.path, s.root).parts), s.reason))
    notes = []
    if found.hidden:
        notes.append(f"{found.hidden} hidden file(s) or folder(s) (names starting with '.') were not looked at; "
                     "rename any that holds a draft")
    if found.outputs:
        notes.append(f"{found.outputs} file(s) in the output folder were not taken as drafts")
    return skips, notes

