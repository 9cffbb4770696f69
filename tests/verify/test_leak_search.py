"""The leak check's search for audit originals (verify.leaks): compared word by word where the text is
ASCII, it finds exactly what each original's own pattern finds."""

from __future__ import annotations

import random

import pytest

from anonymiser.config.lexicon import WordIndex
from anonymiser.core.register import EMPTY_REGISTER
from anonymiser.verify.leaks import _original_hits, _original_pattern, find_leaks

_WORDS = ["Amara", "AMARA", "amara", "Okafor", "okafor", "OKAFOR", "Amaras", "Mill", "Lane", "mill", "lane",
          "AB12", "ab12", "CD-34", "the", "and", "Kelly", "\u212aelly", "Zoë", "ZOË", "_Amara", "Amara_", "9Amara",
          "Mill\u00a0Lane", "Amara's", "O'Brien", "o'brien"]
_GAPS = [" ", "  ", "\n", "\t", " \n ", "", ", ", ". ", "-", "(", ")", "\u2009"]
_ORIGINALS = ["Amara", "Okafor", "Amara Okafor", "Mill Lane", "mill lane", "AB12", "CD-34", "Kelly", "Zoë",
              "O'Brien", "Amara's", "amara", "(Amara", "Lane"]


def _random_text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(n))


def test_an_original_is_found_where_its_pattern_matches_and_nowhere_else():
    rng = random.Random(15)
    for _ in range(200):
        text = _random_text(rng, rng.randrange(5, 60))
        index = WordIndex(text)
        for original in _ORIGINALS:
            phrase = " ".join(original.split())
            expected = [(m.start(), m.end()) for m in index.finditer(_original_pattern(original), phrase)]
            assert _original_hits(index, original) == expected, (text, original)


def test_a_name_left_in_an_output_is_reported_in_each_case_the_check_reads():
    text = "Adult A met AMARA at the school.\nLater amara and Amara Okafor's aunt moved.\n"
    leaks = find_leaks(text, "out.txt", EMPTY_REGISTER, [("Amara", "PERSON"), ("Amara Okafor", "PERSON")], {"Adult A"})
    assert sorted((leak.where, leak.text) for leak in leaks) == [
        ("out.txt:1", "AMARA"), ("out.txt:2", "Amara"), ("out.txt:2", "Amara Okafor")]


def test_a_year_of_birth_found_again_says_it_is_a_year_not_a_date_of_birth():
    text = "Her parents married in 2011. She was born in [date of birth removed].\n"
    leaks = find_leaks(text, "out.txt", EMPTY_REGISTER, [("2011", "DATE_OF_BIRTH")], set())
    assert [(leak.text, leak.why) for leak in leaks] == [
        ("2011", "a year matching a year of birth removed elsewhere in the draft")]
    leaks = find_leaks("Seen on 14/03/2011.\n", "out.txt", EMPTY_REGISTER, [("14/03/2011", "DATE_OF_BIRTH")], set())
    assert [leak.why for leak in leaks] == ["a date of birth replaced elsewhere in the draft is still written here"]


@pytest.mark.parametrize("where, plain", [
    ("notes.anonymised.docx:word/document.xml:170", "notes.anonymised.docx, paragraph 170 of the main text"),
    ("notes.anonymised.docx:word/footer2.xml:1", "notes.anonymised.docx, paragraph 1 of a footer"),
    ("notes.anonymised.docx:docProps/core.xml:2", "notes.anonymised.docx, paragraph 2 of the document properties (File > Info)"),
    ("notes.anonymised.docx:word/media/image1.png:1", "notes.anonymised.docx, paragraph 1 of word/media/image1.png"),
    ("notes.anonymised.txt:4", "notes.anonymised.txt:4"),
])
def test_a_console_line_names_a_word_files_part_as_its_reader_knows_it(where: str, plain: str) -> None:
    from anonymiser.verify.leaks import Leak

    assert Leak(where, "Tamsin", "register name").console_line() == f"{plain}: register name, 6 characters (the report shows the words)"


def test_a_replaced_place_inside_a_longer_place_name_is_that_other_place() -> None:
    # 'Manchester' the city was replaced; 'Greater Manchester', a larger area, is another place, kept.
    out = "He moved to Greater Manchester in 2015, and later to Manchester Road in [place]. Manchester was busy."
    leaks = find_leaks(out, "x", EMPTY_REGISTER, [("Manchester", "LOCATION")], set(), ())
    assert [leak.where for leak in leaks] == ["x:1", "x:1"]
    assert len(leaks) == 2  # the road named after it, and the city alone


def test_a_season_or_month_beside_a_year_is_the_time_not_a_replaced_name() -> None:
    out = "Summer 2022 to the incident. In May 2023 the family moved. Summer said no."
    leaks = find_leaks(out, "x", EMPTY_REGISTER, [("Summer", "PERSON"), ("May", "PERSON")], set(), ())
    assert [leak.text for leak in leaks] == ["Summer"]  # only the name
