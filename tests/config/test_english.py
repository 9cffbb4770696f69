"""The English lexicon tells common words from proper nouns, whatever case the draft writes them in."""

from __future__ import annotations

import pytest

from anonymiser.config.english import WordClass, is_common_word, word_class


@pytest.mark.parametrize("word, expected", [
    ("guidance", WordClass.COMMON), ("GUIDANCE", WordClass.COMMON), ("Bruising", WordClass.COMMON),
    ("June", WordClass.PROPER), ("june", WordClass.PROPER), ("Helen", WordClass.PROPER),
    ("Will", WordClass.BOTH), ("will", WordClass.BOTH), ("Rose", WordClass.BOTH),
    ("Quillfeather", WordClass.UNKNOWN), ("Okafor", WordClass.UNKNOWN), ("CAMHSX", WordClass.UNKNOWN),
])
def test_each_word_has_its_class(word: str, expected: WordClass) -> None:
    assert word_class(word) is expected


def test_a_possessive_or_a_plural_is_read_as_its_word() -> None:
    assert word_class("Helen's") is WordClass.PROPER
    assert word_class("Helen’s") is WordClass.PROPER
    assert word_class("Recordings") is WordClass.COMMON


def test_only_a_word_never_written_as_a_name_is_common() -> None:
    assert is_common_word("Overview")
    assert not is_common_word("June")  # a month and a woman's name: never only a common word
    assert not is_common_word("Will")
    assert not is_common_word("Trelawny")
