"""People named with a title, and the professional flag."""

from __future__ import annotations

import pytest

from anonymiser.core.entities import PERSON
from anonymiser.detect.recognizers.titled_person import TitledPersonRecognizer, is_professional
from tests.detect.recognizers._support import found, spans


@pytest.fixture(scope="module")
def rec() -> TitledPersonRecognizer:
    return TitledPersonRecognizer()


@pytest.mark.parametrize(
    ("name", "professional"),
    [
        ("Dr Anika Rao", True),
        ("Dr Rao", True),
        ("DC Evans", True),
        ("DS Hughes", True),
        ("DCI Patel", True),
        ("PC 4532 Evans", True),
        ("Sgt Thompson", True),
        ("Detective Sergeant Hughes", True),
        ("Nurse Adebayo", True),
        ("Cllr Ahmed", True),
        ("Mr S. Esmer", False),
        ("Mrs J Okafor", False),
        ("Ms Price", False),
        ("Miss Kaur", False),
        ("Mr O'Neill", False),
        ("Ms Price-Jones", False),
        ("Dr van der Berg", True),
        ("Mr Justice Hayden", True),
        ("Lady Justice King", True),
        ("Judge Darwall-Smith", True),
        ("Mr L.-E. Pettiti", False),
        ("Mr J.-P. Costa", False),
        ("Mr A.N. Loizou", False),
        ("Mr Thór Vilhjálmsson", False),
        ("Mr Rıza Türmen", False),
        ("Ms Nina Holst‑Christensen", False),
        ("Mr R. LINHAM", False),
        ("Ms K. McCLEERY", False),
        ("DR H ASHCROFT", True),
    ],
)
def test_titled_names(rec: TitledPersonRecognizer, name: str, professional: bool) -> None:
    text = f"The meeting was chaired by {name}, who had met the family."
    [result] = found(rec, text)
    assert text[result.start : result.end] == name
    assert result.entity_type == PERSON
    assert result.score >= 0.85
    assert result.recognition_metadata["professional"] is professional
    # Presidio's own keys stay alongside ours.
    assert result.recognition_metadata["recognizer_name"] == "TitledPersonRecognizer"


def test_review_sentence(rec: TitledPersonRecognizer) -> None:
    text = "On 14th March 2019 the health visitor, Ms Price, visited the family at 27 Birchwood Road."
    assert spans(rec, text) == ["Ms Price"]


def test_possessive_and_role_are_left_out(rec: TitledPersonRecognizer) -> None:
    assert spans(rec, "Dr Rao's assessment was thorough.") == ["Dr Rao"]
    assert spans(rec, "Dr Rao Consultant Paediatrician") == ["Dr Rao"]
    assert spans(rec, "Mr and Mrs Okafor attended.") == ["Mrs Okafor"]


@pytest.mark.parametrize(
    "text",
    [
        "The referral was passed to Dr Barnardo's.",
        "She saw the dr about it and the pc was broken.",
        "Mother said the Dr was kind and the Nurse was not.",
        "Kayla used the PC Kayla's brother had set up.",
        "MR SMITH in capitals is a heading, not prose.",
    ],
)
def test_not_titled_names(rec: TitledPersonRecognizer, text: str) -> None:
    assert spans(rec, text) == []


def test_a_blank_line_ends_a_name(rec: TitledPersonRecognizer) -> None:
    assert spans(rec, "B. Mr White\n\nMr White is a United Kingdom national.") == ["Mr White", "Mr White"]


def test_judges_by_surname_and_post(rec: TitledPersonRecognizer) -> None:
    text = "On 16 May 2008, Tugendhat J handed down judgment; Thorpe LJ agreed."
    assert spans(rec, text) == ["Tugendhat J", "Thorpe LJ"]
    assert all(r.recognition_metadata["professional"] for r in found(rec, text))


def test_capitals_need_initials(rec: TitledPersonRecognizer) -> None:
    # A copied record: the initial shows it is a name, not a heading such as "MR SMITH STATED".
    assert spans(rec, "REFERRER: DR H ASHCROFT, CONSULTANT PAEDIATRICIAN") == ["DR H ASHCROFT"]
    assert spans(rec, "MR SMITH STATED THAT HE WOULD ATTEND") == []


def test_is_professional() -> None:
    assert is_professional("PCSO Lee")
    assert is_professional("Detective Constable Evans")
    assert not is_professional("Mrs Okafor")


def test_a_kinship_word_and_a_letter_is_no_judge_and_post() -> None:
    text = 'Calls came from a number saved as "Uncle J", and Tugendhat J later heard the case.'
    found = [text[r.start:r.end] for r in TitledPersonRecognizer().analyze(text, ["PERSON"])]
    assert found == ["Tugendhat J"]
