"""Presidio out of the box as a whole process, the counterpart of `anonymiser detect` and `anonymiser
run` for the speed benchmark: start, load, read the texts, analyse (and anonymise), write, exit.

    python benchmarks/presidio_process.py detect TEXTS_JSON --out SPANS.json
    python benchmarks/presidio_process.py run FOLDER --out OUT_DIR

`detect` reads a JSON object of texts and writes each text's spans with benchmark categories, as
`anonymiser detect` does. `run` reads every *.txt of FOLDER and writes each one anonymised by
Presidio's anonymizer with its defaults ('<PERSON>', its own conflict resolution) to OUT_DIR.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
for _p in (str(REPO), str(BENCH)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from benchmarks.presidio_baseline import _max_length, chunks, presidio_detect, presidio_out_of_the_box  # noqa: E402


def detect(texts_json: Path, out: Path) -> int:
    texts = json.loads(texts_json.read_text(encoding="utf-8"))
    spans = presidio_detect(presidio_out_of_the_box(), texts)
    out.write_text(json.dumps({k: [list(s) for s in v] for k, v in spans.items()}), encoding="utf-8")
    print(f"{sum(map(len, spans.values()))} spans in {len(spans)} texts -> {out}")
    return 0


def run(folder: Path, out: Path) -> int:
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import RecognizerResult

    analyzer = presidio_out_of_the_box()
    anonymizer = AnonymizerEngine()
    limit = _max_length(analyzer)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        results = [RecognizerResult(r.entity_type, r.start + offset, r.end + offset, r.score)
                   for offset, piece in chunks(text, limit) for r in analyzer.analyze(text=piece, language="en")]
        (out / f"{path.stem}.anonymised.txt").write_text(anonymizer.anonymize(text, results).text, encoding="utf-8")
        n += 1
    print(f"{n} texts anonymised -> {out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("detect", "run"))
    parser.add_argument("source", type=Path, help="TEXTS_JSON for detect, a folder of *.txt for run")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    return detect(args.source, args.out) if args.command == "detect" else run(args.source, args.out)


if __name__ == "__main__":
    sys.exit(main())
