"""`anonymiser evaluate`: score detection against annotated documents."""

from __future__ import annotations

import json
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import click

from anonymiser.cli.common import KEEP_OPTION, WORKERS_OPTION, fail, profile_with_keep
from anonymiser.core.errors import AnonymiserError


@click.command()
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--profile", default="safeguarding-review", show_default=True)
@click.option("--register", "register_path", type=click.Path(path_type=Path),
              help="One register for every document [default: <id>.register.yaml beside each draft].")
@click.option("--misses", "misses_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Write every missed mention here (JSON; it quotes the texts, so keep it private).")
@KEEP_OPTION
@WORKERS_OPTION
def evaluate(gold: Path, profile: str, register_path: Path | None, misses_path: Path | None,
             keep_path: Path | None, workers: int | None) -> None:
    """Score detection against annotated documents: per-type recall, token precision and F2.

    GOLD is a project gold file (<id>.gold.json beside <id>.txt/.md/.docx/.pdf), a folder of them,
    or a TAB-format folder (texts.json, typed.json, pooled.json).
    """
    from anonymiser.core.register import EMPTY_REGISTER
    from anonymiser.evaluate import format_scores, load_gold, misses_as_json, register_of, score
    from anonymiser.run.batch import default_workers
    from anonymiser.run.register import load_register
    from anonymiser.run.spans import detect_spans_each
    from anonymiser.write.atomic import write_text

    try:
        prof = profile_with_keep(profile, keep_path)
        gold_set = load_gold(gold)
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    except (OSError, ValueError, KeyError) as exc:
        fail(f"{gold}: not a gold set this command can read ({type(exc).__name__}). "
              "Give a <id>.gold.json file, a folder of them, or a TAB folder.")
    try:
        registers = {path: load_register(path) if path else EMPTY_REGISTER for path in
                     {register_path or register_of(gold_set, doc_id) for doc_id in gold_set.docs}}
        jobs = {doc_id: (doc.text, registers[register_path or register_of(gold_set, doc_id)])
                for doc_id, doc in gold_set.docs.items()}
        predicted = detect_spans_each(jobs, prof, workers or default_workers())
    except AnonymiserError as exc:
        fail(exc.line(), exc.exit_code)
    except BrokenProcessPool:
        fail(f"{gold}: a worker process stopped (out of memory?). Run again with fewer --workers.")
    scores = score(gold_set, predicted)
    click.echo(format_scores({"anonymiser": scores},
                             title=f"{len(gold_set.docs)} document(s), profile '{prof.name}'"))
    if misses_path:
        write_text(misses_path, json.dumps(misses_as_json(scores), indent=1, ensure_ascii=False), private=True)
        click.echo(f"{len(scores.misses)} missed mentions written to {misses_path}")

