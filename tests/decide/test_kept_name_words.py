"""A kept word that is a word of someone's name (decide.kept_name_words, decide.surnames): invented text."""

from __future__ import annotations

from anonymiser.api import anonymise
from anonymiser.decide.surnames import is_kept_surname


def test_a_kept_word_after_a_title_and_before_a_surname_is_a_first_name() -> None:
    span = "Ms Chelsea Hughes"
    s = span.index("Chelsea")
    assert is_kept_surname(span, 0, len(span), s, s + len("Chelsea"))
    span = "Ms Chelsea Marwood"  # after a title, a surname no list knows is still one
    s = span.index("Chelsea")
    assert is_kept_surname(span, 0, len(span), s, s + len("Chelsea"))
    span = "the Chelsea Hughes"  # no title before it: nothing says the word opens a name
    s = span.index("Chelsea")
    assert not is_kept_surname(span, 0, len(span), s, s + len("Chelsea"))


def test_a_country_as_a_first_name_goes_with_the_name_and_again_before_a_persons_verb() -> None:
    text = ("The referral went in June 2022 to the duty social worker, Mr Jordan Threlfall, who was new. "
            "Jordan told the panel that he had not seen the file. The family had come from Jordan in 2015.")
    out = anonymise(text).text
    assert "Threlfall" not in out
    assert "Jordan told" not in out
    assert "from Jordan in 2015" in out  # the country stays where no person's verb follows it
    assert "worker, who was new" in out  # the name and its commas go together, the title with them


def test_a_kept_word_after_a_title_outside_the_span_is_a_first_name_too() -> None:
    text = "PC Chad Withnell attended"
    s = text.index("Chad")
    assert is_kept_surname(text, s, len("PC Chad Withnell"), s, s + len("Chad"))  # the span is the name alone
    out = anonymise("PC Mali Tudwell attended with DC Chad Ormerod. PC Tudwell spoke to the neighbour.").text
    assert "Mali" not in out and "Chad" not in out and "Tudwell" not in out and "Ormerod" not in out
    assert "She visited Mali in 2019." in anonymise("She visited Mali in 2019.").text  # the country alone stays
