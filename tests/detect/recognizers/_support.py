"""Helpers shared by the recognizer tests."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, RecognizerResult


def found(recognizer: EntityRecognizer, text: str) -> list[RecognizerResult]:
    """Run one recognizer directly, as the analyzer engine would, results in text order."""
    results = recognizer.analyze(text, entities=recognizer.supported_entities, nlp_artifacts=None)
    return sorted(results, key=lambda r: (r.start, r.end))


def spans(recognizer: EntityRecognizer, text: str) -> list[str]:
    """The matched texts, in order."""
    return [text[r.start : r.end] for r in found(recognizer, text)]


def typed_spans(recognizer: EntityRecognizer, text: str) -> list[tuple[str, str]]:
    """(entity type, matched text) pairs, in order."""
    return [(r.entity_type, text[r.start : r.end]) for r in found(recognizer, text)]


def score_of(recognizer: EntityRecognizer, text: str, span: str) -> float:
    """The score of the result covering exactly `span`."""
    scores = [r.score for r in found(recognizer, text) if text[r.start : r.end] == span]
    assert scores, f"{span!r} not found in {text!r}"
    return max(scores)
