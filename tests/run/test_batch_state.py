"""The batch state is a journal: one line appended per finished draft, compacted when it grows."""

from __future__ import annotations

import stat
from pathlib import Path

from anonymiser.run.batch_state import STATE_FILE, load_state, record_state


def _entry(n: int) -> dict:
    return {"fingerprint": {"input": f"sha{n}"}, "outputs": [f"doc{n}.anonymised.txt"], "ready": True}


def test_each_draft_appends_one_line_and_the_last_line_for_a_draft_wins(tmp_path: Path) -> None:
    record_state(tmp_path, "k1", _entry(1))
    record_state(tmp_path, "k2", _entry(2))
    record_state(tmp_path, "k1", _entry(3))
    journal = tmp_path / STATE_FILE
    assert len(journal.read_text(encoding="utf-8").splitlines()) == 3
    assert load_state(tmp_path) == {"k1": _entry(3), "k2": _entry(2)}
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600


def test_a_line_cut_short_by_a_crash_costs_only_that_draft(tmp_path: Path) -> None:
    record_state(tmp_path, "k1", _entry(1))
    with (tmp_path / STATE_FILE).open("a", encoding="utf-8") as f:
        f.write('{"key": "k2", "fingerp')
    assert load_state(tmp_path) == {"k1": _entry(1)}
    record_state(tmp_path, "k3", _entry(3))  # a torn line does not swallow the next one
    assert set(load_state(tmp_path)) == {"k1", "k3"}


def test_a_journal_much_longer_than_its_drafts_is_compacted_on_loading(tmp_path: Path) -> None:
    for n in range(300):
        record_state(tmp_path, f"k{n % 3}", _entry(n))
    assert load_state(tmp_path) == {"k0": _entry(297), "k1": _entry(298), "k2": _entry(299)}
    journal = tmp_path / STATE_FILE
    assert len(journal.read_text(encoding="utf-8").splitlines()) == 3
    assert stat.S_IMODE(journal.stat().st_mode) == 0o600
    assert load_state(tmp_path) == {"k0": _entry(297), "k1": _entry(298), "k2": _entry(299)}


def test_no_journal_or_a_damaged_one_is_no_state(tmp_path: Path) -> None:
    assert load_state(tmp_path) == {}
    (tmp_path / STATE_FILE).write_bytes(b"\xff\xfe garbage\n[1, 2]\n")
    assert load_state(tmp_path) == {}
