"""Readability of the publication text: mechanical defects per class and per 1,000 words (issue 13).

Runs the tool (default profile) on samples/ (each with its register) and on the real-reviews
passages (no register), and Presidio out of the box (its analyzer, and its anonymizer's default
'<ENTITY>' replacement) on the same texts in the same run, and counts in each output the defects
anonymiser/evaluate/readability.py defines. Target: 0 for the project on both sets.

Usage: python benchmarks/readability.py [--samples DIR] [--real DIR] [--profile NAME] [--list]
`--list` prints each of the project's defects with a little of the output round it, for a developer
(it quotes the benchmark's text: keep what it prints out of the repository).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # run as a script from anywhere, without installing

from presidio_analyzer import AnalyzerEngine  # noqa: E402
from presidio_anonymizer import AnonymizerEngine  # noqa: E402
from presidio_anonymizer.entities import ConflictResolutionStrategy  # noqa: E402
from presidio_anonymizer.entities import RecognizerResult as Found  # noqa: E402

from anonymiser.api import anonymise  # noqa: E402
from anonymiser.config.profile import load_profile  # noqa: E402
from anonymiser.core.results import Replacement  # noqa: E402
from anonymiser.evaluate.gold import load_gold, register_of  # noqa: E402
from anonymiser.evaluate.readability import CLASSES, Defect, Output, defects, words  # noqa: E402
from benchmarks.presidio_baseline import _max_length, chunks, presidio_out_of_the_box  # noqa: E402

DEFAULT_REAL = REPO.parent / "shared" / "benchmarks" / "real-reviews"
DEFAULT_SAMPLES = REPO / "samples"
PROFILE = "safeguarding-review"
PRESIDIO, PROJECT = "Presidio", "project"


def presidio_changes(analyzer: AnalyzerEngine, anonymizer: AnonymizerEngine, text: str) -> list[Replacement]:
    """Presidio's changes as its anonymizer makes them by default: its conflicts resolved as it
    resolves them, and each span replaced by '<ENTITY_TYPE>'. Checked against its own output."""
    results = [Found(r.entity_type, r.start + offset, r.end + offset, r.score)
               for offset, piece in chunks(text, _max_length(analyzer))
               for r in analyzer.analyze(text=piece, language="en")]
    results.sort(key=lambda r: (r.start, r.end))
    kept = anonymizer._remove_conflicts_and_get_text_manipulation_data(
        results, ConflictResolutionStrategy.MERGE_SIMILAR_OR_CONTAINED)
    kept = anonymizer._merge_entities_with_spaces_between(text, kept)
    changes: list[Replacement] = []
    pos = 0
    for r in sorted(kept, key=lambda r: (r.start, r.end)):
        if r.start >= pos:
            new = f"<{r.entity_type}>"
            changes.append(Replacement(r.start, r.end, text[r.start:r.end], new, r.entity_type, ("presidio",),
                                       r.score, "presidio"))
            pos = r.end
    if Output(text, changes).text != anonymizer.anonymize(text, results).text:
        raise RuntimeError("Presidio's changes, as rebuilt here, do not give its anonymizer's own output")
    return changes


def measure(gold_dir: Path, registers: bool, profile: str, analyzer: AnalyzerEngine,
            anonymizer: AnonymizerEngine) -> tuple[dict[str, dict[str, int]], dict[str, int],
                                                   list[tuple[str, str, Defect]]]:
    """Defects by system and class, words by system, and the project's defects with their output."""
    gold = load_gold(gold_dir)
    prof = load_profile(profile)
    counts = {s: dict.fromkeys(CLASSES, 0) for s in (PROJECT, PRESIDIO)}
    n_words = dict.fromkeys(counts, 0)
    listed: list[tuple[str, str, Defect]] = []
    for doc_id, doc in gold.docs.items():
        done = anonymise(doc.text, prof, register_of(gold, doc_id) if registers else None)
        for system, changes in ((PROJECT, done.decisions.replacements),
                                (PRESIDIO, presidio_changes(analyzer, anonymizer, doc.text))):
            out, found = defects(doc.text, changes)
            n_words[system] += words(out)
            for d in found:
                counts[system][d.kind] += 1
            if system == PROJECT:
                listed += [(doc_id, out, d) for d in found]
    return counts, n_words, listed


def table(name: str, counts: dict[str, dict[str, int]], n_words: dict[str, int]) -> str:
    head = f"{name}: defects (per 1,000 words)"
    lines = [head, f"{'class':<20}{PROJECT:>18}{PRESIDIO:>18}"]
    for kind in [*CLASSES, "all"]:
        cells = []
        for system in (PROJECT, PRESIDIO):
            n = sum(counts[system].values()) if kind == "all" else counts[system][kind]
            cells.append(f"{n:>6} ({1000 * n / max(n_words[system], 1):6.2f})")
        lines.append(f"{kind:<20}" + "".join(f"{c:>18}" for c in cells))
    lines.append(f"{'words':<20}{n_words[PROJECT]:>18,}{n_words[PRESIDIO]:>18,}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=DEFAULT_SAMPLES, help="drafts with registers and gold")
    parser.add_argument("--real", type=Path, default=DEFAULT_REAL, help="real review passages (no register)")
    parser.add_argument("--profile", default=PROFILE)
    parser.add_argument("--list", action="store_true", help="print each of the project's defects in context")
    args = parser.parse_args(argv)

    analyzer, anonymizer = presidio_out_of_the_box(), AnonymizerEngine()
    total = 0
    for name, gold_dir, registers in (("samples", args.samples, True), ("real-reviews", args.real, False)):
        if not gold_dir.is_dir():
            print(f"{name}: {gold_dir} not found, skipped\n")
            continue
        counts, n_words, listed = measure(gold_dir, registers, args.profile, analyzer, anonymizer)
        total += sum(counts[PROJECT].values())
        print(table(f"{name} ({gold_dir.name})", counts, n_words) + "\n")
        if args.list:
            for doc_id, out, d in listed:
                context = out[max(0, d.start - 30):d.end + 30].replace("\n", "⏎")
                print(f"  {doc_id} {d.kind:<17} …{context}…")
            print()
    print(f"project defects on both sets: {total} (target 0)")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
