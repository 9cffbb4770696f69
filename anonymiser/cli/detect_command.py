"""`anonymiser detect`: the spans a profile would replace, for texts given as JSON."""

from __future__ import annotations

import json
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from anonymiser.cli.common import KEEP_OPTION, WORKERS_OPTION, fail, profile_with_keep
from anonymiser.core.errors import AnonymiserError


@click.command()
@click.argument("texts_json", type=click.Path(path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write SPANS.json.")
@click.option("--profile", default="safeguarding-review", show_default=True)
@click.option("--register", "register_path", type=click.Path(path_type=Path))
@KEEP_OPTION
@WORKERS_OPTION
def detect(texts_json: Path, out_path: Path, profile: str, register_path: Path | None,
           keep_path: Path | None, workers: int | None) -> None:
    """Spans the profile would replace, for every text in TEXTS_JSON ({id: text})."""
    from anonymiser.api import detect_texts
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.run.batch import default_workers
    from anonymiser.run.register import load_register
    from anonymiser.write.atomic import write_text

    try:
        texts = json.loads(texts_json.read_text(encoding="utf-8"))
    except FileNotFoundError:
        fail(f"{texts_json}: file not found. Check the path.")
    except (UnicodeDecodeError, json.JSONDecodeError):
        fail(f"{texts_json}: not a UTF-8 JSON file. It should map document ids to texts.")
    if not isinstance(texts, dict) or not all(isinstance(v, str) for v in texts.values()):
        fail(f"{texts_json}: should map document ids to texts, like {{\"doc1\": \"text…\"}}.")
    try:
        prof = profile_with_keep(profile, keep_path)
        register = load_register(register_path) if register_path else EMPTY_REGISTER
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    try:
        spans = detect_texts(texts, prof, register, workers or default_workers())
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    except BrokenProcessPool:
        fail(f"{texts_json}: a worker process stopped (out of memory?). Run again with fewer --workers.")
    write_text(out_path, json.dumps({k: [list(s) for s in v] for k, v in spans.items()}))
    click.echo(f"{sum(len(v) for v in spans.values())} spans in {len(spans)} texts -> {out_path}")

