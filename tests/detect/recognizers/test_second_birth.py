"""The second of two births in one sentence, its verb left out, is a date of birth too."""

from __future__ import annotations

from anonymiser.api import anonymise


def test_both_years_of_birth_in_one_sentence_go() -> None:
    out = anonymise("Their parents met in 2004. Ruby was born in 2009 and Theo in 2012, in Hull.").text
    assert "2009" not in out and "2012" not in out and "met in 2004" in out


def test_a_year_after_another_verb_stays() -> None:
    out = anonymise("Ruby was born in March 2009 and moved in 2012 to Hull.").text
    assert "moved in 2012" in out and "2009" not in out
