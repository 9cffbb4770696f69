"""Named schools, nurseries, GP practices and hospital wards."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.core.entities import GP_PRACTICE, HOSPITAL_WARD, NURSERY, SCHOOL
from anonymiser.detect.recognizers.institutions import (
    GpPracticeRecognizer,
    HospitalWardRecognizer,
    NurseryRecognizer,
    SchoolRecognizer,
)
from tests.detect.recognizers._support import score_of, typed_spans


@pytest.fixture(scope="module")
def recs() -> list[EntityRecognizer]:
    return [SchoolRecognizer(), NurseryRecognizer(), GpPracticeRecognizer(), HospitalWardRecognizer()]


def all_spans(recs: list[EntityRecognizer], text: str) -> list[tuple[str, str]]:
    return sorted((pair for rec in recs for pair in typed_spans(rec, text)), key=lambda p: text.index(p[1]))


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Oakfield Primary School", SCHOOL),
        ("St Mary's C of E Primary School", SCHOOL),
        ("St. Anne's Catholic Primary", SCHOOL),
        ("Ss Peter and Paul Catholic Primary School", SCHOOL),
        ("Thornton Academy", SCHOOL),
        ("Riverside High School", SCHOOL),
        ("Oakfield Infant and Nursery School", SCHOOL),
        ("Oakfield Sixth Form College", SCHOOL),
        ("Little Acorns Nursery", NURSERY),
        ("Sunshine Day Nursery", NURSERY),
        ("Little Acorns Nursery School", NURSERY),
        ("Birchwood Surgery", GP_PRACTICE),
        ("Elm Tree Medical Centre", GP_PRACTICE),
        ("Parkside Health Centre", GP_PRACTICE),
        ("Ward 7", HOSPITAL_WARD),
        ("Puffin ward", HOSPITAL_WARD),
    ],
)
def test_named_institutions(recs: list[EntityRecognizer], name: str, entity: str) -> None:
    text = f"Kayla was known to {name} from 2017."
    assert all_spans(recs, text) == [(entity, name)]


def test_leading_the_is_not_in_the_span(recs: list[EntityRecognizer]) -> None:
    text = "She was registered with The Limes Medical Practice in Croydon."
    assert all_spans(recs, text) == [(GP_PRACTICE, "Limes Medical Practice")]


def test_sentence_opening_word_is_not_in_the_name(recs: list[EntityRecognizer]) -> None:
    text = "When Oakfield Primary School made the referral, Yesterday Riverside Academy replied."
    assert all_spans(recs, text) == [(SCHOOL, "Oakfield Primary School"), (SCHOOL, "Riverside Academy")]


def test_named_practice(recs: list[EntityRecognizer]) -> None:
    text = "The Birchwood Practice saw her twice."
    assert all_spans(recs, text) == [(GP_PRACTICE, "Birchwood Practice")]


def test_ward_after_preposition_beats_a_bare_capitalised_ward() -> None:
    rec = HospitalWardRecognizer()
    placed = "Kayla was admitted to Rainbow Ward on Friday."
    bare = "Nurse Sarah Ward said she would attend."
    assert typed_spans(rec, placed) == [(HOSPITAL_WARD, "Rainbow Ward")]
    assert score_of(rec, placed, "Rainbow Ward") >= 0.6
    # "Sarah Ward" is most likely a person: kept below any profile's threshold.
    assert typed_spans(rec, bare) == [(HOSPITAL_WARD, "Sarah Ward")]
    assert score_of(rec, bare, "Sarah Ward") < 0.35


@pytest.mark.parametrize(
    "text",
    [
        "The school raised concerns with her GP.",
        "She was moved to the ward after surgery.",
        "He started primary school in September.",
        "Primary School staff were trained.",
        "The Virtual School Head attended.",
        "This Child Safeguarding Practice Review considers the GP Practice response.",
        "The Royal College of Paediatrics and Child Health issued guidance.",
        "She was seen on the Children's Ward and then the Maternity Ward.",
        "He had Heart Surgery in 2018.",
        "The day nursery and the health centre were closed.",
        "Mrs Ward and Mr Green attended.",
    ],
)
def test_generic_mentions_do_not_match(recs: list[EntityRecognizer], text: str) -> None:
    assert all_spans(recs, text) == []
