"""The command line: `anonymiser run`, `detect`, `verify`, `evaluate`, `profiles`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import AnonymiserError
from .readers import SUPPORTED

EXIT_LEAK = 1
EXIT_BAD_INPUT = 2


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    click.echo(f"anonymiser: {message}", err=True)
    sys.exit(code)


def _unexpected(exc: BaseException, what: str) -> str:
    # Exception text can quote the draft, so only the kind of error reaches the console.
    return (f"unexpected {type(exc).__name__} while processing {what}; no output was written for it. "
            "Please report this with the file kept private.")


def _collect_inputs(inputs: tuple[Path, ...], out_dir: Path) -> list[Path]:
    files: list[Path] = []
    out_resolved = out_dir.resolve()
    for item in inputs:
        if item.is_dir():
            for p in sorted(item.rglob("*")):
                if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith((".", "~$")):
                    if out_resolved in p.resolve().parents:
                        continue  # an output folder inside the input folder is not input
                    if ".anonymised." in p.name:
                        continue
                    files.append(p)
        else:
            files.append(item)
    return files


def _sibling_register(path: Path) -> "Register":
    """A draft's own register: DRAFT.register.yaml, or register.yaml in its folder (a case folder)."""
    from .register import EMPTY_REGISTER, load_register

    for candidate in (path.with_name(f"{path.stem}.register.yaml"), path.with_name("register.yaml")):
        if candidate.is_file():
            return load_register(candidate)
    return EMPTY_REGISTER


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
@click.option("--password", help="Password for an encrypted PDF.")
def run(inputs: tuple[Path, ...], register_path: Path | None, out_dir: Path, profile: str, map_path: Path | None,
        accept_tracked_changes: bool, password: str | None) -> None:
    """Anonymise drafts (.docx, .pdf, .txt, .md, or folders of them) into OUT."""
    from .pipeline import RunOptions, process_file
    from .profile import load_profile
    from .pseudonyms import CaseMap
    from .register import EMPTY_REGISTER, load_register

    try:
        prof = load_profile(profile)
        explicit = load_register(register_path) if register_path else None
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    files = _collect_inputs(inputs, out_dir)
    if not files:
        _fail("no .docx, .pdf, .txt or .md drafts found in " + ", ".join(map(str, inputs)))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _fail(f"{out_dir}: cannot create the output folder ({exc.strerror}). Choose another --out.")
    map_file = map_path or out_dir / "pseudonym-map.json"
    maps: dict[str, CaseMap] = {}

    failures = leaks = 0
    taken: set[str] = set()
    for path in files:
        try:
            register = explicit or _sibling_register(path)
            if register is EMPTY_REGISTER:
                click.echo(f"warning: {path}: no case register (give --register, or put {path.stem}.register.yaml "
                           "beside it): family names are found only by the detectors.", err=True)
            case_map = maps.setdefault(register.case_key, CaseMap(map_file, register.case_key))
            opts = RunOptions(prof, register, out_dir, map_path, accept_tracked_changes, password)
            result = process_file(path, opts, case_map, taken)
        except AnonymiserError as exc:
            failures += 1
            click.echo(f"error: {exc.line()}", err=True)
            continue
        except KeyboardInterrupt:
            _fail("interrupted; finished documents are complete, the current one was not written.", 130)
        except OSError as exc:
            failures += 1
            click.echo(f"error: {path}: could not write output ({exc.strerror}). Check free space and "
                       f"permissions on {out_dir}.", err=True)
            continue
        except Exception as exc:  # noqa: BLE001 - one bad draft must not stop a batch
            failures += 1
            click.echo("error: " + _unexpected(exc, str(path)), err=True)
            continue
        total = sum(result.counts.values())
        status = "ready for review" if result.ready else "NOT READY: verification found possible leaks"
        click.echo(f"{path} -> {result.outputs[0].name}: {total} replacements; {status}")
        for w in result.warnings:
            click.echo(f"  warning: {w}", err=True)
        for leak in result.leaks:
            click.echo(f"  leak: {leak.line()}", err=True)
        if not result.ready:
            leaks += 1
    done = len(files) - failures
    click.echo(f"{done} of {len(files)} documents anonymised into {out_dir}"
               + (f"; {failures} failed" if failures else "") + (f"; {leaks} failed verification" if leaks else "")
               + ". Publish only the *.anonymised.* files: audit logs and the pseudonym map hold real names.")
    if failures:
        sys.exit(EXIT_BAD_INPUT)
    if leaks:
        sys.exit(EXIT_LEAK)


@main.command()
@click.argument("texts_json", type=click.Path(path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write SPANS.json.")
@click.option("--profile", default="safeguarding-review", show_default=True)
@click.option("--register", "register_path", type=click.Path(path_type=Path))
def detect(texts_json: Path, out_path: Path, profile: str, register_path: Path | None) -> None:
    """Spans the profile would replace, for every text in TEXTS_JSON ({id: text})."""
    from .api import detect_texts
    from .profile import load_profile
    from .register import EMPTY_REGISTER, load_register
    from .writers.atomic import write_text

    try:
        texts = json.loads(texts_json.read_text(encoding="utf-8"))
    except FileNotFoundError:
        _fail(f"{texts_json}: file not found. Check the path.")
    except (UnicodeDecodeError, json.JSONDecodeError):
        _fail(f"{texts_json}: not a UTF-8 JSON file. It should map document ids to texts.")
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        _fail(f"{texts_json}: should map document ids to texts, like {{\"doc1\": \"text…\"}}.")
    try:
        prof = load_profile(profile)
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
              help="Audit log(s) whose originals must not appear.")
def verify(outputs: tuple[Path, ...], register_path: Path | None, audit_paths: tuple[Path, ...]) -> None:
    """Check anonymised outputs: exit 0 if clean, 1 if anything original is found."""
    from .register import EMPTY_REGISTER, load_register
    from .verify import verify_files

    try:
        register = load_register(register_path) if register_path else EMPTY_REGISTER
        findings = verify_files(list(outputs), register, list(audit_paths))
    except AnonymiserError as exc:
        _fail(exc.line(), exc.exit_code)
    for f in findings:
        click.echo(f.line())
    if findings:
        click.echo(f"FAILED: {len(findings)} possible leaks in {len(outputs)} file(s).", err=True)
        sys.exit(EXIT_LEAK)
    click.echo(f"passed: nothing original found in {len(outputs)} file(s).")


@main.command()
def profiles() -> None:
    """List the available profiles."""
    from .profile import available_profiles, load_profile

    for name in available_profiles():
        click.echo(f"{name}: {' '.join(load_profile(name).description.split())}")


if __name__ == "__main__":
    main()
