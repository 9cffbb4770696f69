"""The mechanics step (decide.mechanics): the issue's Grammar and Structure examples on invented text."""

from __future__ import annotations

import re

import pytest

from anonymiser.api import anonymise
from anonymiser.core.results import Replacement
from anonymiser.decide import mechanics
from anonymiser.decide.wording import article_for, starts_line_sentence


def rep(text: str, phrase: str, new: str, entity: str = "PERSON", nth: int = 0) -> Replacement:
    start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
    return Replacement(start, start + len(phrase), phrase, new, entity, ("test",), 1.0, "choose: test")


def applied(text: str, reps: list[Replacement]) -> str:
    out, pos = [], 0
    for r in sorted(reps, key=lambda r: r.start):
        out += [text[pos:r.start], r.replacement]
        pos = r.end
    return "".join(out) + text[pos:]


@pytest.mark.parametrize("new, article", [
    ("Adult A", "an"), ("Child B", "a"), ("Professional E", "a"), ("Emily", "an"), ("Oliver", "an"),
    ("unit", "a"), ("one-off", "a"), ("hour", "an"), ("NHS", "an"), ("MP", "an"), ("GP", "a"), ("[place]", "a"),
    ("[address]", "an"), ("", None),
])
def test_article_for_follows_the_sound_of_the_first_word(new: str, article: str | None) -> None:
    assert article_for(new) == article


def test_a_line_starts_a_sentence_after_a_number_a_bullet_a_blank_line_or_a_full_stop_not_mid_wrap() -> None:
    text = ("5.2 Greenbank Surgery\n\n5.2.1 Mr Tovey went. She was born in\nLagos, Nigeria.\nMrs Ekwueme came\n"
            "- Greenbank\n## Background\nJohn said")
    starts = {w: starts_line_sentence(text, text.index(w)) for w in
              ("Greenbank Surgery", "Mr Tovey", "Lagos", "Mrs Ekwueme", "Greenbank\n", "John")}
    assert starts == {"Greenbank Surgery": True, "Mr Tovey": True, "Lagos": False, "Mrs Ekwueme": True,
                      "Greenbank\n": True, "John": True}


def test_the_article_of_a_certain_person_goes_with_the_name() -> None:
    """'A Mr S Gallacher was listed', 'an Eileen Stott, who': 'a certain' person, whose label needs no article."""
    text = ("A Mr Pellington was listed. She met an Orla Fenwick, who lived below. It was a Quayle report. "
            "A Jordan Pelling who was calm. He was a Thackray who never gave up.")
    reps = [rep(text, "Mr Pellington", "Adult H"), rep(text, "Orla Fenwick", "Adult C"), rep(text, "Quayle", "Adult D"),
            rep(text, "Jordan Pelling", "Mother's Partner"), rep(text, "Thackray", "Adult B")]
    mechanics.articles(text, reps)
    assert applied(text, reps) == ("Adult H was listed. She met Adult C, who lived below. It was an Adult D report. "
                                   "Mother's Partner who was calm. He was an Adult B who never gave up.")


def test_the_article_agrees_with_the_replacement() -> None:
    text = "A Pellington report was made. She met a Orwin. He was an Fenwick. Under Plan A Quayle wrote."
    reps = [rep(text, "Pellington", "Adult H"), rep(text, "Orwin", "Adult C"), rep(text, "Fenwick", "Child B"),
            rep(text, "Quayle", "Adult D")]
    mended = mechanics.articles(text, reps)
    assert applied(text, reps) == ("An Adult H report was made. She met an Adult C. He was a Child B. "
                                   "Under Plan A Adult D wrote.")  # 'Plan A' is a letter, not the article
    assert len(mended) == 3 and reps[0].original == "A Pellington"


def test_a_kind_after_an_article_drops_its_the() -> None:
    text = "He was an Ashgrove Haulage driver."
    reps = [rep(text, "Ashgrove Haulage", "the employer", "ORGANISATION")]
    mechanics.articles(text, reps)
    assert applied(text, reps) == "He was an employer driver."


def test_a_possessive_survives() -> None:
    text = "A check on Mr Tovey's mobile and on St Anne's was made."
    reps = [rep(text, "Mr Tovey's", "Adult A"), rep(text, "St Anne's", "the church", entity="ORGANISATION")]
    mechanics.possessives(text, reps)
    assert applied(text, reps) == "A check on Adult A's mobile and on the church was made."


def test_a_bare_apostrophe_after_an_s_becomes_the_labels_possessive() -> None:
    text = "Mr Jones' van was seen; he was called 'Mr Jones' by all; Mr Jones' own words."
    reps = [rep(text, "Mr Jones", "Adult B", nth=n) for n in range(3)]
    mechanics.possessives(text, reps)
    assert applied(text, reps) == "Adult B's van was seen; he was called 'Adult B' by all; Adult B's own words."


def test_a_marker_never_glues_to_a_plus_an_underscore_or_a_letter() -> None:
    text = "mobile +44 7700 900123, account x_kfairbairn and Fairbairnwas seen [on] 3rd"
    reps = [rep(text, "44 7700 900123", "[phone number removed]"), rep(text, "kfairbairn", "[name]"),
            rep(text, "Fairbairn", "[name]")]
    mechanics.glued_markers(text, reps)
    assert applied(text, reps) == "mobile [phone number removed], account [name] and [name] seen [on] 3rd"
    assert [r.original for r in reps] == ["+44 7700 900123", "x_kfairbairn", "Fairbairnwas"]


def test_a_marker_does_not_reach_into_the_replacement_beside_it() -> None:
    text = "ref AB12CD34"
    reps = [rep(text, "AB12", "[reference removed]"), rep(text, "CD34", "[code]")]
    mechanics.glued_markers(text, reps)
    assert (reps[0].start, reps[0].end, reps[1].start) == (4, 8, 8)


def test_capitals_follow_the_position() -> None:
    text = ("5.2 Greenbank Surgery\n\n- Greenbank Surgery\n\nShe was seen at\nGreenbank Surgery in May. "
            "Greenbank Surgery wrote.")
    reps = [rep(text, "Greenbank Surgery", "the GP practice", "GP_PRACTICE", n) for n in range(4)]
    mechanics.capitals(text, reps)
    assert applied(text, reps) == ("5.2 The GP practice\n\n- The GP practice\n\nShe was seen at\nthe GP practice in May. "
                                   "The GP practice wrote.")


def test_a_sentence_after_emphasis_or_a_quote_starts_with_a_capital() -> None:
    text = ('2. **The record was split.** "Greenbank Surgery" held it. She said "we rang." Greenbank Surgery '
            'did not. Mr. Greenbank Surgery is not a sentence start, nor is (Greenbank Surgery).')
    reps = [rep(text, "Greenbank Surgery", "the GP practice", "GP_PRACTICE", n) for n in range(4)]
    reps[0].start -= 1  # the quotation mark goes with the replacement, as a collapsed list's does
    reps[0].original = text[reps[0].start:reps[0].end]
    mechanics.capitals(text, reps)
    assert [r.replacement for r in reps] == ["The GP practice", "The GP practice", "the GP practice", "the GP practice"]


# --- through the whole tool ------------------------------------------------------------------------

def test_the_article_agrees_in_the_published_text_and_the_step_is_named() -> None:
    # 'Mr Pellington' says a person ('a Merlin report' alone would be a record system: decide/systems.py)
    result = anonymise("The risk was graded as standard. A Pellington report was written by Mr Quarrie. "
                       "Mr Pellington disagreed with it.")
    assert "An Adult" in result.text and "A Adult" not in result.text
    mended = [r for r in result.decisions.replacements if r.original.startswith("A ")]
    assert mended and all("mechanics" in r.rule for r in mended)


def test_a_possessive_survives_in_the_published_text() -> None:
    result = anonymise("Mr Halloran's mobile was never checked, though Mr Halloran was known to police.")
    assert re.search(r"\bAdult A['’]s mobile", result.text), result.text


def test_a_phone_number_takes_its_plus() -> None:
    result = anonymise("Ms Brightwell gave her mobile as +44 7700 900123 and her email.")
    assert "[phone number removed]" in result.text and "+[" not in result.text


def test_a_numbered_heading_keeps_its_capital() -> None:
    result = anonymise("5.3 Greenbank Surgery\n\n5.3.1 Greenbank Surgery saw the baby twice in May 2022.")
    assert result.text.startswith("5.3 The GP practice\n\n5.3.1 The GP practice saw")


def test_a_section_number_before_a_date_is_structure() -> None:
    result = anonymise("4.7 The night of 13/14 March 2023. At about midnight Mrs Kowalczyk called the police.\n\n"
                       "4.8 Later that week the health visitor called.")
    # the number stays; the date around it is reworded as a date (decide/dates.py)
    assert result.text.startswith("4.7 One night in March 2023.")
    assert "\n\n4.8 Later that week" in result.text


def test_a_section_number_read_once_as_a_reference_is_not_spread() -> None:
    text = ("2.1 The review covers the period from 3 May 2021.\n\n"
            "The review returns to this in the analysis (see 2.1). Police reference 2.1 was logged.\n\n"
            "2.1.1 Mr Brannigan said he was at work.")
    result = anonymise(text)
    assert result.text.startswith("2.1 The review")
    assert "(see 2.1)" in result.text
    assert "2.1.1 Adult A said" in result.text


def test_a_date_at_the_start_of_a_wrapped_line_goes_on_with_the_sentence() -> None:
    text = ("4.11 A strategy discussion was held that afternoon and she was moved back to Larch Ward\n"
            "on 21/03/2023. Her brother stayed with his father.\n\nOn 22/03/2023 a meeting was held.")
    result = anonymise(text)
    assert "Ward\nin March 2023." in result.text or "ward\nin March 2023." in result.text, result.text
    assert "\n\nIn March 2023 a meeting" in result.text, result.text
