"""Many drafts at once: parallel workers, one shared pseudonym map, skip what is unchanged."""

from __future__ import annotations

import _thread
import ctypes
import hashlib
import os
import shutil
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from filelock import FileLock, Timeout

from anonymiser import __version__
from anonymiser.config.profile import Profile
from anonymiser.core.errors import AnonymiserError
from anonymiser.core.register import EMPTY_REGISTER, Register
from anonymiser.pseudonymise.case_map import CaseMap, lock_path
from anonymiser.read.convert import remove_stale_conversions
from anonymiser.run.batch_state import STATE_FILE, load_state, record_state
from anonymiser.run.pipeline import DocumentResult, RunOptions, process_file
from anonymiser.run.register import load_register
from anonymiser.write.atomic import make_claims_dir, make_private_dir, refuse_link, remove_stale_temps
from anonymiser.write.audit_key import key_file_beside, key_lock
from anonymiser.write.naming import OutputName, path_key, plan_names, stem_of

MAX_REGISTER_DEPTH = 4
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass
class Outcome:
    """One draft's fate in a batch."""

    path: Path
    result: DocumentResult | None = None
    error: str | None = None
    skipped: bool = False
    no_register: bool = False
    fingerprint: dict[str, str] = field(default_factory=dict)  # what a re-run compares to skip it
    name: OutputName = field(default_factory=OutputName)

    @property
    def label(self) -> str:
        """The input as the console shows it: register names masked (then with its place in the run)."""
        label = self.name.label or str(self.path)
        return label if label == str(self.path) else f"{label} (file {self.name.position} of {self.name.total})"

    def masked(self, line: str) -> str:
        """A console line about this input with its file name shown as in `label`."""
        return line.replace(self.path.name, Path(self.name.label).name) if self.name.label else line


@dataclass
class BatchSettings:
    profile: Profile
    out_dir: Path
    map_file: Path
    register_path: Path | None = None
    accept_tracked_changes: bool = False
    password: str | None = None
    decisions_path: Path | None = None


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.error]

    @property
    def not_ready(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.result and not o.result.ready]

    def counts(self) -> dict[str, int]:
        total: dict[str, int] = {}
        for o in self.outcomes:
            for k, v in (o.result.counts if o.result else {}).items():
                total[k] = total.get(k, 0) + v
        return total


def register_for(path: Path, explicit: Path | None) -> tuple[Register, Path | None]:
    """The draft's register: --register, else DRAFT.register.yaml, or register.yaml in its folder or above."""
    if explicit:
        return load_register(explicit), explicit
    candidates = [path.with_name(f"{path.stem}.register.yaml")]
    # A case folder's register.yaml also covers drafts in its sub-folders (agency reports, briefings).
    candidates += [folder / "register.yaml" for folder in list(path.resolve().parents)[:MAX_REGISTER_DEPTH]]
    for candidate in candidates:
        if candidate.is_file():
            return load_register(candidate), candidate
    return EMPTY_REGISTER, None


def _file_sha(path: Path | None) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path and path.is_file() else ""


def fingerprint(path: Path, register_path: Path | None, settings: BatchSettings) -> dict[str, str]:
    """Everything that, if unchanged, makes a re-run of this draft unnecessary."""
    return {"input": _file_sha(path), "register": _file_sha(register_path), "profile": settings.profile.sha256,
            "decisions": _file_sha(settings.decisions_path), "tool": __version__}


def _state_key(path: Path) -> str:
    # The path may name the child, so the state file keys drafts by a hash of it.
    return path_key(path)


def clean_leftovers(settings: BatchSettings) -> None:
    """Remove temporary files a killed earlier run left behind (they may hold originals).

    Conversion folders of killed runs (read.convert) go too, wherever their output folder was.

    Output temporaries carry their writer's pid, so only dead writers' files go. Pseudonym map
    temporaries are only ever written while the map's lock is held, so with the lock held any
    that exist are leftovers.
    """
    remove_stale_temps(settings.out_dir)
    remove_stale_conversions()  # a killed run's copies of .doc, .odt and .rtf drafts, in the system's temp folder
    folder = settings.map_file.parent
    if folder != settings.out_dir:
        remove_stale_temps(folder)
    if not any(folder.glob(".map-*.tmp")):
        return  # the usual case; taking the lock would create a lock file in an empty folder
    try:
        with FileLock(str(lock_path(settings.map_file)), mode=0o600, timeout=5):
            for leftover in folder.glob(".map-*.tmp"):
                leftover.unlink(missing_ok=True)
    except (OSError, Timeout):
        pass  # another run holds the map, or the folder is not writable: the run reports that


def process_one(path: Path, settings: BatchSettings, name: OutputName | None = None) -> Outcome:
    """Run one draft; every failure becomes a one-line message, never a traceback."""
    name = name or OutputName(label=path.name)
    shown = Outcome(path, name=name).label
    try:
        register, reg_path = register_for(path, settings.register_path)
        case_map = CaseMap(settings.map_file, register.case_key, settings.profile.pseudonym_pools)
        from anonymiser.review.decisions_file import load_decisions

        reviewer = load_decisions(settings.decisions_path) if settings.decisions_path and name.takes_decisions else None
        opts = RunOptions(settings.profile, register, settings.out_dir, settings.accept_tracked_changes,
                          settings.password, reviewer, naming=name)
        result = process_file(path, opts, case_map)
        return Outcome(path, result=result, no_register=register is EMPTY_REGISTER,
                       fingerprint=fingerprint(path, reg_path, settings), name=name)
    except AnonymiserError as exc:
        # Consoles are logged, so the draft is named as the officer sees it, register names masked.
        return Outcome(path, error=exc.line().replace(str(path), shown), name=name)
    except OSError as exc:
        # Reading problems are InputErrors by now, so an OSError here is about the outputs.
        why = exc.strerror or type(exc).__name__
        return Outcome(path, error=f"{shown}: could not write output ({why}); nothing was written for it. "
                                   f"Check free space and permissions on {settings.out_dir}.", name=name)
    except Exception as exc:  # noqa: BLE001 - one bad draft must not stop a batch
        # Exception text can quote the draft, so only the kind of error is reported.
        return Outcome(path, error=f"{shown}: unexpected {type(exc).__name__}; nothing was written for it. "
                                   "Please report this, keeping the draft private.", name=name)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _redeliver_interrupt(unraisable: "sys.UnraisableHookArgs") -> None:
    """A Ctrl-C that lands inside a finaliser is swallowed there, with a traceback on the console,
    and the process goes on as if nothing happened; deliver it again, quietly, instead."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        # From another thread a moment later, so it arrives once the finaliser has returned
        # rather than inside this hook (where it would be swallowed again).
        threading.Timer(0.05, _thread.interrupt_main).start()
        return
    sys.__unraisablehook__(unraisable)


def deliver_swallowed_interrupts() -> None:
    sys.unraisablehook = _redeliver_interrupt


def exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker never outlives the batch that started it (SIGKILL, SIGTERM, crash),
    and prints nothing."""
    deliver_swallowed_interrupts()
    # A worker reports through its results. What it would print itself (a traceback as the pool
    # shuts down after Ctrl-C, a library's warning quoting the draft) must not reach the console,
    # which may be logged.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the watcher below still notices
    if os.getppid() != parent:
        os._exit(1)  # the parent died before the request took effect
    # Portable fallback (and belt and braces on Linux): a worker whose parent is gone is re-parented.
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def check_records(settings: BatchSettings) -> None:
    """Refuse a run whose output folder, pseudonym map, audit key, their locks, state or index is a symbolic link."""
    key = key_file_beside(settings.map_file)
    for path in (settings.out_dir, settings.map_file.parent, settings.map_file, lock_path(settings.map_file),
                 key, key_lock(key), settings.out_dir / STATE_FILE, settings.out_dir / "index.html"):
        refuse_link(path)


def run_batch(files: list[Path], settings: BatchSettings, workers: int,
              progress: Callable[[Outcome], None] | None = None,
              roots: dict[Path, Path] | None = None) -> Summary:
    """Process drafts, in parallel when workers > 1; skip drafts whose inputs are unchanged.

    `roots` gives each draft's batch folder (default: its own folder); output names come from the
    path below it, decided here from the sorted inputs before any worker starts.
    """
    deliver_swallowed_interrupts()
    check_records(settings)
    make_private_dir(settings.out_dir)
    make_private_dir(settings.map_file.parent)
    clean_leftovers(settings)
    state = load_state(settings.out_dir)
    summary = Summary()
    registers: dict[Path, tuple[Register, Path | None]] = {}
    failed: dict[Path, str] = {}
    for path in files:
        try:
            registers[path] = register_for(path, settings.register_path)
        except AnonymiserError as exc:
            failed[path] = exc.line()
    owners = {stem_of(n): key for key, entry in state.items() if isinstance(entry, dict)
              for n in entry.get("outputs", []) if isinstance(n, str)}
    claims = make_claims_dir(settings.out_dir)
    try:
        plan = plan_names([(p, (roots or {}).get(p, p.parent), registers.get(p, (EMPTY_REGISTER, None))[0])
                           for p in files], owners, claims)
        plan = _decisions_targets(plan, settings.decisions_path)
        return _run(files, settings, workers, progress, plan, registers, failed, state, summary)
    finally:
        shutil.rmtree(claims, ignore_errors=True)


def _decisions_targets(plan: dict[Path, OutputName], decisions_path: Path | None) -> dict[Path, OutputName]:
    """Mark the drafts the decisions file is for; refuse a file that is for no draft of the run, or
    for several alike, before anything is written (a reviewer's additions left out would be leaks)."""
    if decisions_path is None:
        return plan
    from anonymiser.review.decisions_file import load_decisions

    decisions = load_decisions(decisions_path)
    paths = list(plan)
    chosen = set(decisions.targets(["/".join((*plan[p].folders, p.name)) for p in paths]))
    if not chosen:
        raise AnonymiserError(decisions_path, "its 'document:' is none of the drafts of this run, so none of its "
                              "decisions would be applied", "Run it with the draft it was exported for, or correct "
                              "its 'document:' line (the draft's path below the folder you run).")
    if len(chosen) > 1 and decisions.document:
        raise AnonymiserError(decisions_path, f"its 'document:' fits {len(chosen)} drafts of this run (same-named "
                              "drafts in different folders)", "Write the draft's folder in its 'document:' line, "
                              "e.g. 'document: health/chronology.txt'.")
    return {p: replace(name, takes_decisions=p in {paths[i] for i in chosen}) for p, name in plan.items()}


def _run(files: list[Path], settings: BatchSettings, workers: int, progress: Callable[[Outcome], None] | None,
         plan: dict[Path, OutputName], registers: dict[Path, tuple[Register, Path | None]],
         failed: dict[Path, str], state: dict, summary: Summary) -> Summary:
    todo: list[Path] = []
    for path in files:
        if path in failed:
            outcome = Outcome(path, error=failed[path].replace(str(path), Outcome(path, name=plan[path]).label),
                              name=plan[path])
        else:
            prev = state.get(_state_key(path))
            same = prev and prev.get("fingerprint") == fingerprint(path, registers[path][1], settings)
            outputs_there = prev and all((settings.out_dir / n).exists() for n in prev.get("outputs", []))
            if prev and same and outputs_there:
                outcome = Outcome(path, skipped=True, name=plan[path])
                claims = plan[path].claims
                assert claims is not None  # a batch always has its folder of claimed stems
                for stem in {stem_of(n).casefold() for n in prev.get("outputs", [])}:
                    (claims / stem).touch()  # no other draft of this run may take them
            else:
                todo.append(path)
                continue
        summary.outcomes.append(outcome)
        if progress:
            progress(outcome)

    def record(outcome: Outcome) -> None:
        summary.outcomes.append(outcome)
        if outcome.result:
            entry = {
                "fingerprint": outcome.fingerprint,
                "outputs": [p.name for p in outcome.result.outputs],
                "ready": outcome.result.ready,
            }
            try:
                record_state(settings.out_dir, _state_key(outcome.path), entry)
            except OSError:
                pass  # the outputs are complete; without the state a re-run just redoes this draft
        if progress:
            progress(outcome)

    if workers <= 1 or len(todo) <= 1:
        for path in todo:
            record(process_one(path, settings, plan[path]))
    else:
        with ProcessPoolExecutor(max_workers=workers, initializer=exit_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            futures = {pool.submit(process_one, path, settings, plan[path]): path for path in todo}
            try:
                for fut in as_completed(futures):
                    record(fut.result())
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    summary.outcomes.sort(key=lambda o: o.name.position)
    return summary


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
