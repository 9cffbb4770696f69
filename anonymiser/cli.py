"""The command line: `anonymiser run`, `detect`, `verify`, `evaluate`, `profiles`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from anonymiser import __version__
from anonymiser.core.errors import AnonymiserError

if TYPE_CHECKING:
    from anonymiser.config.profile import Profile
    from anonymiser.run.inputs import Inputs

EXIT_LEAK = 1
EXIT_BAD_INPUT = 2
_ASK = "\x00ask"  # --password given without a value
PASSWORD_ENV = "ANONYMISER_PDF_PASSWORD"


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    click.echo(f"anonymiser: {message}", err=True)
    sys.exit(code)


def _collect_inputs(inputs: tuple[Path, ...], out_dir: Path) -> "Inputs":
    from anonymiser.run.inputs import collect

    return collect(inputs, out_dir)


def _password(value: str | None) -> str | None:
    # `--password` alone asks for it, hidden, so it never sits in the shell's history.
    if value == _ASK:
        return click.prompt("PDF password", hide_input=True, err=True)
    return value


KEEP_OPTION = click.option("--keep", "keep_path", type=click.Path(path_type=Path),
                           help="The partnership's keep list: a text file of terms always kept, one a line.")


def _profile(name: str, keep_path: Path | None) -> "Profile":
    """The profile, with the keep list's terms added when --keep is given."""
    from anonymiser.config.keep_list import load_keep_list
    from anonymiser.config.profile import load_profile, with_keep_list

    prof = load_profile(name)
    return with_keep_list(prof, load_keep_list(keep_path)) if keep_path else prof


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="anonymiser")
def main() -> None:
    """Anonymise draft Child Safeguarding Practice Reviews for publication.

    Start with: anonymiser run DRAFT.docx --register family.yaml --out published/
    """


@main.command()
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
@click.option("--password", is_flag=False, flag_value=_ASK, envvar=PASSWORD_ENV, show_envvar=True,
              help="Password for an encrypted PDF. Give --password alone to be asked for it (hidden), "
                   f"or set {PASSWORD_ENV}.")
@click.option("--workers", type=click.IntRange(min=1), help="Parallel processes [default: one per core].")
@click.option("--decisions", "decisions_path", type=click.Path(path_type=Path, dir_okay=False),
              help="A reviewer's decisions file, exported from the report page.")
@KEEP_OPTION
def run(inputs: tuple[Path, ...], register_path: Path | None, out_dir: Path, profile: str, map_path: Path | None,
        accept_tracked_changes: bool, password: str | None, workers: int | None,
        decisions_path: Path | None, keep_path: Path | None) -> None:
    """Anonymise drafts (.docx, .pdf, .txt, .md, or folders of them) into OUT."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from anonymiser.run.batch import BatchSettings, Outcome, check_records, default_workers, run_batch
    from anonymiser.run.register import load_register
    from anonymiser.write.atomic import make_private_dir

    try:
        prof = _profile(profile, keep_path)
        if register_path:
            load_register(register_path)  # a broken register stops the run before any work
        if decisions_path:
            from anonymiser.review.decisions_file import load_decisions

            load_decisions(decisions_path)
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    found = _collect_inputs(inputs, out_dir)
    files = found.files
    skips, notes = _not_processed(found, register_path)
    for shown, reason in skips:
        click.echo(f"skipped: {shown}: {reason}", err=True)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    if not files:
        _fail("no .docx, .pdf, .txt or .md drafts found in " + ", ".join(map(str, inputs)))
    settings = BatchSettings(prof, out_dir, map_path or out_dir / "pseudonym-map.json", register_path,
                             accept_tracked_changes, _password(password), decisions_path)
    try:
        check_records(settings)
        make_private_dir(out_dir)
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    except OSError as exc:
        _fail(f"{out_dir}: cannot create the output folder ({exc.strerror}). Choose another --out.")
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
        main_out = next((p for p in o.result.outputs if p.suffix == ".docx"), o.result.outputs[0])
        say(f"{o.label} -> {main_out.name}: {total} replacements; {status}")
        for w in o.result.warnings:
            say(f"  warning: {o.masked(w)}")
        for leak in o.result.leaks:
            say(f"  leak: {leak.console_line()} (the report shows what was found)")
        progress.advance(task)

    with Progress(TextColumn("anonymising"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True, disable=len(files) < 2) as progress:
        task = progress.add_task("drafts", total=len(files))
        try:
            summary = run_batch(files, settings, n_workers, report, found.roots)
        except KeyboardInterrupt:
            _fail("interrupted. Finished documents are complete; the rest were not written. Run the same "
                  "command again to finish.", 130)
        except AnonymiserError as exc:
            _fail(exc.line(), exc.exit_code)

    from anonymiser.review.batch_index import write_index

    # Built from every manifest in OUT, so drafts skipped as unchanged are listed too.
    # A failed draft is named as on the console (register names masked), with why it failed.
    failures = [(o.label, "not anonymised: " + o.error.removeprefix(f"{o.label}: ")) for o in summary.failed if o.error]
    index = write_index(out_dir, skips, notes, failures)
    counts = summary.counts()
    done = sum(1 for o in summary.outcomes if o.result)
    skipped = sum(1 for o in summary.outcomes if o.skipped)
    warnings = sum(len(o.result.warnings) for o in summary.outcomes if o.result)
    click.echo(f"Summary: {done} anonymised, {skipped} unchanged, {len(summary.failed)} failed, "
               f"{len(summary.not_ready)} not ready, {warnings} warnings, {len(found.skipped)} not processed"
               f"{f' ({len(found.draft_like)} to save as .docx)' if found.draft_like else ''}; "
               f"output in {out_dir}")
    if counts:
        click.echo("Replacements: " + ", ".join(f"{k.lower().replace('_', ' ')} {v}" for k, v in sorted(counts.items())))
    if index.exists():
        click.echo(f"Index of every document: {index} (confidential: it links to the reports)")
    click.echo("Publish only the *.anonymised.* files: audit logs and the pseudonym map hold real names.")
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


@main.command()
@click.argument("texts_json", type=click.Path(path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write SPANS.json.")
@click.option("--profile", default="safeguarding-review", show_default=True)
@click.option("--register", "register_path", type=click.Path(path_type=Path))
@KEEP_OPTION
def detect(texts_json: Path, out_path: Path, profile: str, register_path: Path | None,
           keep_path: Path | None) -> None:
    """Spans the profile would replace, for every text in TEXTS_JSON ({id: text})."""
    from anonymiser.api import detect_texts
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.run.register import load_register
    from anonymiser.write.atomic import write_text

    try:
        texts = json.loads(texts_json.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(f"{texts_json}: file not found. Check the path.")
    except (UnicodeDecodeError, json.JSONDecodeError):
        _fail(f"{texts_json}: not a UTF-8 JSON file. It should map document ids to texts.")
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        _fail(f"{texts_json}: should map document ids to texts, like {{\"doc1\": \"text…\"}}.")
    try:
        prof = _profile(profile, keep_path)
        register = load_register(register_path) if register_path else EMPTY_REGISTER
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    spans = detect_texts(texts, prof, register)
    write_text(out_path, json.dumps({k: [list(s) for s in v] for k, v in spans.items()}))
    click.echo(f"{sum(len(v) for v in spans.values())} spans in {len(spans)} texts -> {out_path}")


@main.command()
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
        prof = _profile(profile, keep_path)
        allowlists = prof.allowlists
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    groups, audit_paths = verify_targets(outputs, audit_paths)
    outputs = tuple(p for files, _ in groups for p in files)
    if not outputs:
        _fail("no *.anonymised.* files to check there. Give the publication files, or the output folder.")
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
            _fail(f"{audit_path}: audit log not found. Check the path.")
        except OSError as exc:
            _fail(f"{audit_path}: cannot read the audit log ({exc.strerror}). Check its permissions.")
        except AnonymiserError as exc:
            _fail(exc.line(), exc.exit_code)
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
        _fail(exc.line(), exc.exit_code)
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


@main.command()
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--profile", default="safeguarding-review", show_default=True)
@click.option("--register", "register_path", type=click.Path(path_type=Path),
              help="One register for every document [default: <id>.register.yaml beside each draft].")
@click.option("--misses", "misses_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write every missed mention here (JSON; it quotes the texts, so keep it private).")
@KEEP_OPTION
def evaluate(gold: Path, profile: str, register_path: Path | None, misses_path: Path | None,
             keep_path: Path | None) -> None:
    """Score detection against annotated documents: per-type recall, token precision and F2.

    GOLD is a project gold file (<id>.gold.json beside <id>.txt/.md/.docx/.pdf), a folder of them,
    or a TAB-format folder (texts.json, typed.json, pooled.json).
    """
    from anonymiser.api import detect_texts
    from anonymiser.evaluate import format_scores, load_gold, misses_as_json, register_of, score
    from anonymiser.write.atomic import write_text

    try:
        prof = _profile(profile, keep_path)
        gold_set = load_gold(gold)
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    except (OSError, ValueError, KeyError) as exc:
        _fail(f"{gold}: not a gold set this command can read ({type(exc).__name__}). "
              "Give a <id>.gold.json file, a folder of them, or a TAB folder.")
    groups: dict[Path | None, dict[str, str]] = {}
    for doc_id, doc in gold_set.docs.items():
        groups.setdefault(register_path or register_of(gold_set, doc_id), {})[doc_id] = doc.text
    predicted: dict[str, list[tuple[int, int, str]]] = {}
    try:
        for reg, texts in groups.items():
            predicted.update(detect_texts(texts, prof, reg))
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    scores = score(gold_set, predicted)
    click.echo(format_scores({"anonymiser": scores},
                             title=f"{len(gold_set.docs)} document(s), profile '{prof.name}'"))
    if misses_path:
        write_text(misses_path, json.dumps(misses_as_json(scores), indent=1, ensure_ascii=False), private=True)
        click.echo(f"{len(scores.misses)} missed mentions written to {misses_path}")


@main.command()
def profiles() -> None:
    """List the available profiles."""
    from anonymiser.config.profile import available_profiles, load_profile

    for name in available_profiles():
        click.echo(f"{name}: {' '.join(load_profile(name).description.split())}")


if __name__ == "__main__":
    main()
