"""Invented drafts naming a medicine by its brand: kept as written, never read as a person or a place."""

from __future__ import annotations

import pytest

from anonymiser.api import anonymise


@pytest.mark.parametrize("sentence", [
    "In hospital she was prescribed Parvolex after the overdose.",
    "Father was given Oramorph liquid for the pain.",
    "The GP advised Calpol 5ml every six hours.",
    "Mother had taken an overdose of Zomorph that evening.",
    "He was started on Movicol sachets by the paediatrician.",
])
def test_a_medicine_its_phrase_names_is_kept(sentence: str) -> None:
    assert anonymise(sentence).text == sentence


@pytest.mark.parametrize(("sentence", "name"), [
    ("The nurse brought Kayla's inhaler to the ward.", "Kayla"),
    ("Mother collected the tablets from Mrs Quillfeather at the pharmacy.", "Quillfeather"),
    ("It was Trixibelle tablets that the nurse counted, as Trixibelle later said.", "Trixibelle"),
])
def test_a_name_beside_a_medicine_word_is_still_replaced(sentence: str, name: str) -> None:
    assert name not in anonymise(sentence).text


def test_a_review_acronym_in_a_header_is_kept() -> None:
    text = "CSPR\n\nChild Safeguarding Practice Review: Kayla\n\n1.1 This CSPR was commissioned by the KSCMP after Kayla died.\n"
    out = anonymise(text).text
    assert out.startswith("CSPR\n") and "This CSPR was" in out and "Kayla" not in out


@pytest.mark.parametrize(("sentence", "name"), [
    ("Nadiya drops the children at school each morning.", "Nadiya"),
    ("Over the course of Tamsin moving house, contact lapsed.", "Tamsin"),
])
def test_a_name_before_a_verb_that_is_also_a_medicine_noun_is_replaced(sentence: str, name: str) -> None:
    assert name not in anonymise(sentence).text
