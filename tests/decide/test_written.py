"""`WrittenLabels` answers as the label's own pattern searched over the whole draft would."""

from __future__ import annotations

import re

import pytest

from anonymiser.decide.written import WrittenLabels

TEXT = (
    "The panel met Health Visitor 2 twice. HEALTH VISITOR 3 wrote the note; pre-Social Worker 1 was "
    "a typing error, and Social Worker 10 is not Social Worker 1. The \u212aeyworker 1 (kelvin sign) and "
    "the Family \u017fupport Worker 4 (long s) are written with look-alike letters. Nurse 7-"
    " ends in a hyphen; Caf\u00e9 Worker 2 is not ASCII."
)

LABELS = [
    "Health Visitor 2", "health visitor 3", "Health Visitor 1", "Social Worker 1", "Social Worker 10",
    "Keyworker 1", "Family Support Worker 4", "Nurse 7", "Café Worker 2", "Cafe Worker 2", "the panel",
    "Panel", "Visitor", "Worker", "pre", "error", "Social Worker",
]


def _searched(text: str, label: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", text, re.I) is not None


@pytest.mark.parametrize("label", LABELS)
def test_same_answer_as_the_pattern_over_the_whole_text(label: str) -> None:
    assert WrittenLabels(TEXT)(label) == _searched(TEXT, label)


def test_the_answers_differ_between_labels() -> None:
    writes = WrittenLabels(TEXT)
    # both answers occur, so the comparison above is not trivially true
    assert writes("Health Visitor 2") and writes("health visitor 3") and writes("Keyworker 1")
    assert writes("Family Support Worker 4") and writes("Social Worker 10")
    assert not writes("Health Visitor 1") and not writes("Nurse 7") and not writes("Cafe Worker 2")
    assert writes("Café Worker 2")
    # 'pre-Social Worker 1' is not a whole 'Social Worker 1', but the sentence after it writes one
    assert writes("Social Worker 1")
    assert not WrittenLabels("pre-Social Worker 1 and Social Worker 12")("Social Worker 1")
