"""`anonymiser verify`: check anonymised outputs and their audit logs for anything original."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from anonymiser.cli.common import EXIT_LEAK, fail, profile_with_keep
from anonymiser.core.errors import AnonymiserError


@click.command()
@click.argument("outputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--register", "register_path", type=click.Path(path_type=Path), help="The case register.")
@click.option("--audit", "audit_paths", multiple=True, type=click.Path(path_type=Path),
              help="Audit log(s): their originals must not appear, and their sealed chain must be whole.")
@click.option("--map", "map_path", type=click.Path(path_type=Path, dir_okay=False),
              help="The pseudonym map the run used; its audit key is beside it [default: the audit log's "
                   "folder's pseudonym-map.json].")
@click.option("--profile", default="safeguarding-review", show_default=True,
              help="The profile the outputs were made with (its allowlisted terms are not leaks).")
@click.option("--show-text", is_flag=True,
              help="Also print what was found. It is original text: only where the console is not logged.")
@click.option("--keep", "keep_path", type=click.Path(path_type=Path),
              help="The partnership's keep list the run used (its terms explain kept tokens).")
def verify(outputs: tuple[Path, ...], register_path: Path | None, audit_paths: tuple[Path, ...],
           map_path: Path | None, profile: str, show_text: bool, keep_path: Path | None) -> None:
    """Check anonymised outputs: exit 0 if clean, 1 if anything original is found or an audit was edited.

    OUTPUTS are publication files, or output folders: a folder stands for its *.anonymised.* files,
    each checked against its own *.audit.jsonl log, whose chain is checked as if given with --audit.
    """
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.run.register import load_register
    from anonymiser.verify.leaks import audit_originals, verify_files
    from anonymiser.verify.targets import verify_targets
    from anonymiser.verify.unexplained import count_unexplained
    from anonymiser.write.audit import verify_audit

    try:
        register = load_register(register_path) if register_path else EMPTY_REGISTER
        prof = profile_with_keep(profile, keep_path)
        allowlists = prof.allowlists
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    groups, audit_paths = verify_targets(outputs, audit_paths)
    outputs = tuple(p for files, _ in groups for p in files)
    if not outputs:
        fail("no *.anonymised.* files to check there. Give the publication files, or the output folder.")
    # An audit that was edited cannot be trusted to list every original, so its chain is checked
    # before its originals are used.
    broken: list[str] = []
    notes: list[str] = []
    edited: set[Path] = set()
    usable: list[Path] = []
    whole = 0
    for audit_path in audit_paths:
        try:
            chain = verify_audit(audit_path, map_path)
        except FileNotFoundError:
            fail(f"{audit_path}: audit log not found. Check the path.")
        except OSError as exc:
            fail(f"{audit_path}: cannot read the audit log ({exc.strerror}). Check its permissions.")
        except AnonymiserError as exc:
            fail(exc.line(), exc.exit_code)
        if not chain.ok:
            edited.add(audit_path)
            at = f" at line {chain.bad_line}" if chain.bad_line is not None else ""
            broken.append(f"{audit_path}: chain broken{at}: {chain.problem}")
        notes += [f"warning: {audit_path}: {note}" for note in chain.notes]
        whole += chain.whole
        try:
            audit_originals(audit_path)
        except (ValueError, KeyError, TypeError, AttributeError):
            # Lines that no longer parse hold no usable originals; the broken chain already fails the check.
            edited.add(audit_path)
            broken.append(f"{audit_path}: its originals could not be read, so the outputs were not checked "
                          "against them")
            continue
        usable.append(audit_path)
    try:
        findings = [leak for files, audits in groups
                    for leak in verify_files(files, register, [a for a in audits if a in usable], allowlists)]
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    from anonymiser.write.naming import mask_names

    # Consoles are logged: a file given by a name from the register is shown masked, as `run` shows it.
    for f in findings:
        click.echo(f.line() if show_text else mask_names(f.console_line(), register))
    for b in broken:
        click.echo(mask_names(b, register))
    for n in notes:
        click.echo(mask_names(n, register))
    residue = [r for files, audits in groups for r in count_unexplained(files, prof, [a for a in audits if a in usable])]
    for where, r, shown in residue:
        click.echo(mask_names(f"unexplained: {where}: offset {r.start}: {r.why}" + (f": {shown!r}" if show_text else ""),
                              register))
    click.echo(f"unexplained kept tokens: {len(residue)}")
    if findings or broken:
        click.echo(f"FAILED: {len(findings)} possible leaks in {len(outputs)} file(s)"
                   + (f"; {len(edited)} audit log(s) edited or unreadable." if edited else "."), err=True)
        sys.exit(EXIT_LEAK)
    checked = ""
    if audit_paths:
        # "Whole" only when the key proved every seal and the manifest's sealed anchor proved the end.
        if whole == len(audit_paths):
            checked = f"; audit chain whole and authentic in {whole} log(s)"
        else:
            checked = (f"; no break in the audit chain of {len(audit_paths)} log(s), but "
                       f"{len(audit_paths) - whole} could not be fully confirmed (see the warnings)")
    click.echo(f"passed: nothing original found in {len(outputs)} file(s){checked}.")

