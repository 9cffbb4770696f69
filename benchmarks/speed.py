"""Speed benchmark: words per second of Presidio out of the box and of the project.

In one run, on the same texts (tab-dev plus samples/*.txt and samples/*.md, repeated
until at least --words words), it measures:

- Presidio out of the box (`presidio_baseline.py`) and the project's detection
  (`anonymiser.api.detect_texts`), each single-process, in its own subprocess, so each
  peak memory figure is that system's alone;
- the project's detection in --workers processes (ProcessPoolExecutor over chunks of
  documents), against single-process Presidio;
- linear scaling: the project's time at 1x, 4x and 16x --base-words.

Engines are built and warmed up before the clock starts, for both systems and in every
worker, and each system's figure is the median of --repeat timed runs (default 3), so a
passing background job does not decide the ratio. Nothing is hard-coded: every figure is
measured in the run that prints it.

    python benchmarks/speed.py            # full run (100,000 words, 2 workers)
    python benchmarks/speed.py --quick    # smoke run (10,000 words, scaling 1x/2x/4x)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
for _p in (str(REPO), str(BENCH)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

DEFAULT_TAB = REPO.parent / "shared" / "benchmarks" / "tab-dev"
SAMPLES = REPO / "samples"
PROFILE = "safeguarding-review"

TARGET_SINGLE = 2.0  # project single process >= 2x Presidio
TARGET_WORKERS = 3.5  # project on N workers >= 3.5x Presidio single process
TARGET_MEMORY_MB = 1.5 * 1024  # peak memory <= 1.5 GB

WARMUP_TEXT = (
    "Child A lived with her mother, Ms Jane Smith, at 12 High Street, Leeds LS1 4AB. "
    "On 3 March 2021 the school nurse rang the GP surgery on 0113 496 0000 and e-mailed "
    "jane.smith@example.org about the referral (NHS number 943 476 5919)."
)


# ---------------------------------------------------------------- corpus

def n_words(text: str) -> int:
    return len(text.split())


def source_texts(tab: Path) -> dict[str, str]:
    """tab-dev texts plus the sample reviews (samples/*.txt, samples/*.md but README.md)."""
    texts: dict[str, str] = {}
    tab_file = tab / "texts.json" if tab.is_dir() else tab
    for doc_id, text in json.loads(tab_file.read_text(encoding="utf-8")).items():
        texts[f"tab:{doc_id}"] = text
    for path in sorted([*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.md")]):
        if path.name.lower() == "readme.md":
            continue  # documentation of the samples, not a review
        texts[f"samples:{path.name}"] = path.read_text(encoding="utf-8")
    return texts


def corpus(source: dict[str, str], min_words: int) -> dict[str, str]:
    """Cycle through `source` until at least `min_words` words; ids are made unique."""
    out: dict[str, str] = {}
    total = 0
    rep = 0
    while total < min_words:
        for doc_id, text in source.items():
            out[f"{doc_id}#{rep}"] = text
            total += n_words(text)
            if total >= min_words:
                break
        rep += 1
    return out


def one_document(source: dict[str, str], n: int) -> dict[str, str]:
    """One document of exactly `n` words: the source texts joined, cycled and cut."""
    paragraphs = [t.strip() for t in source.values()]
    words_so_far = 0
    parts: list[str] = []
    i = 0
    while words_so_far < n:
        para = paragraphs[i % len(paragraphs)]
        i += 1
        need = n - words_so_far
        tokens = para.split()
        if len(tokens) > need:
            # cut at the need-th word, keeping the original whitespace before it
            cut = 0
            for _ in range(need):
                while para[cut].isspace():
                    cut += 1
                while cut < len(para) and not para[cut].isspace():
                    cut += 1
            para = para[:cut]
            tokens = tokens[:need]
        parts.append(para)
        words_so_far += len(tokens)
    return {f"scaling-{n}": "\n\n".join(parts)}


def chunked(texts: dict[str, str], n_chunks: int) -> list[dict[str, str]]:
    """Split documents into about `n_chunks` chunks of roughly equal word counts."""
    target = sum(n_words(t) for t in texts.values()) / max(n_chunks, 1)
    chunks: list[dict[str, str]] = [{}]
    size = 0
    for doc_id, text in texts.items():
        if size >= target and chunks[-1]:
            chunks.append({})
            size = 0
        chunks[-1][doc_id] = text
        size += n_words(text)
    return chunks


# ---------------------------------------------------------------- measurement

def peak_mb() -> tuple[float, float]:
    """(self, largest waited-for child) peak resident set size in MB (ru_maxrss is KiB on Linux)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def _presidio_detector():
    from benchmarks.presidio_baseline import presidio_detect, presidio_out_of_the_box

    engine = presidio_out_of_the_box()
    return lambda texts: presidio_detect(engine, texts)


def _project_detector():
    from anonymiser.api import detect_texts

    return lambda texts: detect_texts(texts, profile=PROFILE)


DETECTORS = {"presidio": _presidio_detector, "project": _project_detector}


def warm_up(detect) -> None:
    """Run once on a short text and on a real sample review, so lazy loading is done."""
    detect({"warm-up": WARMUP_TEXT})
    sample = SAMPLES / "review-a.txt"
    if sample.exists():
        detect({"warm-up-sample": sample.read_text(encoding="utf-8")})


def _single(system: str, runs: list[dict[str, str]], repeat: int = 1) -> dict:
    """Build and warm up `system`, then time it on each corpus in `runs`: the median of `repeat` runs."""
    started = time.perf_counter()
    detect = DETECTORS[system]()
    warm_up(detect)
    warm = time.perf_counter() - started
    timings = []
    for texts in runs:
        trials = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            c0 = time.process_time()
            found = detect(texts)
            trials.append({
                "words": sum(n_words(t) for t in texts.values()),
                "seconds": time.perf_counter() - t0,
                "cpu": time.process_time() - c0,
                "spans": sum(len(v) for v in found.values()),
            })
        timings.append(_median_run(trials))
    own, kids = peak_mb()
    return {"warmup": warm, "runs": timings, "peak_self": own, "peak_children": kids}


def _median_run(trials: list[dict]) -> dict:
    """The trial with the median wall time (the lower middle one for an even count)."""
    ordered = sorted(trials, key=lambda t: t["seconds"])
    return {**ordered[(len(ordered) - 1) // 2], "trials": [round(t["seconds"], 3) for t in trials]}


# worker-process state for the multi-process run
_WORKER_DETECT: Callable[[dict[str, str]], dict[str, list]] | None = None


def _worker_init() -> None:
    global _WORKER_DETECT
    _WORKER_DETECT = _project_detector()
    warm_up(_WORKER_DETECT)


def _worker_ping(_: int = 0) -> int:
    time.sleep(0.2)  # hold the worker so the other pings go to the other workers
    return os.getpid()


def _worker_detect(texts: dict[str, str]) -> int:
    assert _WORKER_DETECT is not None, "the pool's initializer builds it"
    found = _WORKER_DETECT(texts)
    return sum(len(v) for v in found.values())


def _parallel(workers: int, texts: dict[str, str], repeat: int = 1) -> dict:
    """The project on `workers` processes; warm-up of every worker is outside the clock."""
    ctx = mp.get_context("spawn")
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_worker_init) as pool:
        # A task only runs after its worker's initializer has finished, so once pings
        # have come back from every distinct worker, all engines are loaded and warm.
        pids: set[int] = set()
        deadline = time.monotonic() + 600
        while len(pids) < workers and time.monotonic() < deadline:
            pids |= set(pool.map(_worker_ping, range(workers * 2)))
        if len(pids) < workers:
            raise RuntimeError(f"only {len(pids)} of {workers} workers came up")
        warm = time.perf_counter() - started
        chunks = chunked(texts, workers * 8)
        trials = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            spans = sum(pool.map(_worker_detect, chunks))
            trials.append({"seconds": time.perf_counter() - t0, "spans": spans})
    own, kids = peak_mb()  # workers are joined on leaving the with-block
    return {
        "warmup": warm,
        "runs": [{"words": sum(n_words(t) for t in texts.values()), **_median_run(trials)}],
        "peak_self": own,
        "peak_children": kids,
        "workers": len(pids),
        "chunks": len(chunks),
    }


def _child(queue, fn_name: str, args: tuple) -> None:
    try:
        queue.put(("ok", globals()[fn_name](*args)))
    except BaseException:  # noqa: BLE001 - report any failure to the parent
        queue.put(("error", traceback.format_exc()))


def in_subprocess(fn_name: str, *args) -> dict:
    """Run `fn_name(*args)` in a fresh spawned process, so its peak memory is its own."""
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue, fn_name, args))
    proc.start()
    status, value = queue.get()
    proc.join()
    if status != "ok":
        raise RuntimeError(f"{fn_name}{args[:1]} failed in its subprocess:\n{value}")
    return value


# ---------------------------------------------------------------- report

def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tab", type=Path, default=DEFAULT_TAB, help="tab-dev dir (texts.json)")
    parser.add_argument("--words", type=int, default=None, help="minimum words per run (default 100,000)")
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel run (0 = skip)")
    parser.add_argument("--base-words", type=int, default=None, help="scaling base size (default 5,000)")
    parser.add_argument("--quick", action="store_true", help="smoke run: 10,000 words, scaling 1x/2x/4x")
    parser.add_argument("--repeat", type=int, default=3,
                        help="time each system this many times and report the median run (default 3)")
    args = parser.parse_args(argv)

    words = args.words or (10_000 if args.quick else 100_000)
    base = args.base_words or (2_500 if args.quick else 5_000)
    factors = (1, 2, 4) if args.quick else (1, 4, 16)

    source = source_texts(args.tab)
    texts = corpus(source, words)
    total_words = sum(n_words(t) for t in texts.values())
    print(f"Corpus: {len(source)} source documents ({sum(map(n_words, source.values())):,} words: "
          f"{args.tab} + samples/), repeated to {len(texts)} documents, {total_words:,} words "
          f"(words = whitespace-separated tokens)")
    print(f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} at start, "
          f"Python {sys.version.split()[0]}; "
          f"profile {PROFILE!r}; engines warmed up outside the timing; "
          f"median of {args.repeat} timed run(s) for each system\n", flush=True)

    print("Measuring Presidio, single process ...", flush=True)
    pres = in_subprocess("_single", "presidio", [texts], args.repeat)
    print("Measuring the project, single process ...", flush=True)
    proj = in_subprocess("_single", "project", [texts], args.repeat)
    par = None
    if args.workers and args.workers > 0:
        print(f"Measuring the project, {args.workers} worker processes ...", flush=True)
        par = in_subprocess("_parallel", args.workers, texts, args.repeat)
    print(f"Measuring the project's scaling ({'/'.join(f'{f}x' for f in factors)} of {base:,} words) ...",
          flush=True)
    scaling_runs = [one_document(source, base * f) for f in factors]
    scale = in_subprocess("_single", "project", scaling_runs, args.repeat)

    def rate(r: dict) -> float:
        return r["runs"][0]["words"] / max(r["runs"][0]["seconds"], 1e-9)

    pres_rate = rate(pres)
    proj_rate = rate(proj)

    print()
    print("Single process")
    print(f"{'system':<28}{'words':>10}{'seconds':>10}{'words/s':>10}{'CPU s':>8}{'spans':>9}{'warm-up s':>11}")
    for name, r in (("Presidio out of the box", pres), ("project", proj)):
        run = r["runs"][0]
        print(f"{name:<28}{run['words']:>10,}{run['seconds']:>10.1f}{rate(r):>10,.0f}{run['cpu']:>8.1f}"
              f"{run['spans']:>9,}{r['warmup']:>11.1f}")
    single_ratio = proj_rate / pres_rate
    print(f"ratio project / Presidio: {single_ratio:.2f}x   "
          f"target >= {TARGET_SINGLE}x: {verdict(single_ratio >= TARGET_SINGLE)}")

    if par is not None:
        print()
        print(f"Project on {args.workers} worker processes ({par['chunks']} chunks of documents)")
        run = par["runs"][0]
        par_rate = rate(par)
        par_ratio = par_rate / pres_rate
        print(f"{'words':>10}{'seconds':>10}{'words/s':>10}{'spans':>9}{'warm-up s':>11}")
        print(f"{run['words']:>10,}{run['seconds']:>10.1f}{par_rate:>10,.0f}{run['spans']:>9,}{par['warmup']:>11.1f}")
        print(f"ratio vs Presidio single process: {par_ratio:.2f}x   "
              f"target >= {TARGET_WORKERS}x: {verdict(par_ratio >= TARGET_WORKERS)}")
        print(f"(vs the project single process: {par_rate / proj_rate:.2f}x on {os.cpu_count()} CPUs)")

    print()
    print("Peak memory (ru_maxrss, MB = 1024*1024 bytes), each system in its own subprocess")
    mem_rows = [("Presidio out of the box", pres["peak_self"], pres["peak_children"]),
                ("project, single process", proj["peak_self"], proj["peak_children"])]
    for name, own, kids in mem_rows:
        peak = own + kids
        print(f"{name:<28}{peak:>8,.0f} MB   target <= {TARGET_MEMORY_MB:,.0f} MB: "
              f"{verdict(peak <= TARGET_MEMORY_MB)}")
    if par is not None:
        n = par["workers"]
        total = par["peak_self"] + n * par["peak_children"]
        print(f"{f'project, {n} workers':<28}{total:>8,.0f} MB   (coordinator {par['peak_self']:,.0f} MB"
              f" + {n} x largest worker {par['peak_children']:,.0f} MB; an upper bound on the total)")

    print()
    print(f"Linear scaling: the project, single process, one document of 1x/{factors[1]}x/{factors[2]}x"
          f" {base:,} words (the source texts joined)")
    print(f"{'size':>6}{'words':>10}{'seconds':>10}{'s / 1,000 words':>18}")
    for f, run in zip(factors, scale["runs"]):
        print(f"{f'{f}x':>6}{run['words']:>10,}{run['seconds']:>10.2f}{run['seconds'] / run['words'] * 1000:>18.3f}")
    first, last = scale["runs"][0], scale["runs"][-1]
    per_first = first["seconds"] / first["words"]
    per_last = last["seconds"] / last["words"]
    print(f"s / 1,000 words at {factors[-1]}x vs 1x: {per_last / per_first:.2f} (1.00 = perfectly linear)")
    print(f"\nLoad average at the end: {os.getloadavg()[0]:.2f} (other processes on the machine slow every figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
