"""Calibration: is the confidence shown to the reviewer worth reading? Measured in one run.

For each gold set (tab-dev with the `strict` profile, real-reviews with the default profile and no
register, the samples with their registers), the replaced word tokens are put in confidence
bands, and each band shows how many there are and the share lying inside the pooled gold (token
precision per band, the accuracy metric's precision). Three columns of bands, in the same run:

- **Presidio** out of the box, banded by its own scores;
- **detector**: this project's replacements with the winning detector's own score (what the
  report showed before the `confidence` step: every NER item 0.85, a pattern its pattern's score,
  the residue rule 0.5);
- **evidence**: the same replacements with the confidence combined from their evidence
  (decide/confidence.py, models/evidence/confidence.yaml).

The two project columns come from one decide run each; the replacements must be identical (the
confidence changes no decision), and the script says so or fails. Then, for each, the share of
false-positive tokens in the bands under the report's low-confidence line, and whether precision
rises from band to band (monotone).

Usage: python benchmarks/confidence.py [--tab DIR] [--real DIR] [--samples DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere, without installing

from presidio_analyzer import AnalyzerEngine  # noqa: E402

from anonymiser.api import _resolve  # noqa: E402
from anonymiser.core.entities import ENTITY_TYPES  # noqa: E402
from anonymiser.core.results import Replacement  # noqa: E402
from anonymiser.decide import policy, steps  # noqa: E402
from anonymiser.decide.confidence import weights  # noqa: E402
from anonymiser.decide.state import DecideState, Step  # noqa: E402
from anonymiser.evaluate.gold import GoldSet, load_gold, register_of  # noqa: E402
from anonymiser.evaluate.metric import WORD, score  # noqa: E402
from anonymiser.pseudonymise.case_map import CaseMap  # noqa: E402
from anonymiser.run.pipeline import detect_document  # noqa: E402
from anonymiser.run.spans import text_document  # noqa: E402
from benchmarks.presidio_baseline import CATEGORY_OF, OTHER_CATEGORY, chunks, presidio_out_of_the_box  # noqa: E402

DEFAULT_TAB = REPO.parent / "shared" / "benchmarks" / "tab-dev"
DEFAULT_REAL = REPO.parent / "shared" / "benchmarks" / "real-reviews"
DEFAULT_SAMPLES = REPO / "samples"
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))
Scored = tuple[int, int, float]  # start, end, confidence


def band_name(low: float, high: float) -> str:
    if low == 0.0:
        return f"<{high:.1f}"
    return f">={low:.1f}" if high > 1 else f"{low:.1f}-{high:.1f}"


def bands(gold: GoldSet, scored: Mapping[str, Sequence[Scored]]) -> list[tuple[int, int]]:
    """(tokens, tokens inside the pooled gold) per band: each predicted word token (first character
    inside a span, as the precision metric counts it) in the band of the surest span over it."""
    out = [[0, 0] for _ in BANDS]
    for doc_id, doc in gold.docs.items():
        text = doc.text
        pooled = bytearray(len(text))
        for s, e in doc.pooled:
            pooled[s:e] = b"\x01" * (e - s)
        best = [-1.0] * len(text)
        for s, e, conf in scored.get(doc_id, ()):
            for i in range(max(0, s), min(len(text), e)):
                best[i] = max(best[i], conf)
        for m in WORD.finditer(text):
            conf = best[m.start()]
            if conf < 0:
                continue
            k = next(i for i, (lo, hi) in enumerate(BANDS) if lo <= conf < hi)
            out[k][0] += 1
            out[k][1] += pooled.find(0, m.start(), m.end()) == -1
    return [(n, good) for n, good in out]


def _project(gold: GoldSet, profile: str, registers: bool) -> dict[str, list[Replacement]]:
    out = {}
    for doc_id, doc in gold.docs.items():
        prof, reg = _resolve(profile, register_of(gold, doc_id) if registers else None)
        out[doc_id] = detect_document(text_document(doc.text, doc_id), prof, reg, CaseMap(None, reg.case_key,
                                                                                  prof.pseudonym_pools)).replacements
    return out


def project_runs(gold: GoldSet, profile: str, registers: bool) -> tuple[dict, dict]:
    """(replacements with the detectors' scores, replacements with the evidence's confidence)."""
    without = tuple(s for s in steps.STEPS if s.name != "confidence")
    real_run = policy.run_steps

    def run_without(state: DecideState, steps: tuple[Step, ...] = without) -> None:
        real_run(state, steps)

    policy.run_steps = run_without
    try:
        before = _project(gold, profile, registers)
    finally:
        policy.run_steps = real_run
    return before, _project(gold, profile, registers)


def _same(before: dict[str, list[Replacement]], after: dict[str, list[Replacement]]) -> bool:
    def key(reps: Iterable[Replacement]) -> list[tuple]:
        return [(r.start, r.end, r.original, r.replacement, r.entity, r.detectors, r.rule, r.person, r.core)
                for r in reps]
    return all(key(before[d]) == key(after.get(d, [])) for d in before) and set(before) == set(after)


def presidio_scored(engine: AnalyzerEngine, texts: Mapping[str, str]) -> tuple[dict, dict]:
    """Presidio out of the box: (scored spans, typed spans) by document."""
    scored: dict[str, list[Scored]] = {}
    typed: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, text in texts.items():
        for offset, piece in chunks(text, 1_000_000):
            for r in engine.analyze(text=piece, language="en"):
                scored.setdefault(doc_id, []).append((offset + r.start, offset + r.end, float(r.score)))
                typed.setdefault(doc_id, []).append((offset + r.start, offset + r.end,
                                                     CATEGORY_OF.get(r.entity_type, OTHER_CATEGORY)))
    return scored, typed


def _scored(reps: dict[str, list[Replacement]]) -> dict[str, list[Scored]]:
    return {d: [(*r.core, r.score) for r in rs] for d, rs in reps.items()}


def _typed(reps: dict[str, list[Replacement]]) -> dict[str, list[tuple[int, int, str]]]:
    return {d: [(*r.core, ENTITY_TYPES[r.entity].category.value) for r in rs] for d, rs in reps.items()}


def summary(rows: list[tuple[int, int]], low: float) -> tuple[float, bool]:
    """(share of the false-positive tokens in bands under `low`, precision rising band to band)."""
    fp = [n - good for n, good in rows]
    under = sum(f for f, (lo, _) in zip(fp, BANDS) if lo < low)
    precisions = [good / n for n, good in rows if n]
    return (under / sum(fp) if sum(fp) else 0.0), all(a <= b for a, b in zip(precisions, precisions[1:]))


def print_set(name: str, columns: dict[str, list[tuple[int, int]]], low: float) -> None:
    print(f"{name}: replaced word tokens by confidence band, and the share inside the gold (precision)")
    header = f"{'band':<8}" + "".join(f"{c + ' tokens':>18}{'precision':>11}" for c in columns)
    print(header)
    print("-" * len(header))
    for k, (lo, hi) in enumerate(BANDS):
        line = f"{band_name(lo, hi):<8}"
        for rows in columns.values():
            n, good = rows[k]
            line += f"{n:>18,}{(f'{good / n:.3f}' if n else 'n/a'):>11}"
        print(line)
    for c, rows in columns.items():
        share, monotone = summary(rows, low)
        fp = sum(n - good for n, good in rows)
        print(f"{c}: {fp} false-positive tokens, {share:.0%} of them under {low:.2f}; "
              f"precision rises band to band: {'yes' if monotone else 'no'}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tab", type=Path, default=DEFAULT_TAB)
    parser.add_argument("--real", type=Path, default=DEFAULT_REAL)
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES)
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents of each set")
    args = parser.parse_args(argv)
    low = weights().low_confidence
    presidio = presidio_out_of_the_box()
    ok = True
    sets = [("tab-dev", args.tab, "strict", False), ("real-reviews", args.real, "safeguarding-review", False),
            ("samples", args.samples, "safeguarding-review", True)]
    for name, path, profile, registers in sets:
        if not path.exists():
            print(f"{name}: {path} not found; skipped\n")
            continue
        gold = load_gold(path).head(args.limit)
        p_scored, p_typed = presidio_scored(presidio, gold.texts)
        before, after = project_runs(gold, profile, registers)
        same = _same(before, after)
        ok = ok and same
        p, proj = score(gold, p_typed), score(gold, _typed(after))
        print(f"{name}: {len(gold)} documents, profile {profile!r}; recall all / precision: Presidio "
              f"{p.recall.value:.3f} / {p.precision.value:.3f}, project {proj.recall.value:.3f} / "
              f"{proj.precision.value:.3f}; decisions identical with and without the confidence step: "
              f"{'yes' if same else 'NO'}")
        print_set(name, {"Presidio": bands(gold, p_scored), "detector": bands(gold, _scored(before)),
                         "evidence": bands(gold, _scored(after))}, low)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
