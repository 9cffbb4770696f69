"""Spans for many texts: the same from several processes as from one, in the texts' order."""

from __future__ import annotations

from anonymiser.config.profile import load_profile
from anonymiser.core.register import EMPTY_REGISTER
from anonymiser.run.spans import _pieces, detect_spans

TEXTS = {
    "short": "Ms Jane Okafor rang the school on 3 March 2021.",
    "long": ("The health visitor saw Kayden at 14 Birchwood Road, Leeds LS6 2AB, on 12 May 2021. " * 30),
    "middle": "Mr Tomasz Nowak, the father, moved to Hexham in June 2020 and rang 07700 900123. " * 5,
    "none": "The panel met twice and agreed its findings.",
}


def test_several_processes_give_the_same_spans_in_the_same_order() -> None:
    profile = load_profile("safeguarding-review")
    alone = detect_spans(TEXTS, profile, EMPTY_REGISTER, workers=1)
    shared = detect_spans(TEXTS, profile, EMPTY_REGISTER, workers=2)
    assert list(shared) == list(TEXTS)
    assert shared == alone
    assert alone["short"] and alone["none"] == []


def test_texts_are_shared_out_by_length() -> None:
    jobs = {k: (v, EMPTY_REGISTER) for k, v in TEXTS.items()}
    pieces = _pieces(jobs, 2)
    assert sorted(k for p in pieces for k in p) == sorted(TEXTS)
    assert [list(p) for p in pieces] == [["long"], ["middle", "short", "none"]]
    assert len(_pieces(jobs, 10)) == len(TEXTS)
