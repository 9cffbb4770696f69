"""Quantities and named courts and prisons, for profiles that replace them (strict)."""

from __future__ import annotations

import pytest

from anonymiser.detect.recognizers.courts_prisons import CourtsPrisonsRecognizer
from anonymiser.detect.recognizers.quantity import QuantityRecognizer


def spans(rec, text: str) -> list[str]:
    return [text[r.start:r.end] for r in sorted(rec.analyze(text, rec.supported_entities, None), key=lambda r: r.start)]


@pytest.mark.parametrize("text, expected", [
    ("The father owed GBP 6,000 in rent arrears.", "GBP 6,000"),
    ("She was paid £250 a week.", "£250"),
    ("The award was 68,000 Danish kroner (DKK).", "68,000 Danish kroner (DKK)"),
    ("The flat measured 56 sq. m in all.", "56 sq. m"),
    ("The bedsit was 18sqm.", "18sqm"),
    ("The flat was 56 sq. metres.", "56 sq. metres"),
    ("The flat was 56 sq.metres.", "56 sq.metres"),
    ("The house stood in 4 hectares of land.", "4 hectares"),
    ("The unit had 120 square metres of floor space.", "120 square metres"),
    ("He lived 3 miles from the school.", "3 miles"),
    ("He faced eight counts of assault.", "eight counts"),
    ("The mother cared for two children alone.", "two children"),
    ("Four other men were arrested.", "Four other men"),
])
def test_quantities(text: str, expected: str) -> None:
    assert expected in spans(QuantityRecognizer(), text)


def test_a_unit_ends_at_the_word_end() -> None:
    """'4 grammar schools' holds no '4 gram': a unit is a whole word."""
    assert spans(QuantityRecognizer(), "He had attended 4 grammar schools.") == []


def test_no_quantity_without_a_number() -> None:
    assert spans(QuantityRecognizer(), "The counts were read out and the children left.") == []


@pytest.mark.parametrize("text, expected", [
    ("He was held at HM Prison Durham until 2019.", "HM Prison Durham"),
    ("He was moved to HMP Long Lartin.", "HMP Long Lartin"),
    ("He spent a year in Parkhurst Prison.", "Parkhurst Prison"),
    ("The case was heard at Norwich Crown Court.", "Norwich Crown Court"),
])
def test_named_courts_and_prisons(text: str, expected: str) -> None:
    assert expected in spans(CourtsPrisonsRecognizer(), text)


def test_generic_courts_are_not_named_ones() -> None:
    assert spans(CourtsPrisonsRecognizer(), "the Crown Court sentenced him; the prison refused.") == []
