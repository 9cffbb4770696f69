"""verify's count of unexplained kept tokens (verify.unexplained)."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.config.profile import load_profile
from anonymiser.verify.unexplained import count_unexplained, unexplained

PROFILE = load_profile("safeguarding-review")


def test_an_anonymised_text_leaves_nothing_unexplained():
    done = anonymise("Child KW told Brannock Quelley that the Review Panel met in Anyvale.\n", PROFILE)
    assert unexplained(done.text, PROFILE, tuple(r.replacement for r in done.decisions.replacements)) == []


def test_a_name_written_into_an_output_is_counted(tmp_path):
    out = tmp_path / "x.anonymised.txt"
    out.write_text("The panel thanked Quorven Aldessa and the GP.\n", encoding="utf-8")
    found = count_unexplained([out], PROFILE, [])
    assert [shown for _, _, shown in found] == ["Quorven Aldessa"]
