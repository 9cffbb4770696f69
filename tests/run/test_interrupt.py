"""A run stopped part way (Ctrl-C, or killed outright) leaves no half-written output, and the
next run finishes the job."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.processes import PARENT, live_processes

REGISTER = """\
case: CSPR interrupt
people:
  - name: Amara Okafor
    role: subject child
    gender: female
  - name: Sarah Okafor
    role: mother
    gender: female
"""

PARAGRAPH = ("On 14th March 2019 the health visitor saw Amara Okafor at home with her mother, Sarah Okafor. "
             "Ms Okafor said Amara had been unwell and the GP at Birchwood Surgery was informed. ")
DRAFTS = 4


def hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def make_case(tmp_path: Path) -> tuple[Path, Path]:
    case = tmp_path / "case"
    case.mkdir()
    (case / "register.yaml").write_text(REGISTER, encoding="utf-8")
    for n in range(DRAFTS):
        body = "\n\n".join(f"{n}.{i} {PARAGRAPH}" for i in range(30))
        (case / f"draft-{chr(97 + n)}.txt").write_text(body + "\n", encoding="utf-8")
    return case, tmp_path / "out"


def start(case: Path, out: Path, workers: int) -> subprocess.Popen[bytes]:
    # A session of its own, so a kill can reach the workers too, as a closed terminal would.
    return subprocess.Popen([sys.executable, "-m", "anonymiser.cli", "run", str(case), "--out", str(out),
                             "--workers", str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def wait_for_first_output(proc: subprocess.Popen[bytes], out: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None or list(out.glob("*.manifest.json")):
            return
        time.sleep(0.02)
    proc.kill()
    pytest.fail("no output appeared in time")


def assert_nothing_half_written(out: Path, allow_temps: bool) -> None:
    """Every publication file has its manifest and matches the hash the manifest records."""
    if not allow_temps:
        # This test process's own temporary stands for another run still writing.
        temps = [p for p in out.glob(".tmp-*") if not p.name.startswith(f".tmp-{os.getpid()}-")]
        assert not temps, temps
    for publication in out.glob("*.anonymised.*"):
        stem = publication.name.split(".anonymised.")[0]
        manifest = json.loads((out / f"{stem}.manifest.json").read_text(encoding="utf-8"))
        digest = hashlib.sha256(publication.read_bytes()).hexdigest()
        assert manifest["outputs"][publication.name] == digest, publication
        assert "Okafor" not in publication.read_text(encoding="utf-8")


def finish(case: Path, out: Path) -> str:
    again = subprocess.run([sys.executable, "-m", "anonymiser.cli", "run", str(case), "--out", str(out),
                            "--workers", "2"], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Traceback" not in again.stderr
    assert len(list(out.glob("*.anonymised.txt"))) == DRAFTS
    assert len(list(out.glob("*.manifest.json"))) == DRAFTS
    assert_nothing_half_written(out, allow_temps=False)
    assert not list(out.glob(".map-*.tmp"))
    return again.stdout + again.stderr


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_leaves_only_complete_outputs(tmp_path: Path, workers: int) -> None:
    case, out = make_case(tmp_path)
    before = hashes(case)
    proc = start(case, out, workers)
    wait_for_first_output(proc, out)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group
    _, err = proc.communicate(timeout=120)
    assert proc.returncode in (0, 130), err.decode()
    assert b"Traceback" not in err, err.decode()
    if proc.returncode == 130:
        assert b"interrupted" in err
    assert_nothing_half_written(out, allow_temps=False)
    assert hashes(case) == before
    finish(case, out)
    assert hashes(case) == before


def test_a_killed_run_is_finished_by_the_next(tmp_path: Path) -> None:
    case, out = make_case(tmp_path)
    before = hashes(case)
    proc = start(case, out, 2)
    wait_for_first_output(proc, out)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    # A kill cannot be cleaned up after, so temporaries may remain; publications are still whole.
    assert_nothing_half_written(out, allow_temps=True)
    # Leave a dead writer's temporary for certain (the kill may have landed between files),
    # and one from a writer that is still alive (this test), which must be left alone.
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = out / f".tmp-{dead.pid}-abcd1234.txt"
    stale.write_text("Amara Okafor, half written", encoding="utf-8")
    live = out / f".tmp-{os.getpid()}-efgh5678.txt"
    live.write_text("another run's work in progress", encoding="utf-8")
    (out / ".map-zzzz.tmp").write_text("{", encoding="utf-8")
    finish_output = finish(case, out)
    assert not stale.exists() and live.exists()
    assert "Traceback" not in finish_output
    assert hashes(case) == before


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (Linux /proc)."""
    return live_processes(PARENT, pid)


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")  # a zombie runs nothing; its new parent reaps it


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_exit_when_the_batch_is_killed(tmp_path: Path, sig: signal.Signals) -> None:
    case, out = make_case(tmp_path)
    proc = start(case, out, 2)
    wait_for_first_output(proc, out)
    workers = children(proc.pid)
    assert workers, "the batch should have started its workers"
    os.kill(proc.pid, sig)  # the parent alone, as when a scheduler or the OOM killer stops it
    proc.wait(timeout=60)
    deadline = time.monotonic() + 60  # a generous bound: the workers should go at once
    while time.monotonic() < deadline and not all(gone(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if not gone(w)]
    for w in left:
        os.kill(w, signal.SIGKILL)  # never leave them behind, even when the test fails
    assert not left, f"workers outlived their batch: {left}"
    finish(case, out)


def test_an_interrupt_swallowed_by_a_finaliser_is_delivered_again() -> None:
    # Python cannot raise from __del__, so a Ctrl-C arriving there would be lost with a traceback.
    code = """
import sys, time
from anonymiser.run.batch import deliver_swallowed_interrupts
deliver_swallowed_interrupts()
class Finalised:
    def __del__(self):
        raise KeyboardInterrupt
try:
    Finalised()
    for _ in range(200):
        time.sleep(0.01)
    print("interrupt lost")
except KeyboardInterrupt:
    print("interrupted")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "interrupted", done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_a_worker_prints_nothing_to_the_console() -> None:
    # Whatever a worker writes to stderr (a traceback at shutdown, a library warning quoting the
    # draft) would land on the officer's console; the batch reports through results only.
    code = """
import os, sys
from concurrent.futures import ProcessPoolExecutor
from anonymiser.run.batch import exit_with_parent

def noisy(_):
    print("Amara Okafor in a worker traceback", file=sys.stderr, flush=True)
    return os.getpid()

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        print(len(set(pool.map(noisy, range(4)))) >= 1)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "True", done.stdout + done.stderr
    assert "Okafor" not in done.stderr
