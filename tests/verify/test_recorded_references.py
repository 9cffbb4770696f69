"""The leak check's windowed search for recorded references finds what the whole-text search finds."""

from __future__ import annotations

import random

import pytest

from anonymiser.detect.recognizers.register_references import find_references
from anonymiser.verify.references import find_recorded_references

REFERENCES = ["CR/2021/004512", "4512", "CSPR 2026-03", "2026-03", "QX77123", "AB 12 345", "A0012", "SW-ONLY",
              "00045", "12/345/6789", "PN 45", "0"]

TEXT = (
    "The crime report CR/2021/004512 (also cr 2021 4512 and CR-2021-0004512) was logged; ring 0207 946 4512"
    " or 01632 960 4512. The case CSPR 2026-03 is 'cspr2026-03' in the footer, CSPR\n2026-03 when wrapped,"
    " and 2026-03-14 is a date, not it. QX77123minutes runs on; QX 77123 stands. AB12345 and ab 12  345,"
    " AB 012 0345. A12 and A0012 and a-12. SW-ONLY sw only. 45 and 0045 and 00045; 12/345/6789 and"
    " 12 345 6789 and 112/345/67890. PN 45, pn45, PN045, PN 4567. 0 and 00 and 10."
)


def _both(text: str, refs: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return list(find_recorded_references(text, refs)), list(find_references(text, refs))


def test_same_spans_on_an_invented_text() -> None:
    windowed, whole = _both(TEXT, REFERENCES)
    assert windowed == whole
    assert len(whole) > 15  # the text writes many of them, in many forms


@pytest.mark.parametrize("seed", range(40))
def test_same_spans_on_random_texts(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "0123456789 -/.\nabCRQXAB_"
    pieces = [rng.choice(REFERENCES) if rng.random() < 0.3 else "".join(rng.choice(alphabet)
              for _ in range(rng.randrange(1, 12))) for _ in range(60)]
    text = "".join(p + rng.choice(["", " ", "-", "  ", "\n", "/", "x"]) for p in pieces)
    refs = rng.sample(REFERENCES, 6) + ["".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 5)))]
    windowed, whole = _both(text, refs)
    assert windowed == whole


def test_a_long_run_of_zeros_is_searched_whole() -> None:
    text = "ref PN 00000000045 stands here, and PN 45"
    windowed, whole = _both(text, ["PN 45"])
    assert windowed == whole == [(4, 18), (36, 41)]
