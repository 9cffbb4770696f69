"""Finding a phrase through the word index: only where all its words follow, never missing one."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from anonymiser.config.lexicon import WordIndex

WORDS = ["Amara", "amara", "AMARA", "Okafor", "Price", "O'Brien", "Kayla's", "(AB/12.3", "x)", "Ms", "the",
         "Amara-Price", "okafor.", "Ōla"]
GAPS = [" ", "  ", "\n", " \n ", ", ", ".", "'"]


@st.composite
def text_and_phrase(draw: st.DrawFn) -> tuple[str, str]:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
    text = "".join(w + draw(st.sampled_from(GAPS)) for w in words)
    i = draw(st.integers(0, len(words) - 1))
    phrase = " ".join(words[i:i + draw(st.integers(1, 3))])
    return text, phrase


@given(text_and_phrase())
def test_every_whole_word_occurrence_is_a_candidate_and_nothing_the_old_scan_ruled_out(
        case: tuple[str, str]) -> None:
    text, phrase = case
    index = WordIndex(text)
    body = r"\s+".join(map(re.escape, phrase.split()))
    truth = {m.start() for m in re.finditer(r"(?<!\w)" + body + r"(?!\w)", text, re.I)}
    found = set(index.phrase_candidates(phrase))
    assert truth <= found <= set(index.candidates(phrase))


def test_names_sharing_a_first_name_are_told_apart_by_the_next_word() -> None:
    text = "Amara Okafor met Amara Price; later AMARA\nOKAFOR and amara  price spoke to Amara."
    index = WordIndex(text)
    assert index.phrase_candidates("Amara Okafor") == [0, text.index("AMARA")]
    assert index.phrase_candidates("Amara Price") == [text.index("Amara Price"), text.index("amara  price")]
    assert len(index.candidates("Amara Okafor")) == 5


def test_subtract_leaves_the_pieces_outside_every_hole() -> None:
    from anonymiser.config.lexicon import subtract

    assert subtract(0, 20, []) == [(0, 20)]
    assert subtract(0, 20, [(5, 8), (12, 30)]) == [(0, 5), (8, 12)]
    assert subtract(10, 20, [(0, 25)]) == []
    assert subtract(10, 20, [(0, 10), (20, 25)]) == [(10, 20)]
