"""The words of a name the NER's span stopped short of (decide.name_edges): invented names."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise
from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.name_edges import take_in_first_names, take_in_surnames


def _found(text: str, name: str) -> Detection:
    s = text.index(name)
    return Detection(s, s + len(name), E.PERSON, 0.85, ("SpacyRecognizer",))


@pytest.mark.parametrize("text, name, whole", [
    ("Kyle Judge was arrested after the incident.", "Kyle", "Kyle Judge"),      # a word the lexicon knows
    ("The lodger was Dean Marsh, a friend of the father.", "Dean", "Dean Marsh"),  # a surname the lists know
    ("Police spoke to Kyle Judge's brother at the house.", "Kyle", "Kyle Judge"),  # the possessive stays outside
    ("The worker told Kyle Monday that the visit was off.", "Kyle", "Kyle"),     # a weekday is the sentence's
    ("Staff at Kyle Police Station were told.", "Kyle", "Kyle"),                # a title-case run of words
    ("Kyle Police said nothing about the call.", "Kyle", "Kyle"),               # an agency's word
    ("She said Kyle, Judge of the panel, agreed.", "Kyle", "Kyle"),             # a comma parts them
    ("He asked Kyle English questions at school.", "Kyle", "Kyle"),             # a language, no surname
    ("Megan Year 6 had a new teacher.", "Megan", "Megan"),                      # a number after it
])
def test_a_capitalised_word_after_a_first_name_is_its_surname(text: str, name: str, whole: str) -> None:
    got = take_in_surnames(text, [_found(text, name)], [])
    assert text[got[0].start:got[0].end] == whole


def test_the_surname_found_so_is_the_persons_at_its_titled_mentions() -> None:
    text = "Kyle Judge moved in with the family. Mr Judge later denied this. Judge Patel heard the case."
    got = take_in_surnames(text, [_found(text, "Kyle")], [])
    assert [text[d.start:d.end] for d in got] == ["Kyle Judge", "Mr Judge"]


def test_two_first_names_before_a_surname_are_taken_in() -> None:
    text = "In 2019 Lily Rose Field became the children's carer."
    got = take_in_first_names(text, [_found(text, "Field")], [])
    assert text[got[0].start:got[0].end] == "Lily Rose Field"


@pytest.mark.parametrize("text, leaked", [
    ("Kyle Judge was arrested in March. Mr Judge denied the allegation.", "Judge"),
    ("Lily Rose Field was the maternal grandmother. Mrs Field cared for the children.", "Lily"),
])
def test_no_piece_of_the_name_is_published(text: str, leaked: str) -> None:
    out = anonymise(text).text
    assert leaked not in out and "Adult A" in out and "Adult B" not in out
