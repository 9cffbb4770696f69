"""The partnership's keep list (config.keep_list) and the profile field that names it."""

from __future__ import annotations

import pytest

from anonymiser.config.keep_list import KeepListError, load_keep_list, merge_keep_terms, parse_keep_list
from anonymiser.config.profile import load_profile, with_keep_list


def test_terms_one_a_line_comments_and_blanks_skipped():
    assert parse_keep_list("# ours\nBrightwater Hub\n\n  Riverside   Team \nBrightwater Hub\n") == (
        "Brightwater Hub", "Riverside Team")


def test_a_missing_or_binary_file_names_the_file_and_the_fix(tmp_path):
    with pytest.raises(KeepListError, match="nope.txt: keep list not found. Check the path"):
        load_keep_list(tmp_path / "nope.txt")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(KeepListError, match="bad.txt: keep list is not"):
        load_keep_list(bad)


def test_the_profile_names_a_keep_file_relative_to_itself(tmp_path):
    (tmp_path / "ours.keep.txt").write_text("Brightwater Hub\n", encoding="utf-8")
    base = load_profile("safeguarding-review").path.read_text(encoding="utf-8")
    prof = tmp_path / "ours.yaml"
    prof.write_text(base.replace("  unnamed_areas: true", "  unnamed_areas: true\n  keep_list: ours.keep.txt"),
                    encoding="utf-8")
    assert load_profile(prof).keep_terms == ("Brightwater Hub",)


def test_with_keep_list_adds_terms_and_changes_the_profile_digest():
    prof = load_profile("safeguarding-review")
    kept = with_keep_list(prof, ("Brightwater Hub",))
    assert kept.keep_terms == ("Brightwater Hub",) and kept.sha256 != prof.sha256


def test_merge_adds_only_new_terms():
    assert merge_keep_terms("A Hub\n", ["a hub", "B Team"]) == "A Hub\nB Team\n"
