"""Shapes of text the phrase layer keeps (decide/shapes.py). All text here is invented."""

from __future__ import annotations

from anonymiser.decide.shapes import common_words_only, expansion_start, labels, section_numbers


def test_common_words_are_recognised_with_plurals_and_hyphen_parts() -> None:
    assert common_words_only("Rapid Reviews")
    assert common_words_only("Multi-agency")
    assert common_words_only("Bruising")
    assert not common_words_only("Genogram")  # unknown to the lexicon: left for other evidence
    assert not common_words_only("June")  # a proper noun
    assert not common_words_only("Rose")  # a name and a word
    assert not common_words_only("SAR")  # an acronym


def test_labels_and_not_initials() -> None:
    text = "Child C met Mr X. The visit by Mr J. Turnbury and Ms A.B. Coyle. Adult 2's carer and Baby D."
    assert [text[s:e] for s, e in labels(text)] == ["Child C", "Mr X", "Adult 2's", "Baby D"]


def test_an_initial_without_a_dot_before_a_surname_is_no_label() -> None:
    text = "Mr J Turnbury and Ms A Okonjo met Child C Health visitors saw Mr X The next day."
    assert [text[s:e] for s, e in labels(text)] == ["Child C", "Mr X"]


def test_section_numbers_open_lines_or_follow_a_cited_part() -> None:
    text = "3.4 Findings\nsee paragraphs 2.1 and 2.3; the dose was 2.5 mg.\n12.11.21 GP visit"
    assert [text[s:e] for s, e in section_numbers(text)] == ["3.4", "2.1", "2.3"]


def test_a_three_part_number_with_a_one_digit_last_part_is_a_section_not_a_date() -> None:
    text = "3.4.2. Findings\n3.4.21 GP visit\n"
    assert [text[s:e] for s, e in section_numbers(text)] == ["3.4.2."]


def test_an_acronyms_capitals_are_spelt_by_the_words_before_it() -> None:
    text = "The Bedwell Borough Safeguarding Children Board (BBSCB) met; the Blue Sky Fund (XYZ) did not."
    start = expansion_start(text, text.index("(BBSCB)"), "BBSCB")
    assert start is not None and text[start:].startswith("Bedwell Borough")
    assert expansion_start(text, text.index("(XYZ)"), "XYZ") is None
