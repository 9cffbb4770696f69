"""A clinical score or a code the NER read as a person names nobody."""

from __future__ import annotations

from anonymiser.core import entities as E
from anonymiser.core.detection import Detection
from anonymiser.decide.scores import a_score_not_a_person


def _ner(entity: str, detectors: tuple[str, ...] = ("SpacyRecognizer",)) -> Detection:
    return Detection(0, 1, entity, 0.85, detectors)


def test_a_score_of_letters_and_digits_is_no_person() -> None:
    assert a_score_not_a_person(_ner(E.PERSON), "E3 V4 M6")
    assert a_score_not_a_person(_ner(E.PERSON), "T4, L1")


def test_a_name_beside_a_number_or_another_detectors_person_stays() -> None:
    assert not a_score_not_a_person(_ner(E.PERSON), "Ravi 2")
    assert not a_score_not_a_person(_ner(E.PERSON, ("TitledPersonRecognizer",)), "E3 V4")
    assert not a_score_not_a_person(_ner(E.ORGANISATION), "E3 V4")
