"""Words typed in capitals are shown to the detectors in ordinary case, at the same offsets."""

from __future__ import annotations

from anonymiser.detect.capitals import capitals_runs, ordinary_case


def test_ordinary_case_keeps_length_and_possessives() -> None:
    assert ordinary_case("MOTHER: JANE SMITH'S FLAT") == "Mother: Jane Smith's Flat"
    assert len(ordinary_case("O’NEILL")) == len("O’NEILL")


def test_runs_of_two_or_more_words_in_capitals_with_house_numbers_between() -> None:
    text = "Seen at FLAT 3 41 MARLOWE CRESCENT by Ms Jones; NHS said no. MGM: GRACE ADEBAYO (lives nearby)"
    runs = list(capitals_runs(text))
    # 'NHS' alone and 'MGM:' (a colon between) are not runs of two words.
    assert [run for _, run in runs] == ["Flat 3 41 Marlowe Crescent", "Grace Adebayo"]
    for offset, run in runs:
        assert text[offset:offset + len(run)] == run.upper()
